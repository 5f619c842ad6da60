"""Sample briefings for the export tests and benchmark (kept out of the installed package).

``python tests/benchmarks/sample_briefing.py [N] [OUT.docx]`` exports an N-passage
briefing (default 100) and prints how long it took.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from briefing_app.export.model import BriefingDocument, BriefingItem, BriefingSection, KeyActor, SourceRef

PILLARS = (
    ("defence", "Defence"),
    ("security", "Security"),
    ("trade", "Trade and investment"),
    ("technology", "Critical and emerging technology"),
    ("energy", "Energy and climate"),
    ("diplomacy", "Diplomacy"),
)

_PASSAGES = {
    "defence": (
        "The two sides agreed to expand joint exercises, including the Yudh Abhyas series, and to "
        "explore co-production of Stryker infantry combat vehicles and Javelin anti-tank systems.",
        "Officials described the ten-year framework for the defence partnership as the basis for "
        "deeper industrial cooperation and reciprocal logistics support.",
    ),
    "security": (
        "Both leaders condemned cross-border terrorism and called for the perpetrators of the "
        "Pahalgam attack to be brought to justice without delay.",
        "Maritime domain awareness in the Indian Ocean will be strengthened through new information-"
        "sharing arrangements among Quad partners.",
    ),
    "trade": (
        "Negotiators aim to conclude the first tranche of a bilateral trade agreement by autumn, "
        "with a goal of doubling bilateral trade to US$500 billion by 2030 (\"Mission 500\").",
        "Tariff questions on steel, aluminium and automobile parts remain the most difficult items "
        "on the agenda, according to officials familiar with the talks.",
    ),
    "technology": (
        "The TRUST initiative will align export controls and promote trusted supply chains for "
        "semiconductors, critical minerals and advanced materials.",
        "Cooperation on artificial intelligence infrastructure and space, including a joint NASA–ISRO "
        "mission, featured prominently in the leaders' statement.",
    ),
    "energy": (
        "India intends to increase purchases of US energy products, including LNG, and both sides "
        "will work on small modular reactors under the civil nuclear agreement.",
    ),
    "diplomacy": (
        "प्रधानमंत्री नरेन्द्र मोदी ने कहा कि भारत और अमेरिका के संबंध वैश्विक शांति के लिए महत्वपूर्ण हैं।",
        "The Prime Minister accepted an invitation to the Quad Leaders Summit, which India will host "
        "later this year.",
    ),
}

_COMMENTS = (
    "Consistent with our reporting; note the shift in emphasis towards co-production.",
    "Likely to feature in the next ministerial dialogue — recommend lines to take.",
    "",
    "",
)

_SOURCES = (
    ("The Hindu", "India, US agree to expand defence and trade ties", "2026-11-27",
     "https://www.thehindu.com/news/national/india-us-ties/article1.ece"),
    ("Ministry of External Affairs", "Joint Statement on the Leaders' Call", "2026-11-26",
     "https://www.mea.gov.in/bilateral-documents.htm?dtl/12345"),
    ("Reuters", "India and US aim to seal first part of trade deal by autumn", "2026-11-25",
     "https://www.reuters.com/world/india/india-us-trade-2026-11-25/"),
    ("The White House", "Readout of the President's Call with Prime Minister Modi", "2026-11-26",
     "https://www.whitehouse.gov/briefings-statements/2026/11/readout/"),
    ("दैनिक जागरण", "भारत-अमेरिका संबंधों पर प्रधानमंत्री का वक्तव्य", "2026-11-27",
     "https://www.jagran.com/news/national-india-us-12345.html"),
)

_ACTORS = (
    KeyActor("Narendra Modi", "Person", "Prime Minister of India", 14, 5),
    KeyActor("Donald Trump", "Person", "President of the United States", 11, 4),
    KeyActor("S. Jaishankar", "Person", "Minister of External Affairs", 4, 2),
    KeyActor("Ministry of External Affairs", "Organisation", "Foreign ministry of India", 6, 3),
    KeyActor("Quad", "Organisation", "Australia, India, Japan and US grouping", 5, 3),
    KeyActor("TRUST initiative", "Initiative", "Technology partnership framework", 3, 2),
    KeyActor("Indo-Pacific", "Place", "Region", 7, 4),
)


def make_sample_document(n_passages: int) -> BriefingDocument:
    """A realistic briefing with ``n_passages`` passages spread over the pillar sections.

    Includes a Devanagari passage and source, officer comments on some items,
    several sources with URLs, key actors, and keywords. Deterministic.
    """
    sections = [BriefingSection(pid, heading, []) for pid, heading in PILLARS]
    used: list[int] = []
    for i in range(n_passages):
        section = sections[i % len(sections)]
        texts = _PASSAGES[section.pillar_id]
        text = texts[(i // len(sections)) % len(texts)]
        source_index = i % len(_SOURCES)
        if source_index not in used:
            used.append(source_index)
        section.items.append(
            BriefingItem(text=text, source_number=used.index(source_index) + 1,
                         comment=_COMMENTS[i % len(_COMMENTS)])
        )
    sources = [
        SourceRef(number=n, outlet=_SOURCES[idx][0], title=_SOURCES[idx][1],
                  published=_SOURCES[idx][2], url=_SOURCES[idx][3])
        for n, idx in enumerate(used, start=1)
    ]
    return BriefingDocument(
        title="India–United States: leaders' call and next steps",
        subject="Outcome of the India–US leaders' call of 26 November 2026",
        to="Director, South Asia and Indo-Pacific",
        from_="Desk Officer, India Team",
        date="2026-11-28",
        reference="IND/2026/117",
        classification="OFFICIAL-SENSITIVE",
        caveat="UK EYES ONLY",
        summary=[
            "Leaders agreed to conclude the first tranche of a trade agreement by autumn 2026.",
            "Defence co-production (Stryker, Javelin) moves from exploration to negotiation.",
            "India will host the Quad Leaders Summit; expect a push on maritime domain awareness.",
        ],
        sections=[s for s in sections if s.items],
        assessment=(
            "The call confirms the relationship is being managed at leader level despite tariff "
            "friction. Defence and technology remain the most resilient pillars.\n\n"
            "Trade is the swing factor: failure to close the first tranche would weaken the "
            "wider agenda before the Quad summit."
        ),
        next_steps=[
            "Update lines to take for the Minister before the ministerial dialogue.",
            "Seek Washington's read-out of the tariff discussion.",
            "Commission a note on implications for UK defence-industrial cooperation with India.",
        ],
        actors=list(_ACTORS),
        sources=sources,
        keywords=["India", "United States", "Quad", "trade", "defence"],
    )


def time_export(n_passages: int = 100, out_path: str | Path | None = None, repeats: int = 5) -> float:
    """Best-of-``repeats`` wall time (seconds) to export an ``n_passages`` briefing."""
    from briefing_app.export.docx_writer import export_docx

    doc = make_sample_document(n_passages)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(out_path) if out_path else Path(tmp) / "bench.docx"
        export_docx(doc, target)  # warm-up: imports, template cache
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            export_docx(doc, target)
            best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Print the export time of an N-passage briefing."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 100
    out = args[1] if len(args) > 1 else None
    seconds = time_export(n, out)
    print(f"export of a {n}-passage briefing: {seconds * 1000:.1f} ms (best of 5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
