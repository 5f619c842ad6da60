"""List the modules of ``briefing_app`` that no test imports (issue 12, item 9).

    .venv/bin/python scripts/untested_modules.py [--root DIR]

A module counts as tested when a file under ``tests/`` imports it (at any depth, including
``from briefing_app.pkg import module``); package ``__init__`` files are left out. Prints one
module per line and a count; always exits 0 (a list to read, not a gate).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = "briefing_app"
ROOT = Path(__file__).resolve().parents[1]


def package_modules(root: Path) -> set[str]:
    """Dotted names of the package's modules (``__init__`` files excluded)."""
    out = set()
    for path in root.joinpath(PACKAGE).rglob("*.py"):
        if path.name == "__init__.py" or "__pycache__" in path.parts:
            continue
        out.add(".".join(path.relative_to(root).with_suffix("").parts))
    return out


def imported_by_tests(root: Path, known: set[str]) -> set[str]:
    """Modules of the package some test file imports."""
    found: set[str] = set()
    for path in root.joinpath("tests").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for name in names:
                # importing a module imports its parents too; they are packages, not counted
                if name in known:
                    found.add(name)
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the untested modules and how many there are."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="folder holding briefing_app/ and tests/")
    args = parser.parse_args(argv)
    modules = package_modules(args.root)
    untested = sorted(modules - imported_by_tests(args.root, modules))
    for name in untested:
        print(name)
    print(f"{len(untested)} of {len(modules)} modules are imported by no test", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
