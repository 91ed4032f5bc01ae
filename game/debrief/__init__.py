"""The teacher's debrief: a class's saved games against history.

``gather`` reads a folder of saves into the games that replay and the files left out (with the
reason); ``figures`` and ``students`` compute, as frozen data, the overview, the decisions, the
questions for the class, the myths and one transcript per student; ``report_md``,
``report_html`` and ``report_csv`` write them out, and ``export`` picks the format and writes the
file. ``demo`` makes a demo class from simulated games. Nothing here imports the UI.
"""

from .export import FORMATS, ExportError, render, write_report
from .figures import Debrief, build
from .gather import Gathered, Played, Skipped, gather

__all__ = [
    "FORMATS",
    "Debrief",
    "ExportError",
    "Gathered",
    "Played",
    "Skipped",
    "build",
    "gather",
    "render",
    "write_report",
]
