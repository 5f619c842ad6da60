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
}
