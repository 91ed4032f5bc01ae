"""A mistake found in content or a file, named by file, path and what was expected."""

from .base import Model


class Problem(Model):
    """One mistake: the file, the path inside it, and what was expected."""

    file: str
    path: str = ""
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.detail}"

    @property
    def detail(self) -> str:
        """``path: message``, or the message alone: the problem where the file is named apart."""
        return f"{self.path}: {self.message}" if self.path else self.message


def first_error(exc: Exception) -> str:
    """The first error of a pydantic ``ValidationError`` as ``field: message`` (else the text)."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        e = errors()[0]
        return f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
    return str(exc)
