"""Round-4 dev commitments (the 48 texts of tests/data/gold_round4), annotated blind from the texts only.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``python tests/data/commitments/tools/build_dev_round4.py`` (writes ``dev_round4/``).
"""

R4 = "tests/data/gold_round4"

SPEC = {
    (R4, "australia-vanuatu-nakamal-agreement-interview"): [
        ("we will use that opinion at COP31 in Antalya", ["Vanuatu"], "use",
         "ICJ climate opinion at COP31", "at COP31", False),
    ],
    (R4, "arctic-council-senior-officials-chair-statement"): [
        ("will propose measures on heavy fuel oil and underwater noise",
         ["Protection of the Arctic Marine Environment working group"], "propose",
         "measures on heavy fuel oil and underwater noise", "", False),
        ("The next Senior Arctic Officials meeting will be held in Tórshavn in March 2027, ahead of the Arctic Council Ministerial Meeting in May 2027.",
         ["Arctic Council"], "hold", "next Senior Arctic Officials meeting in Tórshavn", "in March 2027", False),
    ],
    (R4, "brazil-senate-hearing-us-tariffs"): [
        ("we will defend Brazilian sovereignty with serenity and firmness", ["Brazil"], "defend",
         "Brazilian sovereignty", "", False),
    ],
    (R4, "china-russia-power-of-siberia-wire"): [
        ("Russia and China have yet to agree a price for gas to be sent through the planned Power of Siberia 2 pipeline",
         ["Russia", "China"], "agree", "price for Power of Siberia 2 gas", "", True),
        ("Gazprom chief Alexei Miller announced the memorandum in September 2025, when President Vladimir Putin visited China for the SCO summit in Tianjin and a military parade in Beijing.",
         ["Gazprom"], "announce", "Power of Siberia 2 memorandum", "in September 2025", False),
        ("it has contracted more liquefied natural gas from Qatar and the United States",
         ["China"], "contract", "more LNG from Qatar and the United States", "", False),
    ],
    (R4, "australia-tuvalu-falepili-union-fact-sheet"): [
        ("The Falepili Mobility Pathway offers up to 280 Tuvaluans permanent residence in Australia each year through a ballot.",
         ["Australia"], "offer", "permanent residence for up to 280 Tuvaluans a year", "", False),
        ("Under Article 4, Australia will assist Tuvalu in response to a major natural disaster, a pandemic or military aggression",
         ["Australia"], "assist", "assist Tuvalu after disaster, pandemic or aggression", "", False),
        ("Tuvalu will consult Australia before any security agreement with a third country.",
         ["Tuvalu"], "consult", "consult Australia before third-country security agreements", "", False),
        ("A new submarine cable from Funafuti to Fiji, funded through the Australian Infrastructure Financing Facility for the Pacific, will go live in the first quarter of 2027.",
         ["Australia"], "go", "Funafuti–Fiji submarine cable live", "in the first quarter of 2027", False),
    ],
    (R4, "algeria-mali-drone-dispute-news"): [
        ("The African Union has offered to mediate", ["African Union"], "offer",
         "mediate between Algeria and Mali", "", False),
    ],
    (R4, "eu-uk-defence-partnership-commentary"): [
        ("London and Brussels signed the EU-UK Security and Defence Partnership at their first summit in May 2025",
         ["United Kingdom", "European Union"], "sign", "EU-UK Security and Defence Partnership", "in May 2025", False),
        ("while the UK offered a fraction of that", ["United Kingdom"], "offer",
         "a fraction of the SAFE entry fee", "", False),
    ],
    (R4, "barbados-bridgetown-initiative-interview"): [],
    (R4, "asean-myanmar-foreign-ministers-statement"): [
        ("we agreed that Myanmar would continue to be represented at a non-political level at ASEAN summits",
         ["ASEAN Foreign Ministers"], "agree", "Myanmar represented at a non-political level at summits", "", False),
        ("requested the AHA Centre to deliver medicines and shelter to Mandalay and Sagaing before the monsoon",
         ["ASEAN Foreign Ministers"], "request", "AHA Centre to deliver medicines and shelter", "before the monsoon", False),
        ("tasked the ASEAN Senior Officials Meeting on Transnational Crime to coordinate their rescue and return",
         ["ASEAN Foreign Ministers"], "task", "coordinate rescue and return of scam-centre victims", "", False),
        ("to review progress at the 49th ASEAN Summit in October 2026", ["ASEAN Foreign Ministers"], "agree",
         "review progress at the 49th ASEAN Summit", "in October 2026", False),
    ],
    (R4, "european-parliament-debate-eu-china-evs"): [
        ("We agreed in Beijing on a one-year pause of those controls", ["European Union", "China"], "agree",
         "one-year pause of rare-earth export controls", "", False),
        ("we will not hesitate to use the Foreign Subsidies Regulation and, if necessary, the Anti-Coercion Instrument",
         ["European Commission"], "use", "Foreign Subsidies Regulation and Anti-Coercion Instrument", "", False),
    ],
    (R4, "panama-us-canal-ports-wire-analysis"): [
        ("U.S. troops rotate through former bases at Fort Sherman and Howard for training", ["United States", "Panama"],
         "rotate", "U.S. troop rotations through former bases", "", False),
        ("U.S. warships pass the canal first", ["United States", "Panama"], "pass",
         "priority canal passage for U.S. warships", "", False),
        ("There are no foreign bases in Panama, and there will not be", ["Panama"], "be",
         "no foreign bases in Panama", "", True),
        ("it now plans a $1.6 billion reservoir on the Río Indio that would displace some 2,000 residents",
         ["Panama Canal Authority"], "plan", "$1.6 billion Río Indio reservoir", "", False),
    ],
    (R4, "bahrain-us-c-sipa-fact-sheet"): [
        ("The two leaders reaffirmed the Comprehensive Security Integration and Prosperity Agreement (C-SIPA)",
         ["Donald J. Trump", "Salman bin Hamad Al Khalifa"], "reaffirm",
         "Comprehensive Security Integration and Prosperity Agreement", "", False),
        ("which commits both countries to deter and confront external aggression together", ["United States", "Kingdom of Bahrain"],
         "commit", "deter and confront external aggression together", "", False),
        ("The Bahrain Defence Force and NAVCENT will hold an integrated air and missile defence drill against drones in early 2026.",
         ["Bahrain Defence Force", "U.S. Naval Forces Central Command"], "hold",
         "integrated air and missile defence drill", "in early 2026", False),
        ("The United Kingdom joined C-SIPA in 2025", ["United Kingdom"], "join", "C-SIPA", "in 2025", False),
        ("Gulf Air will buy up to 18 Boeing 787 aircraft", ["Gulf Air"], "buy", "up to 18 Boeing 787 aircraft", "", False),
        ("Alba will expand its aluminium exports under the United States-Bahrain Free Trade Agreement", ["Alba"], "expand",
         "aluminium exports", "", False),
        ("The two countries will cooperate on data centres, semiconductors and trusted artificial intelligence",
         ["United States", "Kingdom of Bahrain"], "cooperate", "data centres, semiconductors and trusted AI", "", False),
        ("The Department of Energy and Bahrain's Ministry of Electricity and Water Affairs signed a memorandum on civil nuclear cooperation, including small modular reactors.",
         ["Department of Energy", "Ministry of Electricity and Water Affairs"], "sign",
         "memorandum on civil nuclear cooperation", "", False),
        ("Bahrain will invest $17 billion in the United States, supporting thousands of jobs in American industries.",
         ["Kingdom of Bahrain"], "invest", "$17 billion in the United States", "", False),
        ("The Fulbright programme will double the number of Bahraini students and researchers it sends to American universities by 2027.",
         ["United States"], "double", "Bahraini Fulbright students and researchers", "by 2027", False),
    ],
    (R4, "argentina-us-currency-swap-news"): [
        ("under which Argentina would cut duties on U.S. machinery and medicines", ["Argentina"], "cut",
         "duties on U.S. machinery and medicines", "", False),
        ("open its lithium and copper projects to American investors", ["Argentina"], "open",
         "lithium and copper projects to American investors", "", False),
        ("The International Monetary Fund approved a fresh disbursement of $1 billion under Argentina's $20 billion Extended Fund Facility in January.",
         ["International Monetary Fund"], "approve", "$1 billion disbursement under the Extended Fund Facility", "in January", False),
    ],
    (R4, "japan-china-taiwan-remarks-commentary"): [
        ("Takaichi has said she is ready to meet President Xi Jinping at the APEC summit in Shenzhen in November 2026",
         ["Sanae Takaichi"], "meet", "meet Xi Jinping at the APEC summit", "in November 2026", False),
        ("But Tokyo will not retract the remarks", ["Japan"], "retract", "Takaichi's Taiwan remarks", "", True),
    ],
    (R4, "egypt-ethiopia-gerd-press-conference"): [
        ("No; the agreement ignores the historic uses of downstream states", ["Egypt"], "join",
         "Cooperative Framework Agreement", "", True),
        ("which have offered to facilitate", ["African Union", "United States"], "offer",
         "facilitate talks on the GERD", "", False),
    ],
    (R4, "brics-rio-foreign-ministers-chair-statement"): [
        ("welcomed the admission of Colombia and Uzbekistan to the NDB", ["New Development Bank"], "admit",
         "Colombia and Uzbekistan as members", "", False),
        ("Ministers supported the BRICS Partnership for the Elimination of Socially Determined Diseases, to be launched at the Rio de Janeiro summit in July.",
         ["BRICS Ministers of Foreign Affairs"], "support",
         "BRICS Partnership for the Elimination of Socially Determined Diseases", "in July", False),
    ],
}
