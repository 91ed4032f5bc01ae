"""A mistake found in content or a file, named by file, path and what was expected."""

from ..terminal import shown
from .base import Model


class Problem(Model):
    """One mistake: the file, the path inside it, and what was expected. Shown as text
    (``str``, ``detail``) with what it quotes from a file escaped (see :mod:`game.terminal`)."""

    file: str
    path: str = ""
    message: str

    def __str__(self) -> str:
        return f"{shown(self.file)}: {self.detail}"

    @property
    def detail(self) -> str:
        """``path: message``, or the message alone: the problem where the file is named apart."""
        return shown(f"{self.path}: {self.message}" if self.path else self.message)


def first_error(exc: Exception) -> str:
    """The first error of a pydantic ``ValidationError`` as ``field: message`` (else the text)."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        e = errors()[0]
        return f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
    return str(exc)
