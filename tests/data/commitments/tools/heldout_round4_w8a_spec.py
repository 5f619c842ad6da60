"""Held-out round-4 commitments (writer w8a, 8 articles of tests/data/gold_heldout_round3), annotated blind from the texts.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_heldout_round4_w8a.py`` from the repository root.
"""

H = "tests/data/gold_heldout_round3"

SPEC = {
    (H, "pakistan-national-assembly-casa1000-power-link-debate"): [
        ("the Nowshera station will be energised by December 2026",
         ["Ministry of Energy", "National Transmission and Despatch Company", "NEPRA"], "energise",
         "Nowshera converter station", "by December 2026", False),
        ("we will begin importing up to 1,300 megawatts in the summer of 2027",
         ["Pakistan"], "begin", "importing up to 1,300 MW", "in the summer of 2027", False),
        ("the World Bank has restored financing for it",
         ["World Bank"], "restore", "financing for the Afghan segment", "", False),
        ("the agreement the four governments signed in 2016",
         ["Pakistan", "Afghanistan", "Tajikistan", "Kyrgyz Republic"], "sign", "CASA-1000 agreement", "in 2016", False),
        ("We have not agreed to any separate security payment, and we will not.",
         ["Pakistan"], "agree", "separate security payment", "", True),
        ("The Foreign Minister will raise the protection of the line with Kabul at the CASA-1000 ministerial in Dushanbe next month.",
         ["Pakistan"], "raise", "protection of the line with Kabul", "next month", False),
        ("the Government will not add it to any province's bills",
         ["Pakistan"], "add", "CASA-1000 tariff to provinces' bills", "", True),
    ],
    (H, "bulgaria-serbia-energy-ministers-gas-interconnector-press-conference"): [
        ("Bulgaria and Serbia today signed a protocol to raise the capacity of the Interconnector Bulgaria–Serbia (IBS) from 1.8 to 2.5 billion cubic metres a year.",
         ["Bulgaria", "Serbia"], "sign", "protocol to raise IBS capacity", "today", False),
        ("Bulgartransgaz and Srbijagas will launch a joint capacity auction in January",
         ["Bulgartransgaz", "Srbijagas"], "launch", "joint capacity auction", "in January", False),
        ("the new compressor at Kalotina is to be commissioned by the end of 2027",
         ["Bulgaria"], "commission", "Kalotina compressor", "by the end of 2027", False),
        ("Under today's protocol Srbijagas will book 400 million cubic metres of the new capacity for ten years.",
         ["Srbijagas"], "book", "400 million cubic metres of capacity", "", False),
        ("We also agreed to study a second electricity line between Sofia and Niš and a shared battery reserve for the two grids.",
         ["Bulgaria", "Serbia"], "agree", "study second power line and shared battery reserve", "", False),
        ("we will not let the refinery stand idle this winter",
         ["Serbia"], "let", "Pančevo refinery stand idle", "this winter", True),
    ],
}
