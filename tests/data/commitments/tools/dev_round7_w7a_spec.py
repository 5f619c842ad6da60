"""Round 7 (w7a) commitments, annotated blind from the texts of ``tests/data/gold_round7`` (no tool output seen, no .gold.json read).

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_dev_round7_w7a.py`` from the repository root.
"""

R7 = "tests/data/gold_round7"

SPEC = {
    (R7, "pakistan-national-assembly-turkiye-corvette-drone-deal-debate"): [
        ("this country signed a contract worth US$1.9 billion with the Turkish defence firm ASFAT",
         ["Pakistan", "ASFAT"], "sign", "contract for four corvettes and thirty armed drones", "Three weeks ago", False),
        ("The contract was approved by the Federal Cabinet on 29 January",
         ["Federal Cabinet"], "approve", "corvette and drone contract", "on 29 January", False),
        ("Two of the corvettes will be built at Karachi Shipyard and Engineering Works",
         ["Karachi Shipyard and Engineering Works"], "build", "two of the four corvettes", "", False),
        ("the first ship is to be delivered in 2028",
         ["ASFAT"], "deliver", "first corvette", "in 2028", False),
        ("Türkiye has also agreed to transfer the design data",
         ["Türkiye"], "agree", "transfer of the corvette design data", "", False),
        ("I will brief the committee in camera next week.",
         ["Khawaja Muhammad Asif"], "brief", "defence committee in camera on the contract", "next week", False),
        ("Honourable members will have every document they are entitled to, in the committee",
         ["Khawaja Muhammad Asif"], "have", "contract documents for members in committee", "", False),
    ],
    (R7, "sweden-estonia-defence-ministers-tallinn-press-conference"): [
        ("signed a letter of intent to buy short-range air defence missiles together",
         ["Swedish Defence Materiel Administration", "Estonian Centre for Defence Investment"], "sign",
         "letter of intent on joint purchase of short-range air defence missiles", "Today", False),
        ("Sweden will send a corvette and a signals intelligence aircraft to Baltic Sentry from March",
         ["Sweden"], "send", "a corvette and a signals intelligence aircraft to Baltic Sentry", "from March", False),
        ("we will keep them there for at least six months",
         ["Sweden"], "keep", "the ships and aircraft in Baltic Sentry", "for at least six months", False),
        ("The letter commits both agencies to a joint tender by the end of June",
         ["Swedish Defence Materiel Administration", "Estonian Centre for Defence Investment"], "commit",
         "joint tender for air defence missiles", "by the end of June", False),
        ("Swedish staff officers will join the Estonian Division headquarters in Tallinn this autumn",
         ["Sweden"], "join", "staff officers at the Estonian Division headquarters", "this autumn", False),
        ("the NB8 defence ministers will meet in Visby in May",
         ["Nordic-Baltic Eight"], "meet", "NB8 defence ministers' meeting in Visby", "in May", False),
    ],
    (R7, "ecuador-finance-minister-podcast-amazon-debt-swap"): [
        ("On Monday we signed the financing agreements with the Inter-American Development Bank (IDB) and the U.S. International Development Finance Corporation (DFC)",
         ["Ecuador", "Inter-American Development Bank", "U.S. International Development Finance Corporation"], "sign",
         "financing agreements for the Amazon debt-for-nature swap", "On Monday", False),
        ("The IDB guarantees a new loan",
         ["Inter-American Development Bank"], "guarantee", "new loan for the debt swap", "", False),
        ("the DFC insures it",
         ["U.S. International Development Finance Corporation"], "insure", "the new loan", "", False),
        ("Ecuador will put US$18 million a year for seventeen years into the Amazon Biocorridor Fund",
         ["Ecuador"], "put", "US$18 million a year into the Amazon Biocorridor Fund", "for seventeen years", False),
        ("We will not issue new international bonds in 2026",
         ["Ecuador"], "issue", "new international bonds", "in 2026", True),
        ("nothing is agreed",
         ["Ecuador", "Development Bank of Latin America and the Caribbean"], "agree", "a fourth swap for coastal mangroves", "", True),
    ],
    (R7, "senegal-korea-vaccine-manufacturing-partnership-commentary"): [
        ("the Republic of Senegal and South Korea signed their health partnership in January",
         ["Senegal", "South Korea"], "sign", "health partnership", "in January", False),
        ("will train 200 technicians for the MADIBA plant",
         ["International Vaccine Institute"], "train", "200 technicians for the MADIBA plant", "by 2028", False),
        ("The Korea International Cooperation Agency pledged US$45 million over five years",
         ["Korea International Cooperation Agency"], "pledge", "US$45 million for fill-and-finish lines and quality control", "over five years", False),
        ("Seoul promised at the Korea-Africa Summit of June 2024 to share that experience",
         ["South Korea"], "promise", "sharing its vaccine manufacturing experience", "June 2024", False),
        ("which both governments have scheduled for December",
         ["Senegal", "South Korea"], "schedule", "first review of the partnership", "for December", False),
    ],
}
