"""The Fissile python runtime's own modules (server.py is the entry point)."""
