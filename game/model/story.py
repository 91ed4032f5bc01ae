"""What happens in a scenario on the way: decision points (decisions/*.toml) and incidents
(events.toml); how it ends is in :mod:`.endings`.

Texts follow the state. Every table that carries text may say what its plain text takes for
granted (``assumes``, a condition) and may carry ``variant`` tables: the first variant whose
``when`` holds supplies the text fields it gives, the plain text the rest. ``brink check``
proves that no text is shown where its ``assumes`` is false (see docs/authoring.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Ident, IsoDate, Model, Side, Text
from .record import SourceKey
from .rules import Condition, Effect

# --- decisions/*.toml ----------------------------------------------------------------------


class Variant(Model):
    """Other words for the table that holds it, used when ``when`` holds. The first variant
    whose ``when`` holds supplies the fields it gives; the table's plain text gives the rest."""

    when: Condition
    """When these words replace the plain text (judged on the state the text is shown in)."""
    assumes: Condition | None = None
    """What this variant's own text takes for granted, beyond ``when``."""


class DecisionVariant(Variant):
    """A decision's title or situation for some states."""

    title: Text | None = None
    situation: Text | None = None


class OptionVariant(Variant):
    """An option's words for some states."""

    label: Text | None = None
    detail: Text | None = None
    result: Text | None = None
    seen_by_other: Text | None = None


class PositionVariant(Variant):
    """An adviser's argument (and the option argued for) for some states."""

    option: Ident | None = None
    argument: Text | None = None


class EventVariant(Variant):
    """An incident's title or text for some states."""

    title: Text | None = None
    text: Text | None = None


class Note(Model):
    """A paragraph shown only when its condition holds (e.g. only if the side knows a fact)."""

    when: Condition
    text: Text
    assumes: Condition | None = None
    """What the note takes for granted beyond ``when``."""


class Position(Model):
    """An adviser's position at a decision point."""

    person: Ident
    option: Ident | None = None
    """The option they argue for; the adviser speaks only while it is offered."""
    argument: Text
    """Their case, in their own voice or summarised."""
    basis: Literal["documented", "illustrative"] | None = None
    """``documented``: the record shows this person held this view at this time, and
    ``sources`` show it; ``illustrative``: a plausible line with no record, citing nothing.
    ``brink check`` requires it."""
    sources: tuple[SourceKey, ...] = ()
    when: Condition | None = None
    """The adviser speaks only when this holds (e.g. not after the option they argue for is
    gone)."""
    assumes: Condition | None = None
    """What the plain text takes for granted; shown only where it holds."""
    variants: tuple[PositionVariant, ...] = Field(alias="variant", default=())
    """Other arguments for some states: ``[[decision.advisers.variant]]``."""

    @model_validator(mode="after")
    def _basis_fits_sources(self):
        if self.basis == "documented" and not self.sources:
            raise ValueError("a documented argument needs the sources that show it")
        if self.basis == "illustrative" and self.sources:
            raise ValueError(
                "an illustrative argument cites no sources (they would read as record)"
            )
        return self


class Option(Model):
    """One choice at a decision point."""

    id: Ident
    label: Text
    """The choice in a few words, as listed."""
    detail: Text
    """What it would mean, a sentence or two."""
    result: Text
    """What follows, shown after it is chosen."""
    effects: tuple[Effect, ...] = ()
    when: Condition | None = None
    """Offered only when this holds."""
    stance: int = Field(0, ge=-2, le=2)
    """From -2 (most conciliatory) to 2 (most forceful); the hawk and dove policies use it."""
    irreversible: bool = False
    """Cannot be undone; with a sharp rise in danger the game asks to confirm."""
    seen_by_other: Text | None = None
    """What the other side's leader learns of this choice, when the other side is the player.
    Without it the other side is shown ``result``, so write it when ``result`` speaks to the
    one who chose ("You announce...") or tells what only they knew. In a ``secret`` decision
    it marks an option the other side cannot help learning (a televised speech): that option
    is shown, with this text; the decision's other options stay hidden."""
    assumes: Condition | None = None
    """What the plain text takes for granted; shown only where it holds."""
    variants: tuple[OptionVariant, ...] = Field(alias="variant", default=())
    """Other words for some states: ``[[decision.option.variant]]``. All of an option's texts
    are judged on the state just before its effects (the state its label was shown in)."""
    chain: Text | None = None
    """This act as a link in the chain an ending can name ("a US air strike on the missile
    sites"): an ending with ``chain`` lists the links of the acts and incidents of its game."""


