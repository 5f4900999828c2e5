"""Event builders: realistic Lambda events for tests, one private module per source family."""
