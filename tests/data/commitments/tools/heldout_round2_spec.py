"""Held-out round 2 commitments, annotated blind from the texts (no tool output seen, no .gold.json read).

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Texts: the 10 held-out texts of ``tests/data/gold_heldout`` that had no commitments file, and new articles in
``tests/data/commitments/heldout_round2/texts``. Build with ``python tests/data/commitments/tools/build_heldout_round2.py``.
Never open this while tuning the extractor.
"""

H = "tests/data/gold_heldout"
T = "tests/data/commitments/heldout_round2/texts"

SPEC = {
    (H, "andean-council-foreign-ministers-declaration"): [
        ("the Ministers took note of the commitment of both Governments to lift them within thirty days.",
         ["Ecuador", "Colombia"], "commit", "lift the 30 percent surcharges", "within thirty days", False),
        ("the Ministers instructed the Committee of Andean Electricity Regulators to restore exchanges under Decision 816 before the dry season.",
         ["Andean Council of Foreign Ministers"], "instruct", "restore electricity exchanges", "before the dry season", False),
        ("the Ministers agreed that the police forces of Colombia and Ecuador will resume joint patrols",
         ["Andean Council of Foreign Ministers"], "agree", "resume joint police patrols", "", False),
        ("share intelligence through Ameripol.",
         ["Andean Council of Foreign Ministers"], "agree", "share intelligence through Ameripol", "", False),
        ("The Council will meet again in La Paz in September 2026",
         ["Andean Council of Foreign Ministers"], "meet", "next Council meeting in La Paz", "in September 2026", False),
    ],
    (H, "bundestag-debate-lithuania-brigade"): [],
    (H, "greenland-eu-minerals-interview"): [
        ("the European Commission selected the molybdenum mine at Malmbjerg and the graphite project at Amitsoq as strategic projects in June 2025.",
         ["European Commission"], "select", "Malmbjerg and Amitsoq as strategic projects", "in June 2025", False),
        ("Next year the mining school in Sisimiut will double its intake, with money from Global Gateway.",
         ["mining school in Sisimiut"], "double", "intake of the mining school", "Next year", False),
        ("Parliament decided that in 2021",
         ["Parliament"], "decide", "uranium mining ban", "in 2021", False),
    ],
    (H, "gulf-central-asia-power-wire-analysis"): [
        ("where leaders of the GCC+C5 format promised to double investment within five years.",
         ["leaders of the GCC+C5 format"], "promise", "double investment", "within five years", False),
        ("Since then Gulf companies have signed power deals worth more than 20 billion dollars with the Republic of Uzbekistan, Kazakhstan and the Kyrgyz Republic",
         ["Gulf companies"], "sign", "power deals worth over 20 billion dollars", "", False),
        ("Energy Minister Jurabek Mirzamakhmudov told reporters last week that the Asian Development Bank, the Islamic Development Bank and the Saudi Fund for Development would lend for new lines to Karakalpakstan.",
         ["Asian Development Bank", "Islamic Development Bank", "Saudi Fund for Development"], "lend",
         "loans for new power lines to Karakalpakstan", "", False),
        ("the three countries agreed in January to a joint operating regime.",
         ["Kyrgyzstan", "Uzbekistan", "Kazakhstan"], "agree", "joint operating regime for Kambarata-1", "in January", False),
    ],
    (H, "horn-of-africa-ethiopia-eritrea-commentary"): [
        ("Egypt has signed a security pact with Eritrea and Somalia",
         ["Egypt", "Eritrea", "Somalia"], "sign", "security pact", "", False),
    ],
    (H, "japan-mofa-press-conference-mongolia"): [
        ("Our officials will review the rules of origin for cashmere and meat this year",
         ["Japan"], "review", "EPA rules of origin for cashmere and meat", "this year", False),
        ("Japan International Cooperation Agency (JICA) will help Mongolian firms meet our food-safety standards.",
         ["Japan International Cooperation Agency"], "help", "Mongolian firms meet food-safety standards", "", False),
        ("The Japan Self-Defense Forces will again take part in Khaan Quest, the peacekeeping exercise near Ulaanbaatar, in June.",
         ["Japan Self-Defense Forces"], "take", "part in Khaan Quest", "in June", False),
        ("We will also help Mongolian authorities protect the power grid and the copper mine at Oyu Tolgoi against cyber attacks.",
         ["Japan"], "help", "protect Mongolian grid and Oyu Tolgoi against cyber attacks", "", False),
        ("will coordinate with the G7 and the European Union.",
         ["Japan"], "coordinate", "response to Chinese rare-earth licensing with G7 and EU", "", False),
    ],
    (H, "lok-sabha-question-hour-nepal-power"): [
        ("The Long-Term Power Trade Agreement signed in January 2024 promised 10,000 megawatts from Nepal within ten years.",
         ["India", "Nepal"], "promise", "10,000 megawatts from Nepal", "within ten years", False),
        ("the New Butwal–Gorakhpur line will be energised by December 2026",
         ["India"], "energise", "New Butwal–Gorakhpur line", "by December 2026", False),
        ("The Ministry of Power, the Central Electricity Authority (CEA) and NTPC Vidyut Vyapar Nigam have cleared imports from 41 Nepali hydro projects.",
         ["Ministry of Power", "Central Electricity Authority", "NTPC Vidyut Vyapar Nigam"], "clear",
         "imports from 41 Nepali hydro projects", "", False),
        ("NHPC signed agreements for West Seti and SR-6 in 2025.",
         ["NHPC"], "sign", "agreements for West Seti and SR-6", "in 2025", False),
    ],
    (H, "pif-resilience-facility-fact-sheet"): [
        ("Leaders endorsed it at the 52nd Pacific Islands Forum Leaders Meeting in Rarotonga in 2023",
         ["Pacific Islands Forum Leaders"], "endorse", "Pacific Resilience Facility", "in 2023", False),
        ("Pledges so far: Australia (A$100 million), the United States, Saudi Arabia, Türkiye, the Republic of Korea and China",
         ["Australia", "United States", "Saudi Arabia", "Türkiye", "Republic of Korea", "China"], "pledge",
         "contributions to the Pacific Resilience Facility", "", False),
        ("Co-financing: the Asian Development Bank, the World Bank and the Green Climate Fund will match Facility grants in the least developed members.",
         ["Asian Development Bank", "World Bank", "Green Climate Fund"], "match", "Facility grants in least developed members", "", False),
        ("the Board approved emergency top-ups for six projects within two weeks.",
         ["Board of the Pacific Resilience Facility"], "approve", "emergency top-ups for six projects", "within two weeks", False),
    ],
    (H, "thailand-mekong-lancang-ministers-readout"): [
        ("The Ministers agreed to step up joint action against online scam compounds along the Moei river and in the Golden Triangle, which hold thousands of trafficked workers.",
         ["Mekong-Lancang Cooperation Foreign Ministers"], "agree", "step up joint action against scam compounds", "", False),
        ("The Lancang-Mekong Integrated Law Enforcement and Security Cooperation Centre in Kunming will coordinate raids and the repatriation of victims with the police of all six countries.",
         ["Lancang-Mekong Integrated Law Enforcement and Security Cooperation Centre"], "coordinate",
         "raids and repatriation of victims", "", False),
        ("Thirty-two projects in agriculture, vocational training and public health will be funded by the MLC Special Fund in 2026.",
         ["MLC Special Fund"], "fund", "thirty-two projects", "in 2026", False),
        ("The two sides also agreed to prepare the ASEAN+3 finance and foreign ministers' meetings",
         ["Thailand", "People's Republic of China"], "agree", "prepare ASEAN+3 ministers' meetings", "", False),
        ("which Thailand will help coordinate next year.",
         ["Thailand"], "help", "coordinate the ASEAN+3 meetings", "next year", False),
    ],
    (H, "trinidad-venezuela-dragon-gas-oped"): [],
}
