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
    (H, "laos-vietnam-vung-ang-railway-sez-wire"): [
        ("Laos and Vietnam signed an agreement on Wednesday to begin building the first section of a railway linking Vientiane with the Vietnamese deep-water port of Vung Ang",
         ["Laos", "Vietnam"], "sign", "agreement to build first section of Vientiane-Vung Ang railway", "on Wednesday", False),
        ("Vietnam will finance the 103-km stretch from Vung Ang to the Mu Gia border gate",
         ["Vietnam"], "finance", "Vung Ang-Mu Gia rail stretch", "", False),
        ("the Lao People's Democratic Republic will provide land for a dry port at Thakhek.",
         ["Lao People's Democratic Republic"], "provide", "land for a dry port at Thakhek", "", False),
        ("The two governments also launched the Khammouane-Ha Tinh Special Economic Zone (KHSEZ) straddling the border",
         ["Laos", "Vietnam"], "launch", "Khammouane-Ha Tinh Special Economic Zone", "", False),
        ("The Ministry of Public Works and Transport, Vietnam Railways and the Lao National Railway State Enterprise will form a joint venture to run freight services",
         ["Ministry of Public Works and Transport", "Vietnam Railways", "Lao National Railway State Enterprise"], "form", "joint venture for freight services", "", False),
        ("KHSEZ customs will use a single-window inspection at the border, the statement said.",
         ["KHSEZ customs"], "use", "single-window border inspection", "", False),
    ],
    (H, "saudi-egypt-king-salman-bridge-financing-news"): [
        ("Saudi Arabia and Egypt have agreed to set up a joint company to build and operate a road bridge across the Red Sea at the Strait of Tiran",
         ["Saudi Arabia", "Egypt"], "agree", "joint company to build and operate Tiran bridge", "", False),
        ("The Saudi Fund for Development (SFD) signed a $4 billion loan agreement with the Arab Republic of Egypt in Cairo on Sunday to cover the Egyptian share of the cost.",
         ["Saudi Fund for Development", "Arab Republic of Egypt"], "sign", "$4 billion loan agreement", "on Sunday", False),
        ("Egypt would build the approach roads in South Sinai and a logistics zone at the Egyptian landing within three years.",
         ["Egypt"], "build", "approach roads and logistics zone", "within three years", False),
        ("The new company, Tiran Crossing Company, will be registered in Riyadh",
         ["Saudi Arabia", "Egypt"], "register", "Tiran Crossing Company in Riyadh", "", False),
        ("tolls will be shared equally",
         ["Saudi Arabia", "Egypt"], "share", "bridge tolls equally", "", False),
    ],
}
