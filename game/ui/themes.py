"""The game's three themes: the default (dark), a light one and a high-contrast one.

Colour is never the only signal: every level the colours mark is also written as text.
"""

from __future__ import annotations

from textual.theme import Theme

DEFAULT = "brink"
LIGHT = "brink-light"
CONTRAST = "brink-contrast"

THEMES = (
    Theme(
        name=DEFAULT,
        primary="#6CA0DC",
        secondary="#C9A227",
        accent="#E07A5F",
        warning="#E0A030",
        error="#E5484D",
        success="#4CAF7A",
        foreground="#E6E1D6",
        background="#12161C",
        surface="#1B2129",
        panel="#26303B",
        dark=True,
    ),
    Theme(
        name=LIGHT,
        primary="#1F4E8C",
        secondary="#7A5C00",
        accent="#A23B1D",
        warning="#8A5A00",
        error="#B00020",
        success="#1E6B3A",
        foreground="#1A1A1A",
        background="#F6F2E8",
        surface="#ECE6D6",
        panel="#DDD5C0",
        dark=False,
    ),
    Theme(
        name=CONTRAST,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#FF00FF",
        warning="#FFFF00",
        error="#FF5555",
        success="#00FF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#000000",
        dark=True,
        variables={"border": "#FFFFFF", "text-muted": "#FFFFFF", "foreground-muted": "#FFFFFF"},
    ),
)

LABELS = {DEFAULT: "Brink (dark)", LIGHT: "Light", CONTRAST: "High contrast"}
