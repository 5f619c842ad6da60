"""Round 6 (w6a) commitments, annotated blind from the texts of ``tests/data/gold_round6`` (no tool output seen, no .gold.json read).

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_dev_round6_w6a.py`` from the repository root.
"""

R6 = "tests/data/gold_round6"

SPEC = {
    (R6, "namibia-national-assembly-green-hydrogen-bill-second-reading"): [
        ("the Port of Rotterdam has agreed to take the first cargoes.",
         ["Port of Rotterdam"], "agree", "take the first green hydrogen cargoes", "", False),
        ("The Government will reserve at least 30 percent of construction jobs for Namibians",
         ["Namibia"], "reserve", "30 percent of construction jobs for Namibians", "", False),
        ("will train 2,000 young technicians by 2028.",
         ["Namibia"], "train", "2,000 young technicians", "by 2028", False),
        ("the Ministry of Environment, Forestry and Tourism, the Namibia Investment Promotion and Development Board and the Office of the Attorney-General all signed off on the clause.",
         ["Ministry of Environment, Forestry and Tourism", "Namibia Investment Promotion and Development Board",
          "Office of the Attorney-General"], "sign", "approval of the tax holiday clause", "", False),
        ("Brussels has still not signed a single offtake contract.",
         ["European Union"], "sign", "green hydrogen offtake contract", "", True),
    ],
    (R6, "guatemala-costa-rica-foreign-ministers-press-conference"): [
        ("Today we signed a memorandum on customs cooperation",
         ["Guatemala", "Costa Rica"], "sign", "memorandum on customs cooperation", "Today", False),
        ("trucks from Costa Rica will cross at Tecún Umán using a single electronic declaration.",
         ["Guatemala", "Costa Rica"], "cross", "single electronic customs declaration at Tecún Umán", "from 1 April", False),
        ("Our customs services will also share scanner images of containers",
         ["Guatemala", "Costa Rica"], "share", "container scanner images", "", False),
        ("Both governments will present a joint proposal on the customs union to the next summit of the Central American Integration System (SICA) in June.",
         ["Guatemala", "Costa Rica"], "present", "joint customs union proposal to SICA", "in June", False),
        ("We agreed to open a joint consular desk in San José for Guatemalan workers",
         ["Guatemala", "Costa Rica"], "agree", "joint consular desk in San José", "", False),
        ("to review the agreement on seasonal coffee pickers before the harvest.",
         ["Guatemala", "Costa Rica"], "agree", "review the seasonal coffee pickers agreement", "before the harvest", False),
        ("we will not accept nationals of third countries under it.",
         ["Guatemala"], "accept", "third-country nationals deported from the United States", "", True),
    ],
    (R6, "ghana-cote-divoire-power-gas-radio-interview"): [
        ("Under the new agreement we signed with Abidjan in January",
         ["Ghana", "Côte d'Ivoire"], "sign", "power exchange agreement", "in January", False),
        ("Côte d'Ivoire will send power north to us during our dry-season peak",
         ["Côte d'Ivoire"], "send", "power to Ghana in the dry-season peak", "during our dry-season peak", False),
        ("we will send it south in the rainy season.",
         ["Ghana"], "send", "power to Côte d'Ivoire in the rainy season", "in the rainy season", False),
        ("What I can say is that the Ministry of Finance will clear the VRA's arrears to gas suppliers by the end of June.",
         ["Ministry of Finance"], "clear", "VRA arrears to gas suppliers", "by the end of June", False),
        ("The Electricity Company of Ghana, the Ghana Grid Company and the VRA will sign performance contracts next month",
         ["Electricity Company of Ghana", "Ghana Grid Company", "Volta River Authority"], "sign", "performance contracts",
         "next month", False),
        ("The West African Gas Pipeline Company has promised to raise flows to 150 million cubic feet a day once repairs at Itoki are done.",
         ["West African Gas Pipeline Company"], "promise", "raise gas flows to 150 million cubic feet a day", "", False),
    ],
    (R6, "kazakhstan-uzbekistan-azerbaijan-green-corridor-analysis"): [
        ("When the presidents of Azerbaijan, Kazakhstan and Uzbekistan signed their green energy partnership at COP29 in Baku in November 2024",
         ["Azerbaijan", "Kazakhstan", "Uzbekistan"], "sign", "green energy partnership", "in November 2024", False),
        ("None of them has committed a loan",
         ["World Bank", "European Investment Bank", "Asian Infrastructure Investment Bank"], "commit", "loan for the corridor", "", True),
        ("Kazakhstan pledged in September to reserve 5 gigawatts of new wind capacity in the Mangystau Region for export.",
         ["Kazakhstan"], "pledge", "reserve 5 gigawatts of wind capacity for export", "in September", False),
        ("Brussels has promised to list the corridor as a project of mutual interest in 2026.",
         ["European Union"], "promise", "list the corridor as a project of mutual interest", "in 2026", False),
    ],
}
