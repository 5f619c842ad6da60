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
}
