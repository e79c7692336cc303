"""Parse stage: source text -> classified lines -> Lark grammar -> plan tree."""