class Record(Model):
    """What history did at a decision point."""

    option: Ident | None = None
    """The option history took; leave out only with ``none_because``."""
    none_because: Text | None = None
    """Why this decision point has no historical choice (it never arose in reality)."""
    date: IsoDate | None = None
    by: Text | None = None
    """Who decided."""
    note: Text
    """What happened, in your own words."""
    disputed: Text | None = None
    """What historians disagree on here, if anything."""
    sources: tuple[SourceKey, ...] = ()

    @model_validator(mode="after")
    def _option_or_reason(self):
        if (self.option is None) == (self.none_because is None):
            raise ValueError("give exactly one of 'option' or 'none_because'")
        if self.option is not None and not self.sources:
            raise ValueError("a historical choice needs at least one source")
        return self


class Decision(Model):
    """A decision point: one side's leader must choose."""

    id: Ident
    side: Side
    phase: Ident
    title: Text
    situation: Text
    """What the leader knew then, and no more."""
    notes: tuple[Note, ...] = ()
    when: Condition | None = None
    """The decision arises only when this holds (checked when its phase is reached)."""
    secret: bool = False
    """Taken out of the other side's sight: when the other side is the player, it learns
    neither the question nor the answer, and the track changes it can see are given no reason;
    except for an option with ``seen_by_other``, which is public by nature. (An incident's
    ``visible_to`` does the same for incidents.)"""
    advisers: tuple[Position, ...] = ()
    options: tuple[Option, ...] = Field(alias="option", min_length=2)
    history: Record
    assumes: Condition | None = None
    """What the plain text takes for granted; shown only where it holds."""
    variants: tuple[DecisionVariant, ...] = Field(alias="variant", default=())
    """Other titles or situations for some states: ``[[decision.variant]]``, judged when the
    decision is shown."""
    after: tuple[Ident, ...] = ()
    """Decisions of the same phase that must be settled (taken, or passed over because their
    ``when`` failed) before this one arises: an answer comes after what it answers, whichever
    side plays which."""


# --- events.toml ---------------------------------------------------------------------------


class ChanceBy(Model):
    """Adds ``per_point`` to an event's chance for each point of a track above ``above``."""

    track: Ident
    above: int = 0
    per_point: float = Field(ge=-1, le=1)


class Event(Model):
    """An incident nobody chose, checked when its phase begins."""

    id: Ident
    phase: Ident
    title: Text
    text: Text
    """What happened, as the player's side hears of it."""
    when: Condition | None = None
    historical: bool
    """True if it happened in reality: in historical mode it then always happens when allowed."""
    chance: float = Field(ge=0, le=1)
    """Probability in chaos mode, before ``chance_by``."""
    chance_by: tuple[ChanceBy, ...] = ()
    effects: tuple[Effect, ...] = ()
    visible_to: tuple[Side, ...] = ("usa", "ussr")
    """Sides that learn of it when it happens."""
    note: Text | None = None
    """The historical record for this incident."""
    disputed: Text | None = None
    sources: tuple[SourceKey, ...] = ()
    assumes: Condition | None = None
    """What the plain text takes for granted; shown only where it holds."""
    variants: tuple[EventVariant, ...] = Field(alias="variant", default=())
    """Other words for some states: ``[[event.variant]]``, judged when it fires (before its
    effects)."""
    chain: Text | None = None
    """This incident as a link in the chain an ending can name (see ``Option.chain``)."""
