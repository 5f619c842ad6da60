"""List the imports of ``briefing_app`` that break the layer rules of DESIGN §2.

    .venv/bin/python scripts/layer_imports.py [--rule all|layers|qt] [--root DIR]

Floors, bottom to top, one folder each (update :data:`LAYERS` when a folder is added):

1. domain    domain/ (models, enums, text, offsets, spans, entity identity, quotes, temp files),
             resources/ (package data) and the package root; imports nothing of the app.
2. storage, nlp, importers, export: each may import only the domain floor; an import from
             one of them into another ("storage imports nlp to seed pillars") is reported as
             running across floor 2.
3. services  services/, settings.py (settings are read only by
             the GUI and the CLI and use the label vocabulary of nlp/types.py).
4. gui, cli  the top.

An import may go down or stay in its own component, never up (or across floor 2). Imports
inside functions and under ``if TYPE_CHECKING:`` count too (the latter are marked). Separately,
nothing outside ``briefing_app/gui`` may import Qt.

Prints one line per violation, ``file:line imports module (layer X -> layer Y)``, and exits
1 when there is any (2 for a module no floor is assigned to), else 0.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "briefing_app"
ROOT = Path(__file__).resolve().parents[1]

#: (module or package prefix, floor, component). The longest matching prefix wins; a prefix
#: ending in "=" matches that module exactly (package roots whose __init__ is domain-only).
LAYERS: list[tuple[str, int, str]] = [
    ("briefing_app=", 1, "domain"),
    ("briefing_app.domain", 1, "domain"),
    ("briefing_app.resources", 1, "domain"),
    ("briefing_app.storage", 2, "storage"),
    ("briefing_app.nlp", 2, "nlp"),
    ("briefing_app.importers", 2, "importers"),
    ("briefing_app.export", 2, "export"),
    ("briefing_app.services", 3, "services"),
    ("briefing_app.settings", 3, "settings"),
    ("briefing_app.gui", 4, "gui"),
    ("briefing_app.cli", 4, "cli"),
]
#: Floor 2 holds independent components: an import from one into another is reported too.
INDEPENDENT_FLOOR = 2
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qtpy", "pytestqt")
GUI_PACKAGE = "briefing_app.gui"


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it was written."""

    path: Path
    line: int
    module: str
    type_checking: bool


def layer_of(module: str) -> tuple[int, str] | None:
    """Floor and component of a ``briefing_app`` module, or None when no floor is assigned."""
    best: tuple[int, tuple[int, str]] | None = None
    for prefix, floor, name in LAYERS:
        if prefix.endswith("="):
            matches = module == prefix[:-1]
        else:
            matches = module == prefix or module.startswith(prefix + ".")
        if matches and (best is None or len(prefix) > best[0]):
            best = (len(prefix), (floor, name))
    return best[1] if best else None


def module_name(path: Path, root: Path) -> str:
    """Dotted name of a source file under ``root`` (``pkg/__init__.py`` -> ``pkg``)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(path: Path, root: Path) -> Iterator[Import]:
    """Every import in one file, at any depth (functions, classes, ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    this = module_name(path, root)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    known = {module_name(p, root) for p in root.joinpath(PACKAGE).rglob("*.py")}

    def visit(node: ast.AST, type_checking: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    yield from visit_stmt(stmt, True)
                for stmt in child.orelse:
                    yield from visit_stmt(stmt, type_checking)
            else:
                yield from visit_stmt(child, type_checking)

    def visit_stmt(node: ast.AST, type_checking: bool) -> Iterator[Import]:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name, type_checking)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                # `from pkg import mod` imports the module pkg.mod when there is one.
                sub = f"{target}.{alias.name}"
                yield Import(path, node.lineno, sub if sub in known else target, type_checking)
        else:
            yield from visit(node, type_checking)

    yield from visit(tree, False)


def check(root: Path, rule: str = "all") -> tuple[list[str], list[str]]:
    """(violations, unassigned modules) of the package under ``root``."""
    violations: list[str] = []
    unassigned: list[str] = []
    for path in sorted(root.joinpath(PACKAGE).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        this = module_name(path, root)
        rel = path.relative_to(root).as_posix()
        source = layer_of(this)
        if source is None:
            unassigned.append(f"{rel}: module {this} has no floor in LAYERS")
            continue
        for imp in imports_of(path, root):
            mark = " [TYPE_CHECKING]" if imp.type_checking else ""
            top = imp.module.split(".")[0]
            if rule in ("all", "qt") and top in QT_MODULES and not (
                    this == GUI_PACKAGE or this.startswith(GUI_PACKAGE + ".")):
                violations.append(f"{rel}:{imp.line} imports {imp.module} (Qt outside briefing_app/gui){mark}")
            if rule not in ("all", "layers") or top != PACKAGE:
                continue
            target = layer_of(imp.module)
            if target is None:
                unassigned.append(f"{rel}:{imp.line}: imported module {imp.module} has no floor in LAYERS")
                continue
            upward = target[0] > source[0]
            across = target[0] == source[0] == INDEPENDENT_FLOOR and target[1] != source[1]
            if upward or across:
                how = ", across floor 2" if across else ""
                violations.append(f"{rel}:{imp.line} imports {imp.module} "
                                  f"(layer {source[0]} {source[1]} -> layer {target[0]} {target[1]}{how}){mark}")
    return violations, unassigned


def main(argv: list[str] | None = None) -> int:
    """Print the violations; exit status 0 (none), 1 (some) or 2 (a module without a floor)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rule", choices=("all", "layers", "qt"), default="all",
                        help="which rule to check (default: both)")
    parser.add_argument("--root", type=Path, default=ROOT, help="folder holding briefing_app/ (default: this repo)")
    args = parser.parse_args(argv)
    violations, unassigned = check(args.root, args.rule)
    for line in violations + unassigned:
        print(line)
    print(f"{len(violations)} violation(s)" + (f", {len(unassigned)} unassigned" if unassigned else ""),
          file=sys.stderr)
    if unassigned:
        return 2
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
