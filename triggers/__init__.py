"""Trigger blueprints: the entry points the Functions host calls (timer, HTTP)."""
