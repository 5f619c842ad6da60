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
}
