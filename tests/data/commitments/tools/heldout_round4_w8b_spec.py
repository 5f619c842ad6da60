"""Held-out round 4 commitments (writer w8b), annotated blind from the texts of ``tests/data/gold_heldout_round3``.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_heldout_round4_w8b.py`` from the repository root.
Never open this while tuning the extractor.
"""

G = "tests/data/gold_heldout_round3"

SPEC = {
    (G, "kenya-senate-debate-police-car-minusca-deployment"): [
        ("THAT, pursuant to Article 240(8) of the Constitution, the Senate approves the deployment of 320 officers of the National Police Service, organised as two formed police units, to the United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic (MINUSCA).",
         ["Senate of Kenya"], "approve", "deployment of 320 police officers to MINUSCA", "", False),
        ("the United Nations will reimburse the full cost of the units",
         ["United Nations"], "reimburse", "full cost of the police units", "", False),
        ("the first unit will fly out within 60 days of approval",
         ["National Police Service"], "fly", "deploy the first formed police unit", "within 60 days of approval", False),
        ("Every officer will receive pre-deployment training at the Embakasi campus of the National Police College.",
         ["National Police College"], "receive", "pre-deployment training for every officer", "", False),
        ("I can confirm that the Cabinet Secretary for Interior, Kipchumba Murkomen, has agreed to table a quarterly report on the deployment before this House.",
         ["Kipchumba Murkomen"], "agree", "table a quarterly report on the deployment", "", False),
        ("The allowances will be paid directly to each officer, as the Senator for Kilifi asks.",
         ["Ministry of Interior and National Administration"], "pay", "allowances directly to each officer", "", False),
    ],
    (G, "iraq-turkey-development-road-corridor-wire"): [
        ("Iraq and Turkey signed a framework agreement on Monday to build the first 400 km of the railway for the Development Road, a $17 billion corridor meant to carry goods from the Gulf to European markets through Grand Faw Port.",
         ["Iraq", "Turkey"], "sign", "framework agreement on the first 400 km of railway", "on Monday", False),
        ("Turkish contractors will lay the track from the Faw peninsula to Basra and Nasiriyah",
         ["Turkish contractors"], "lay", "track from Faw to Basra and Nasiriyah", "", False),
        ("Iraq will finance the section from its budget over five years",
         ["Iraq"], "finance", "the railway section", "over five years", False),
        ("which joined a memorandum on the project in April 2024",
         ["Qatar", "United Arab Emirates"], "join", "memorandum on the Development Road", "in April 2024", False),
        ("have yet to commit money",
         ["Qatar", "United Arab Emirates"], "commit", "money for the Development Road", "", True),
        ("Ankara and Baghdad agreed in August 2024 to set up a joint training and cooperation centre in Bashiqa to coordinate operations against the group.",
         ["Ankara", "Baghdad"], "agree", "joint training and cooperation centre in Bashiqa", "in August 2024", False),
        ("that the first trains would run by 2029",
         ["Mohammed Shia al-Sudani"], "run", "first trains on the Development Road", "by 2029", False),
    ],
    (G, "indonesia-kemlu-weekly-press-briefing-gaza-scam-cepa"): [
        ("They will be flown home in two groups, the first on Saturday",
         ["Ministry of Foreign Affairs of the Republic of Indonesia"], "fly", "86 freed Indonesians home", "on Saturday", False),
        ("the Ministry of Foreign Affairs will cover the tickets of those who cannot pay",
         ["Ministry of Foreign Affairs"], "cover", "tickets of those who cannot pay", "", False),
        ("the President said Indonesia is ready to send up to 20,000 troops.",
         ["Indonesia"], "send", "up to 20,000 troops to Gaza", "", False),
        ("Both sides have agreed to sign the agreement at the margins of the ASEAN-EU Ministerial Meeting in Brussels in March",
         ["Indonesia", "European Union"], "agree", "sign the IEU-CEPA", "in March", False),
        ("the EU will open a duty-free quota of 600,000 tonnes",
         ["EU"], "open", "duty-free palm oil quota of 600,000 tonnes", "", False),
        ("The third Indonesia-Japan Foreign and Defence Ministerial Meeting will be held in Tokyo in April.",
         ["Indonesia", "Japan"], "hold", "third Foreign and Defence Ministerial Meeting", "in April", False),
    ],
    (G, "nb8-joint-statement-undersea-cable-protection"): [
        ("we will enforce our national laws against ships that endanger undersea infrastructure in our territorial waters and exclusive economic zones.",
         ["Nordic-Baltic Eight"], "enforce", "national laws against ships endangering undersea infrastructure", "", False),
        ("we commit to keep contributing ships, maritime patrol aircraft and unmanned systems to it throughout 2026.",
         ["Nordic-Baltic Eight"], "commit", "contribute ships, aircraft and unmanned systems to Baltic Sentry", "throughout 2026", False),
        ("4. We will establish, by June 2026, an NB8 cable-repair pool",
         ["Nordic-Baltic Eight"], "establish", "NB8 cable-repair pool", "by June 2026", False),
        ("5. Our network operators, including Fingrid, Elering, Cinia and Telia, will exchange data on cable faults in real time",
         ["Fingrid", "Elering", "Cinia", "Telia"], "exchange", "real-time data on cable faults", "", False),
        ("We ask our Ministers of Defence and Ministers for Foreign Affairs to report on progress to our next meeting",
         ["Nordic-Baltic Eight"], "ask", "ministers to report on progress", "", False),
        ("which Latvia will host in Riga in January 2027",
         ["Latvia"], "host", "next NB8 meeting in Riga", "in January 2027", False),
    ],
}
