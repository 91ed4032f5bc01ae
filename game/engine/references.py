"""Content checks beyond the schema: every id a file mentions must exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.endings import Part
from ..model.problem import Problem
from ..model.rules import (
    AllOf,
    AnyOf,
    ChangeTrack,
    Chose,
    End,
    FlagSet,
    Knows,
    Learn,
    Not,
    SetFlag,
    TrackWithin,
)
from ..model.scenario import Decision, Scenario
from ..model.story import Position
from .sources import BASIS_MISSING, check_sources


def _walk(cond, path: str) -> Iterator[tuple[str, object]]:
    if cond is None:
        return
    yield path, cond
    if isinstance(cond, AllOf | AnyOf):
        for i, c in enumerate(cond.of):
            yield from _walk(c, f"{path}.of[{i}]")
    elif isinstance(cond, Not):
        yield from _walk(cond.of, f"{path}.of")


def _known(kind: str, value: str, known, limit: int = 8) -> str | None:
    if value in known:
        return None
    names = sorted(known)
    shown = ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")
    return f"unknown {kind} {value!r} (known: {shown or 'none'})"


class _Checker:
    def __init__(self, scenario: Scenario):
        self.s = scenario
        self.problems: list[Problem] = []
        meta = scenario.meta
        self.tracks = {t.id for t in meta.tracks}
        self.flags = {f.id for f in meta.flags} | {e.id for e in scenario.events}
        self.phases = {p.id for p in meta.phases}
        self.people = {p.id for p in scenario.people}
        self.sources = {s.key for s in scenario.sources}
        self.endings = {e.id for e in scenario.endings}
        self.options = {d.id: {o.id for o in d.options} for d in scenario.decisions}

    def add(self, file: str, path: str, message: str | None):
        if message:
            self.problems.append(Problem(file=file, path=path, message=message))

    def where(self, index: int) -> tuple[str, str]:
        return origin(self.s, index)

    def unique(self, file: str, kind: str, items, key=lambda x: x.id):
        seen = set()
        for i, item in enumerate(items):
            k = key(item)
            if k in seen:
                self.add(file, f"{kind}[{i}].id", f"duplicate id {k!r}")
            seen.add(k)

    def sources_of(self, file, path, keys):
        for i, k in enumerate(keys):
            self.add(file, f"{path}.sources[{i}]", _known("source", k, self.sources))

    def condition(self, file, path, cond):
        for p, c in _walk(cond, path):
            if isinstance(c, TrackWithin):
                self.add(file, f"{p}.track", _known("track", c.track, self.tracks))
            elif isinstance(c, FlagSet):
                self.add(file, f"{p}.flag", _known("flag", c.flag, self.flags))
            elif isinstance(c, Knows):
                self.add(file, f"{p}.fact", _known("flag", c.fact, self.flags))
            elif isinstance(c, Chose):
                msg = _known("decision", c.decision, self.options)
                self.add(file, f"{p}.decision", msg)
                for i, o in enumerate(c.options):
                    if msg is None:
                        known = self.options[c.decision]
                        self.add(file, f"{p}.options[{i}]", _known("option", o, known))

    def effects(self, file, path, effects):
        for i, e in enumerate(effects):
            p = f"{path}.effects[{i}]"
            if isinstance(e, ChangeTrack):
                self.add(file, f"{p}.track", _known("track", e.track, self.tracks))
            elif isinstance(e, SetFlag):
                self.add(file, f"{p}.flag", _known("flag", e.flag, self.flags))
            elif isinstance(e, Learn):
                self.add(file, f"{p}.fact", _known("flag", e.fact, self.flags))
            elif isinstance(e, End):
                self.add(file, f"{p}.ending", _known("ending", e.ending, self.endings))

    def run(self) -> list[Problem]:
        s, meta = self.s, self.s.meta
        f = "scenario.toml"
        for kind, items in (
            ("track", meta.tracks),
            ("flag", meta.flags),
            ("phase", meta.phases),
            ("dimension", meta.dimensions),
        ):
            self.unique(f, kind, items)
        for side, info in meta.sides.items():
            self.add(f, f"sides.{side}.leader", _known("person", info.leader, self.people))
        for i, r in enumerate(meta.roles):
            self.add(f, f"role[{i}].start_phase", _known("phase", r.start_phase, self.phases))
        self.add(f, "danger_track", _known("track", meta.danger_track, self.tracks))
        for i, t in enumerate(meta.defcon_tracks):
            self.add(f, f"defcon_tracks[{i}]", _known("track", t, self.tracks))
        for i, t in enumerate(meta.tracks):
            for j, floor in enumerate(t.floors):
                self.condition(f, f"track[{i}].floors[{j}].when", floor.when)
        seen: set[str] = set()
        for n, d in enumerate(s.decisions):
            file, base = self.where(n)
            if d.id in seen:
                self.add(file, f"{base}.id", f"duplicate id {d.id!r}")
            seen.add(d.id)
            own = {o.id for o in d.options}
            self.add(file, f"{base}.phase", _known("phase", d.phase, self.phases))
            self.condition(file, f"{base}.when", d.when)
            for i, note in enumerate(d.notes):
                self.condition(file, f"{base}.notes[{i}].when", note.when)
            self.unique(file, f"{base}.option", d.options)
            for i, o in enumerate(d.options):
                self.condition(file, f"{base}.option[{i}].when", o.when)
                self.effects(file, f"{base}.option[{i}]", o.effects)
            for i, a in enumerate(d.advisers):
                p = f"{base}.advisers[{i}]"
                self.add(file, f"{p}.person", _known("person", a.person, self.people))
                if a.option is not None:
                    self.add(file, f"{p}.option", _known("option", a.option, own))
                self.sources_of(file, p, a.sources)
                if a.basis is None:
                    self.add(file, f"{p}.basis", BASIS_MISSING)
            if d.history.option is not None:
                msg = _known("option", d.history.option, own)
                self.add(file, f"{base}.history.option", msg)
            self.sources_of(file, f"{base}.history", d.history.sources)
        f = "events.toml"
        self.unique(f, "event", s.events)
        for i, e in enumerate(s.events):
            p = f"event[{i}]"
            self.add(f, f"{p}.phase", _known("phase", e.phase, self.phases))
            self.condition(f, f"{p}.when", e.when)
            self.effects(f, p, e.effects)
            for j, c in enumerate(e.chance_by):
                self.add(f, f"{p}.chance_by[{j}].track", _known("track", c.track, self.tracks))
            self.sources_of(f, p, e.sources)
        f = "endings.toml"
        self.unique(f, "ending", s.endings)
        dims = {d.id for d in meta.dimensions}
        roles = {r.id for r in meta.roles}
        if sum(e.historical for e in s.endings) != 1:
            self.add(f, "", "exactly one ending must say historical = true")
        for i, e in enumerate(s.endings):
            p = f"ending[{i}]"
            self.condition(f, f"{p}.when", e.when)
            self.sources_of(f, p, e.sources)
            for j, g in enumerate(e.gains):
                self.add(f, f"{p}.gain[{j}].dimension", _known("dimension", g.dimension, dims))
                self.add(f, f"{p}.gain[{j}].leader", _known("person", g.leader, self.people))
            for j, r in enumerate(e.roles):
                self.add(f, f"{p}.roles[{j}]", _known("campaign", r, roles))
            for j, x in enumerate(e.parts):
                self.sources_of(f, f"{p}.part[{j}]", x.sources)
        for j, x in enumerate(s.ending_parts):
            self.sources_of(f, f"part[{j}]", x.sources)
            for k, e in enumerate(x.endings):
                self.add(f, f"part[{j}].endings[{k}]", _known("ending", e, self.endings))
        for file, kind, items in (
            ("history.toml", "entry", s.history),
            ("people.toml", "person", s.people),
            ("glossary.toml", "term", s.glossary),
        ):
            self.unique(file, kind, items)
            for i, item in enumerate(items):
                self.sources_of(file, f"{kind}[{i}]", item.sources)
        self.unique("sources.toml", "source", s.sources, key=lambda x: x.key)
        f = "debrief.toml"
        self.unique(f, "question", s.questions)
        self.unique(f, "myth", s.myths)
        for i, q in enumerate(s.questions):
            p = f"question[{i}]"
            self.sources_of(f, p, q.sources)
            if q.decision is not None:
                msg = _known("decision", q.decision, self.options)
                self.add(f, f"{p}.decision", msg)
                if msg is None:
                    for j, o in enumerate(q.options):
                        self.add(
                            f, f"{p}.options[{j}]", _known("option", o, self.options[q.decision])
                        )
        for i, m in enumerate(s.myths):
            self.sources_of(f, f"myth[{i}]", m.sources)
            for j, d in enumerate(m.decisions):
                self.add(f, f"myth[{i}].decisions[{j}]", _known("decision", d, self.options))
        self.texts()
        return self.problems

    def texts(self):
        """What texts assume and when their variants apply; answers and phases."""
        from .continuity import text_tables  # it names tables by this module's origin()

        for file, p, t in text_tables(self.s):
            self.condition(file, f"{p}.assumes", t.assumes)
            if isinstance(t, Position | Part | ChangeTrack):  # (a note's: with its decision)
                self.condition(file, f"{p}.when", t.when)
            for i, v in enumerate(getattr(t, "variants", ())):
                self.condition(file, f"{p}.variant[{i}].when", v.when)
                self.condition(file, f"{p}.variant[{i}].assumes", v.assumes)
            if isinstance(t, Decision):  # what it answers is in its phase
                same = {d.id for d in self.s.decisions if d.phase == t.phase} - {t.id}
                for i, a in enumerate(t.after):
                    self.add(file, f"{p}.after[{i}]", _known("decision of its phase", a, same))
                for j, x in enumerate(t.advisers):
                    own = {o.id for o in t.options}
                    for i, v in enumerate(x.variants):
                        if v.option is not None:
                            msg = _known("option", v.option, own)
                            self.add(file, f"{p}.advisers[{j}].variant[{i}].option", msg)
        for i, ph in enumerate(self.s.meta.phases):
            self.condition("scenario.toml", f"phase[{i}].skip_when", ph.skip_when)
            for j, v in enumerate(ph.variants):
                self.condition("scenario.toml", f"phase[{i}].variant[{j}].when", v.when)


def origin(scenario: Scenario, index: int) -> tuple[str, str]:
    """The file and path of the decision at ``index``, e.g. ("decisions/oct22.toml", "decision[0]")."""
    if index < len(scenario.origins):
        file, _, path = scenario.origins[index].partition(": ")
        return file, path
    return "decisions/", f"decision[{index}]"


def check_references(scenario: Scenario) -> list[Problem]:
    """Every track, flag, person, option, phase, ending and source a file names must exist,
    and every source must be one a student can open."""
    return _Checker(scenario).run() + check_sources(scenario)
