"""Shared test support: events (see tests/conftest.py)."""
