"""The rules, one module each (see planlint.rule). Every module here is imported by
``planlint.rule.all_rules``; keep module import cheap (load heavy libraries inside checks)."""
