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
}
