"""The one pydantic base every model in Brink shares: frozen, strict about unknown keys."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Side = Literal["usa", "ussr"]
"""A side of the conflict. Each role owns one side."""

Role = Literal["kennedy", "khrushchev"]
"""The leader the player advises."""

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""An identifier: lower-case letters, digits and underscores, starting with a letter."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
"""Non-empty prose shown to the player."""

IsoDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
"""A date written YYYY-MM-DD."""

ROLE_SIDE: dict[str, str] = {"kennedy": "usa", "khrushchev": "ussr"}
"""Which side each role plays."""

OTHER_SIDE: dict[str, str] = {"usa": "ussr", "ussr": "usa"}


class Model(BaseModel):
    """Frozen and forbids unknown keys. Attribute docstrings become the descriptions of the
    JSON schema, added by :mod:`game.model.schema` when the schema is made: pydantic's
    ``use_attribute_docstrings`` gives the same schema but reads the source of every class as
    it is created, about 75 ms of the game's start. Validators are built on first
    use (``defer_build``), so importing the models is cheap. Patterns run on Python's ``re``:
    the Rust engine compiles Unicode classes and bounded repeats into large automata, which
    made the save file's validator about a megabyte larger for the same checks."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        defer_build=True,
        regex_engine="python-re",
    )

    def __reduce__(self):
        """Pickled (the scenario cache) as its class, its field values and the names of the
        fields that were set, rebuilt with ``model_construct`` (no validation: the values were
        validated before they were pickled). Models with the same fields set share one set of
        names, so the cached scenario's two and a half thousand models do not each carry
        their own (about 0.9 MB)."""
        names = frozenset(self.model_fields_set)
        fields = _FIELDS_SET.setdefault(names, set(names))
        values = {name: getattr(self, name) for name in type(self).model_fields}
        return _rebuilt, (type(self), fields, values)


_FIELDS_SET: dict[frozenset[str], set[str]] = {}
"""One set of field names for every pickled model with that set (see ``Model.__reduce__``)."""


def _rebuilt(cls: type[Model], fields: set[str], values: dict) -> Model:
    return cls.model_construct(fields, **values)
