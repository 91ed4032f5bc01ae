"""Pydantic models only: scenario content, game state and save files. No rules, no I/O, no UI."""

from .base import OTHER_SIDE, ROLE_SIDE, Role, Side
from .rules import Condition, Effect
from .save import MIN_SAVE_VERSION, SAVE_VERSION, SaveFile, Summary
from .scenario import Decision, Ending, Event, Option, Phase, Scenario, Track
from .state import Change, EventMode, GameState, Point, Policy, Step

__all__ = [
    "MIN_SAVE_VERSION",
    "OTHER_SIDE",
    "ROLE_SIDE",
    "SAVE_VERSION",
    "Change",
    "Condition",
    "Decision",
    "Effect",
    "Ending",
    "Event",
    "EventMode",
    "GameState",
    "Option",
    "Phase",
    "Point",
    "Policy",
    "Role",
    "SaveFile",
    "Scenario",
    "Side",
    "Step",
    "Summary",
    "Track",
]
