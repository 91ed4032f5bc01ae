"""`python -m game`: the same as the `brink` command."""

import sys

from .cli import main

sys.exit(main())
