"""Brink: a decision-simulation game about the Cuban Missile Crisis."""

__version__ = "0.1.0"
