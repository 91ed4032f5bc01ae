"""Dates as a person reads them: "16 October 1962", never "1962-10-16"."""

from __future__ import annotations

from datetime import UTC, datetime

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(value: str) -> str:
    """An ISO date as a person reads it: "1962-10-16" is "16 October 1962", "1962-10" is
    "October 1962", "1962" stays."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def long_moment(stamp: str) -> str:
    """An ISO 8601 moment (a save's time stamp) to the minute, in UTC: "5 December 2026,
    12:54 UTC"; a stamp that is not one is shown as it is."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{long_date(moment.date().isoformat())}, {moment:%H:%M} UTC"
