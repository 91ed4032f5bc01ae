"""Text for a terminal: untrusted text made safe to show, and output that degrades where the
terminal cannot show every character.

Untrusted text is anything Brink did not write itself: file names, the fields of a save, JSON
keys, scenario text in a problem report. :func:`shown` escapes every character that could move
the cursor, clear the screen, retitle the terminal, split a line or turn text around (control
characters, C1 included; format characters such as the bidi marks and zero-width joiners; line
and paragraph separators; the lone surrogates a file name that is not UTF-8 decodes to) as a
visible ``\\x1b``, ``\\n`` or ``\\u200f``. Prose printed as lines of text (plain mode,
``brink timeline``) is wrapped here, by :func:`wrapped`. Standard library only.
"""

from __future__ import annotations

import codecs
import re
import shutil
import sys
import textwrap
import unicodedata

UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
"""The Unicode categories never shown raw: control, format, line and paragraph separators,
surrogates."""
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unsafe(ch: str) -> bool:
    """Whether one character is never shown raw (see :data:`UNSAFE`)."""
    return unicodedata.category(ch) in UNSAFE


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` with every unsafe character escaped visibly; other text unchanged."""
    text = str(text)
    if text.isascii() and text.isprintable():  # the common case, at C speed
        return text
    return "".join(_escape(c) if unsafe(c) else c for c in text)


ASCII_FALLBACKS = {
    "\u2014": "--",
    "\u2013": "-",
    "\u2012": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u00b7": "-",
    "\u2022": "*",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2265": ">=",
    "\u2264": "<=",
    "\u00d7": "x",
}
"""Plain ASCII for the typography Brink's texts use, where the output cannot show it."""


def _fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        if ch in ASCII_FALLBACKS:
            out.append(ASCII_FALLBACKS[ch])
        else:
            plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(plain or "?")  # "é" is shown "e", what has no plain form "?"
    return "".join(out), exc.end


codecs.register_error("brink-fallback", _fallback)


def not_a_terminal() -> str | None:
    """Which of standard input and output is not a terminal ("input", "output"), or None
    when both are: the full-screen game needs both, or it waits for keys that never come."""
    for name, stream in (("input", sys.stdin), ("output", sys.stdout)):
        try:
            if stream is None or not stream.isatty():
                return name
        except (ValueError, OSError):  # closed
            return name
    return None


def degrade_streams() -> None:
    """Make standard output and error never fail on a character their encoding lacks (a C
    locale, ``PYTHONIOENCODING=latin-1``): such characters are written in plain ASCII
    (``—`` as ``--``, ``é`` as ``e``) or as ``?``. UTF-8 streams are left as they are."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if stream is None or encoding in ("utf-8", "utf8") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(errors="brink-fallback")
        except (ValueError, OSError):
            continue


def width() -> int:
    """The width prose is wrapped to: the terminal's (``COLUMNS`` when output is not a
    terminal) less two, at most 78 and at least 30. Less two: plain mode's ``> `` prompt
    stays on the line its answer is printed on when the input is not echoed."""
    return max(30, min(78, shutil.get_terminal_size((80, 24)).columns - 2))


def wrapped(text: str, indent: str = "", hang: str | None = None, to: int | None = None) -> str:
    """``text`` as lines of at most ``to`` columns (default :func:`width`), ``indent`` before
    the first line of each paragraph and ``hang`` (default ``indent``) before the others. A
    blank line separates paragraphs; a single line break inside one (as TOML content has
    them) is a space, and the spaces around it go. A word longer than the line is cut."""
    paras = re.split(r"\n\s*\n", text.strip("\n")) if text.strip() else [""]
    out = []
    for para in paras:
        lines = textwrap.wrap(
            " ".join(filter(None, (line.strip() for line in para.splitlines()))),
            to or width(),
            initial_indent=indent,
            subsequent_indent=indent if hang is None else hang,
            break_on_hyphens=False,
        )
        out.append("\n".join(lines))
    return "\n\n".join(out)


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: two for each wide character (CJK, most emoji),
    none for a combining mark, one for any other."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def fitted(pieces: list[str], to: int = 80, indent: str = "", hang: str = "    ") -> list[str]:
    """``pieces`` joined by " · " on lines of at most ``to`` columns, ``indent`` before the
    first line and ``hang`` before the others, for a listing that must fit a terminal. A line
    breaks between pieces (the separator left out there); a piece too wide for a line of its
    own goes on where the line stands and breaks at its spaces, and a word too wide for a line
    is cut."""
    lines: list[str] = []
    line = indent
    for n, piece in enumerate(pieces):
        if n and columns(f"{line} · {piece}") <= to:
            line += f" · {piece}"
            continue
        if n and columns(hang + piece) <= to:
            lines.append(line)
            line = hang + piece
            continue
        for i, word in enumerate(piece.split(" ")):
            sep = " · " if n and not i else " " if i else ""
            if columns(line + sep + word) <= to:
                line += sep + word
            elif columns(hang + word) <= to and line.strip():  # on a line of its own
                lines.append(line)
                line = hang + word
            else:  # wider than a line: cut, from where the line stands
                if columns(line + sep) >= to:
                    lines.append(line)
                    line, sep = hang, ""
                line += sep
                while columns(line + word) > to:
                    cut = len(word)
                    while cut and columns(line + word[:cut]) > to:
                        cut -= 1
                    if not cut and line != hang:  # not one character more on this line
                        lines.append(line.rstrip())
                        line = hang
                        continue
                    lines.append(line + word[: cut or 1])
                    line, word = hang, word[cut or 1 :]
                line += word
    lines.append(line)
    return lines
