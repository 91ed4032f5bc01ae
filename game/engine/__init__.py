"""Pure rules over the frozen models: play, policies, views, the history comparison, checks.

The engine does no I/O and never imports the UI.
"""

from .advance import offered
from .compare import Report, divergence, peaks, report
from .happenings import Happening
from .play import IllegalMove, Outcome, choose, new_game
from .policies import POLICIES, pick
from .view import (
    View,
    change_text,
    ending_told,
    needs_confirm,
    reflow,
    score,
    shown_position,
    view,
    where,
    where_phase,
)

__all__ = [
    "POLICIES",
    "Happening",
    "IllegalMove",
    "Outcome",
    "Report",
    "View",
    "change_text",
    "choose",
    "divergence",
    "ending_told",
    "needs_confirm",
    "new_game",
    "offered",
    "peaks",
    "pick",
    "reflow",
    "report",
    "score",
    "shown_position",
    "view",
    "where",
    "where_phase",
]
