"""Scanners: numbers, dates and units read from a span of text, with positions."""
