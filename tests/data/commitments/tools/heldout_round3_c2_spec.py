"""Held-out round 3 commitments (annotator c2), annotated blind from the texts (no tool output seen, no .gold.json read).

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Texts: 12 articles of ``tests/data/gold_heldout_round2``. Build with
``python tests/data/commitments/tools/build_heldout_round3_c2.py``. Never open this while tuning the extractor.
"""

G = "tests/data/gold_heldout_round2"

SPEC = {
    (G, "saudi-pakistan-crown-prince-pm-call-readout"): [
        ("agreed that joint training of the two armed forces would be expanded this year.",
         ["Muhammad Shehbaz Sharif", "Mohammed bin Salman bin Abdulaziz Al Saud"], "agree",
         "expand joint training of the armed forces", "this year", False),
        ("The Prime Minister expressed gratitude for the extension of the Saudi Oil Facility for a further twelve months, which allows Pakistan to defer payment for crude oil imports worth up to US$1.2 billion.",
         ["Kingdom of Saudi Arabia"], "extend", "Saudi Oil Facility deferred oil payments", "", False),
        ("They directed the Special Investment Facilitation Council (SIFC), the Saudi Fund for Development and the Ministry of Investment of Saudi Arabia to finalise the pipeline of projects before the Crown Prince's expected visit to Islamabad.",
         ["Muhammad Shehbaz Sharif", "Mohammed bin Salman bin Abdulaziz Al Saud"], "direct",
         "finalise the pipeline of projects", "before the Crown Prince's expected visit to Islamabad", False),
        ("The Road to Makkah facility will be extended from Islamabad and Karachi to Lahore, allowing pilgrims to complete immigration formalities before departure.",
         ["Kingdom of Saudi Arabia"], "extend", "Road to Makkah facility to Lahore", "", False),
        ("The Prime Minister reiterated his invitation to the Crown Prince to visit Pakistan at his earliest convenience, which was accepted.",
         ["Mohammed bin Salman bin Abdulaziz Al Saud"], "accept", "visit Pakistan", "", False),
    ],
    (G, "georgia-eu-candidacy-middle-corridor-analysis"): [
        ("its leaders promised accession talks within two years.",
         ["Georgia"], "promise", "EU accession talks", "within two years", False),
        ("The European Commission, the European Investment Bank and the European Bank for Reconstruction and Development pledged €12 billion for the corridor under the Global Gateway at the EU-Central Asia summit in Samarkand",
         ["European Commission", "European Investment Bank", "European Bank for Reconstruction and Development"],
         "pledge", "€12 billion for the Middle Corridor", "", False),
    ],
    (G, "new-zealand-fiji-tonga-cyclone-relief-adaptation-feature"): [
        ("which commits France, Australia and New Zealand to share aircraft and ships after disasters in the region.",
         ["France", "Australia", "New Zealand"], "commit", "share aircraft and ships after disasters", "", False),
        ("Prime Minister Christopher Luxon announced NZ$12 million in relief in Wellington",
         ["Christopher Luxon"], "announce", "NZ$12 million in relief", "", False),
        ("Prime Minister Sitiveni Rabuka said Fiji would send its urban search and rescue team",
         ["Fiji"], "send", "urban search and rescue team", "", False),
        ("Foreign Minister Winston Peters said New Zealand would announce a new contribution at the Forum leaders' meeting in September.",
         ["New Zealand"], "announce", "new contribution to the Pacific Resilience Facility", "in September", False),
    ],
    (G, "nigeria-finance-minister-radio-interview-debt-eurobonds"): [],
    (G, "india-mea-briefing-maldives-sri-lanka-rail"): [
        ("the State Bank of India subscribed to a further US$50 million of Maldivian treasury bills in September",
         ["State Bank of India"], "subscribe", "US$50 million of Maldivian treasury bills", "in September", False),
        ("the Joint Working Group on Fisheries will meet in Colombo in January.",
         ["India", "Sri Lanka"], "meet", "Joint Working Group on Fisheries meeting in Colombo", "in January", False),
    ],
    (G, "ep-debate-critical-raw-materials-drc-rwanda"): [
        ("Our partnership with Kinshasa will finance processing in the Lualaba province",
         ["European Commission"], "finance", "processing in Lualaba province", "", False),
        ("link the mines to the port of Lobito through the Lobito Corridor",
         ["European Commission"], "link", "mines to the port of Lobito", "", False),
    ],
    (G, "gcc-ministerial-council-yemen-red-sea-iran"): [
        ("The Council welcomed the Gulf–ASEAN–China summit to be held in 2027 and directed the Secretariat to prepare it.",
         ["Ministerial Council of the Gulf Cooperation Council"], "direct", "prepare the Gulf–ASEAN–China summit",
         "in 2027", False),
    ],
    (G, "uzbekistan-russia-small-nuclear-plant-wire"): [
        ("the first should start supplying the grid in 2031",
         ["Rosatom"], "start", "first unit supplying the grid", "in 2031", False),
        ("an agreement the two governments signed in May 2024",
         ["Russia", "Uzbekistan"], "sign", "small nuclear power plant agreement", "in May 2024", False),
        ("two people familiar with the contract said Moscow would lend much of it through a state credit repayable over 25 years",
         ["Russia"], "lend", "state credit for the plant", "", False),
        ("the US$11 billion loan it extended to Bangladesh for Rooppur",
         ["Russia"], "extend", "US$11 billion loan to Bangladesh for Rooppur", "", False),
        ("Rosatom will also supply the fuel", ["Rosatom"], "supply", "nuclear fuel", "", False),
        ("take back the spent assemblies.", ["Rosatom"], "take", "spent fuel assemblies", "", False),
        ("Uzatom, the Energy Ministry and the Inspectorate for Nuclear and Radiation Safety will oversee construction",
         ["Uzatom", "Energy Ministry", "Inspectorate for Nuclear and Radiation Safety"], "oversee", "plant construction", "", False),
        ("Kazakhstan picked Rosatom in June 2025 to lead the construction of its first large nuclear plant near Lake Balkhash",
         ["Kazakhstan"], "pick", "Rosatom to build first large nuclear plant", "in June 2025", False),
    ],
}
