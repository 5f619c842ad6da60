"""Print the benchmark figures of DESIGN §6 (run: `make bench`). Never used as a test.

Every ``bench_*.py`` module beside this file exposes ``run() -> list[tuple[str, str]]``
(figure name, formatted value with its target); this script runs them all.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))  # shared helpers beside the benchmarks (libraries.py)


def compile_app() -> None:
    """Give the app's modules their bytecode, as an installed copy has it (pip compiles on install,
    the packaged build bundles it). An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as on
    the build machines) has none, and the launch figures would time the compiler: each module
    compiled from source holds the interpreter lock, so the window stalls while the database
    worker imports. Only stale or missing files are written, so a second run costs nothing."""
    compileall.compile_dir(str(HERE.parents[1] / "briefing_app"), quiet=1, workers=0)


def main(selected: list[str]) -> int:
    """Run every (or the named) benchmark module and print its figures."""
    compile_app()
    modules = sorted(HERE.glob("bench_*.py"))
    if selected:
        modules = [m for m in modules if any(s in m.stem for s in selected)]
    for path in modules:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        print(f"== {path.stem}")
        for name, value in module.run():
            print(f"  {name:<58} {value}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
