"""Shared test support: emf (see tests/conftest.py)."""
