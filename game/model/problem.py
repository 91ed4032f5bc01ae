"""A mistake found in content or a file, named by file, path and what was expected."""

from .base import Model


class Problem(Model):
    """One mistake: the file, the path inside it, and what was expected."""

    file: str
    path: str = ""
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"
