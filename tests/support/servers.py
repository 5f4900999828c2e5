"""Shared test support: servers (see tests/conftest.py)."""
