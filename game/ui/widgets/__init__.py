"""Widgets that show parts of a game; each gets what it shows as attributes and holds no rules."""
