"""Shared test support: xray (see tests/conftest.py)."""
