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
}
