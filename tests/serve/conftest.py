"""Fixtures of the serve tests (helpers in ``serving``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import start_server


@pytest.fixture
def served(tmp_path: Path):
    """A server for class 7B, saving under tmp_path."""
    server = start_server(tmp_path, "--class", "7B")
    yield server
    if server.process.poll() is None:
        server.stop()
