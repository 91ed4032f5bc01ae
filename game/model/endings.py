"""How a scenario's story ends (endings.toml): the endings, the paragraphs added to them from
what happened in a game, and how each leader fared. Their texts follow the state as the
decisions' and incidents' do (see :mod:`.story`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Ident, Model, Side, Text
from .record import SourceKey
from .rules import Condition
from .story import Variant

EndingTag = Literal["nuclear_war", "invasion", "settlement", "war", "peace"]
"""Categories of endings the debrief counts (and shared parts select by)."""


class EndingVariant(Variant):
    """An ending's headline, epilogue or historians' view for some final states."""

    title: Text | None = None
    epilogue: Text | None = None
    historians: Text | None = None
    seen_from: dict[Side, Text] | None = None
    """How the ending looks from each side, replacing the plain ``seen_from`` as a whole."""


class Part(Model):
    """A paragraph added to an ending when ``when`` holds at the end, after the epilogue (or
    after what historians think): endings composed from what happened in this game. Under an
    ``[[ending]]`` it belongs to that ending; at the top of endings.toml (``[[part]]``) it is
    shared by the endings its ``tags`` and ``endings`` select (every ending when neither is
    given)."""

    when: Condition
    text: Text
    to: Literal["epilogue", "historians"] = "epilogue"
    """Which text it is added to."""
    assumes: Condition | None = None
    tags: tuple[EndingTag, ...] = ()
    """The endings it is added to, by their tags."""
    endings: tuple[Ident, ...] = ()
    """The endings it is added to, by id (as well as those its tags select); with neither
    given, every ending."""
    sources: tuple[SourceKey, ...] = ()
    """The works behind what it says of history, cited with the ending when it is shown."""

    def fits(self, ending: Ending) -> bool:
        """Whether this part may be added to ``ending`` (by its tags or its id)."""
        if not self.tags and not self.endings:
            return True
        return ending.id in self.endings or any(t in ending.tags for t in self.tags)


class GainVariant(Variant):
    """Another score or note for one leader's row in some final states."""

    score: int | None = Field(default=None, ge=-2, le=2)
    note: Text | None = None


class Gain(Model):
    """How one leader fared on one dimension in an ending, from -2 (lost badly) to 2: the
    first variant whose ``when`` holds at the end gives its score and note, the plain row the
    rest."""

    leader: Ident
    """The person (people.toml) who gained or lost."""
    dimension: Ident
    score: int = Field(ge=-2, le=2)
    note: Text
    assumes: Condition | None = None
    """What the plain score and note take for granted; shown only where it holds."""
    variants: tuple[GainVariant, ...] = Field(alias="variant", default=())
    """Other scores and notes for some final states: ``[[ending.gain.variant]]``."""


class Ending(Model):
    """A way the story ends."""

    id: Ident
    title: Text
    """The headline."""
    priority: int
    """Lower is checked first when several endings hold."""
    when: Condition | None = None
    """Holds for this ending; none means it always holds (a fallback)."""
    checked: Literal["always", "at_end"] = "at_end"
    """``always``: ends the game as soon as it holds; ``at_end``: only when the calendar is over."""
    epilogue: Text
    historians: Text
    """What historians think of this outcome, or of how plausible it was."""
    historical: bool = False
    """The ending history had; exactly one ending says so."""
    tags: tuple[EndingTag, ...] = ()
    """Categories the debrief counts."""
    gains: tuple[Gain, ...] = Field(alias="gain", default=())
    clue: Text | None = None
    """A hint, shown to players who have not yet found this ending."""
    roles: tuple[Ident, ...] = ()
    """The campaigns in which this ending can happen (and must be reachable); none given:
    every campaign."""
    seen_from: dict[Side, Text] = Field(default_factory=dict)
    """How the ending looks from one side, shown after the epilogue to that side's player."""
    sources: tuple[SourceKey, ...] = ()
    assumes: Condition | None = None
    """What the plain text takes for granted; shown only where it holds."""
    variants: tuple[EndingVariant, ...] = Field(alias="variant", default=())
    """Other words for some final states: ``[[ending.variant]]``."""
    parts: tuple[Part, ...] = Field(alias="part", default=())
    """Paragraphs added when their ``when`` holds at the end: ``[[ending.part]]``."""
    chain: Text | None = None
    """A lead-in (e.g. "How it came to this:"); when given, the epilogue ends with it and the
    ``chain`` of every option taken and incident that happened in this game, in order."""

    def plays_in(self, role: str) -> bool:
        """Whether this ending can happen in the campaign ``role``."""
        return not self.roles or role in self.roles
