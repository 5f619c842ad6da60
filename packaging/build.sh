#!/usr/bin/env bash
# Build an offline one-folder app with PyInstaller: dist/BriefingBuilder/BriefingBuilder.
# Run from the repository root after `make test` has created .venv. Nothing is downloaded
# at run time: the spaCy model is bundled from the installed (hash-checked) package.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
"$VENV/bin/pip" install --quiet "pyinstaller==6.22.3"
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build packaging/briefing_app.spec
# Smoke test: the frozen app analyses the bundled sample without the source tree.
QT_QPA_PLATFORM=offscreen dist/BriefingBuilder/BriefingBuilder analyze briefing_app/resources/sample_article.txt > /dev/null
echo "Built dist/BriefingBuilder/ (zip that folder to ship it)."
