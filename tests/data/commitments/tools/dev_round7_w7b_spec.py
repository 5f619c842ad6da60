"""Round-7 dev commitments (w7b, 8 articles of tests/data/gold_round7), annotated blind from the texts written for it.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_dev_round7_w7b.py`` (from the repository root).
"""

R7 = "tests/data/gold_round7"

SPEC = {
    (R7, "colombia-presidency-daily-briefing-ecuador-border"): [
        ("First, the President has instructed the Ministry of Commerce, Industry and Tourism, the Ministry of Foreign Affairs and the National Tax and Customs Directorate to reply within ten days to the tariff measure announced by the Republic of Ecuador.",
         ["President of Colombia"], "instruct", "reply to Ecuador's tariff measure", "within ten days", False),
        ("Colombia will not impose retaliatory duties while talks are under way.",
         ["Colombia"], "impose", "retaliatory duties", "", True),
        ("The two foreign ministers will meet in Lima on Friday, at the seat of the Andean Community (CAN).",
         ["Colombia", "Ecuador"], "meet", "foreign ministers' meeting in Lima", "on Friday", False),
        ("Second, Colombia and Ecuador agreed last night to restore joint police patrols on the Rumichaca Bridge within two weeks.",
         ["Colombia", "Ecuador"], "agree", "restore joint police patrols on the Rumichaca Bridge", "within two weeks", False),
        ("Third, the health ministry will send forty doctors to La Guajira this week to support the measles campaign among families arriving from Venezuela.",
         ["Colombia"], "send", "forty doctors to La Guajira", "this week", False),
        ("there will not be one while the group holds hostages",
         ["Colombia"], "be", "new round of talks with the ELN", "", True),
    ],
    (R7, "european-parliament-debate-eu-senegal-fisheries-migration"): [
        ("The Commission will propose a new negotiating mandate to the Council in March.",
         ["European Commission"], "propose", "new fisheries negotiating mandate", "in March", False),
        ("We will also commit EUR 30 million from the Global Gateway to cold-chain facilities in Saint-Louis and Mbour, so that artisanal fishers keep more of the value of their catch.",
         ["European Commission"], "commit", "EUR 30 million for cold-chain facilities", "", False),
        ("the European Union and the Republic of Senegal signed a letter of intent last month to open a talent partnership",
         ["European Union", "Republic of Senegal"], "sign", "letter of intent on a talent partnership", "last month", False),
        ("The mandate will include a scientific review clause",
         ["European Commission"], "include", "scientific review clause in the mandate", "", False),
    ],
}
