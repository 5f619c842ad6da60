"""Held-out round 4 commitments (writer w8c), annotated blind from the texts (no tool output seen, no .gold.json read).

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Texts: the eight w8c articles of ``tests/data/gold_heldout_round3``. Build with
``PYTHONPATH=. python tests/data/commitments/tools/build_heldout_round4_w8c.py``. Never open this while tuning the extractor.
"""

H = "tests/data/gold_heldout_round3"

SPEC = {
    (H, "chile-peru-defence-ministers-lima-press-conference"): [
        ("We agreed today to set up a joint search-and-rescue coordination cell between Arica and Tacna, staffed by both navies and both air forces.",
         ["Peru", "Chile"], "agree", "joint search-and-rescue coordination cell", "today", False),
        ("Our armed forces will also hold a combined disaster-response exercise, Solidaridad 2026, in the Atacama in May 2026.",
         ["Peru", "Chile"], "hold", "combined disaster-response exercise Solidaridad 2026", "in May 2026", False),
        ("The committee will meet again in Santiago in the first half of 2026.",
         ["Peru–Chile Security and Defence Committee"], "meet", "next committee meeting in Santiago", "in the first half of 2026", False),
        ("Each country pays for its own personnel.",
         ["Peru", "Chile"], "pay", "own personnel in the coordination cell", "", False),
    ],
    (H, "oic-executive-committee-sahel-humanitarian-communique"): [
        ("1. Decides to establish a Sahel Humanitarian Window within the Islamic Solidarity Fund, to be operational by 1 April 2026;",
         ["Executive Committee of the Organisation of Islamic Cooperation"], "decide", "establish Sahel Humanitarian Window", "by 1 April 2026", False),
        ("the pledge by the Kingdom of Saudi Arabia, through the King Salman Humanitarian Aid and Relief Centre (KSrelief), of US$50 million to the Window",
         ["Kingdom of Saudi Arabia"], "pledge", "US$50 million to the Window", "", False),
        ("the offer of the State of Qatar to airlift food and medicines to Niamey and Ouagadougou",
         ["State of Qatar"], "offer", "airlift food and medicines", "", False),
        ("3. Requests the Secretary-General to dispatch a humanitarian assessment mission to the three countries within thirty days",
         ["Executive Committee of the Organisation of Islamic Cooperation"], "request", "Secretary-General to dispatch assessment mission", "within thirty days", False),
        ("and to report to the next session of the Council of Foreign Ministers;",
         ["Executive Committee of the Organisation of Islamic Cooperation"], "request", "Secretary-General to report to the Council", "the next session of the Council of Foreign Ministers", False),
        ("6. Decides to convene a pledging conference for the Sahel in Istanbul in April 2026;",
         ["Executive Committee of the Organisation of Islamic Cooperation"], "decide", "convene pledging conference in Istanbul", "in April 2026", False),
    ],
}
