"""Entry script for the frozen app (PyInstaller)."""

from __future__ import annotations

import sys

from briefing_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
