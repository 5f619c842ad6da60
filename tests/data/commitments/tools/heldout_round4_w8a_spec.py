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

SPEC[(H, "comesa-chairperson-statement-southern-africa-drought-food-security")] = [
    ("4. Member states will suspend, for six months from 1 March 2026, export bans and import duties on maize, sorghum and cassava traded between them.",
     ["COMESA member states"], "suspend", "export bans and import duties on staple grains", "from 1 March 2026", False),
    ("5. The COMESA Secretariat will publish a monthly Regional Food Balance Sheet so that surplus stocks in Tanzania and Uganda can be matched with deficits further south.",
     ["COMESA Secretariat"], "publish", "monthly Regional Food Balance Sheet", "", False),
    ("The Bureau decided to set aside US$20 million from the COMESA Fund as the first capital of a Drought Resilience Window",
     ["Bureau of the Authority"], "decide", "US$20 million for a Drought Resilience Window", "", False),
    ("which the Council of Ministers will operationalise at its meeting in May",
     ["Council of Ministers"], "operationalise", "Drought Resilience Window", "in May", False),
    ("asked the Secretariat to report on waiting times at Chirundu and Kasumbalesa within 30 days",
     ["William Ruto"], "ask", "Secretariat report on border waiting times", "within 30 days", False),
    ("11. The Bureau will meet again in April 2026 to review progress.",
     ["Bureau of the Authority"], "meet", "review progress", "in April 2026", False),
]

SPEC[(H, "mongolia-france-orano-uranium-rail-wire")] = [
    ("Mongolia and French nuclear fuel group Orano signed the final investment agreement for the Zuuvch-Ovoo uranium deposit on Tuesday, ending more than a year of haggling over tax stability and the state's share.",
     ["Mongolia", "Orano"], "sign", "final investment agreement for Zuuvch-Ovoo", "on Tuesday", False),
    ("Orano will hold 90% of the Badrakh Energy joint venture",
     ["Orano"], "hold", "90% of Badrakh Energy", "", False),
    ("Mongolia's state miner Erdenes Mongol 10%, rising to 34% once the investment has been repaid",
     ["Erdenes Mongol"], "hold", "10% of Badrakh Energy, rising to 34%", "", False),
    ("The government said it would build a 180-km spur linking Zuuvch-Ovoo to the Sainshand–Zamiin-Uud railway by 2027",
     ["Mongolia"], "build", "180-km rail spur", "by 2027", False),
    ("Mongolian Railway had agreed to reserve two container trains a week for uranium concentrate bound for the port of Tianjin",
     ["Mongolian Railway"], "agree", "reserve two container trains a week", "", False),
    ("China has not yet agreed to the transit",
     ["China"], "agree", "uranium transit", "", True),
    ("Orano, Erdenes Mongol and the French state's Bpifrance will also fund a training centre in Sainshand for 400 Mongolian technicians, the companies said.",
     ["Orano", "Erdenes Mongol", "Bpifrance"], "fund", "training centre for 400 technicians", "", False),
]

SPEC[(H, "indonesia-vietnam-coast-guard-hotline-natuna-fisheries-news")] = [
    ("JAKARTA — Indonesia and Vietnam will connect their coast guards by a round-the-clock hotline from 1 June, officials said on Thursday, a week after patrol ships of the two countries faced off for nine hours over three Vietnamese trawlers in the North Natuna Sea.",
     ["Indonesia", "Vietnam"], "connect", "coast guard hotline", "from 1 June", False),
    ("Under a memorandum signed by Irvansyah and Lieutenant General Le Quang Dao, commander of the Vietnam Coast Guard, duty officers in Batam and Vung Tau will call each other before boarding any vessel flagged to the other side.",
     ["Indonesian Maritime Security Agency", "Vietnam Coast Guard"], "call", "each other before boarding", "", False),
    ("The two agencies also agreed to hold a joint search-and-rescue drill off Con Dao in September.",
     ["Indonesian Maritime Security Agency", "Vietnam Coast Guard"], "agree", "joint search-and-rescue drill", "in September", False),
    ("the others would be repatriated",
     ["Indonesia"], "repatriate", "the other crew members", "", False),
    ("the exclusive economic zone boundary the two countries agreed in December 2022",
     ["Indonesia", "Socialist Republic of Viet Nam"], "agree", "exclusive economic zone boundary", "in December 2022", False),
    ("Both parliaments have since ratified that agreement",
     ["Indonesia", "Socialist Republic of Viet Nam"], "ratify", "EEZ boundary agreement", "", False),
    ("the overlapping seabed line has not been settled",
     ["Indonesia", "Socialist Republic of Viet Nam"], "settle", "overlapping seabed line", "", True),
]

SPEC[(H, "greece-cyprus-great-sea-interconnector-think-tank-analysis")] = [
    ("The European Commission awarded it 657 million euros from the Connecting Europe Facility (CEF) in 2022",
     ["European Commission"], "award", "657 million euros CEF grant", "in 2022", False),
    ("In March the Cypriot cabinet finally agreed to pay the first instalment",
     ["Cyprus"], "agree", "pay the first guarantee instalment", "In March", False),
    ("the Cyprus Energy Regulatory Authority has yet to approve the tariff that would recover it from consumers",
     ["Cyprus Energy Regulatory Authority"], "approve", "cost-recovery tariff", "", True),
]

SPEC[(H, "argentina-japan-lithium-partnership-ministry-release")] = [
    ("The Minister of Economy of the Argentine Republic, Luis Caputo, and Japan's Minister of Economy, Trade and Industry, Ryosei Akazawa, today signed a Memorandum of Cooperation on lithium and other critical minerals in Buenos Aires.",
     ["Luis Caputo", "Ryosei Akazawa"], "sign", "Memorandum of Cooperation on lithium and critical minerals", "today", False),
    ("Under the memorandum, the Japan Organization for Metals and Energy Security (JOGMEC) will provide equity and loan guarantees of up to US$1.2 billion",
     ["Japan Organization for Metals and Energy Security"], "provide", "up to US$1.2 billion equity and loan guarantees", "", False),
    ("In return, Japanese offtakers will have the right to purchase up to 40% of the lithium carbonate produced by those projects for fifteen years.",
     ["Argentine Republic"], "have", "offtake right to 40% of lithium carbonate", "", False),
    ("JOGMEC and the Secretariat of Mining will also carry out a joint study on refining battery-grade lithium hydroxide in Argentina, with results due by March 2027.",
     ["Japan Organization for Metals and Energy Security", "Secretariat of Mining"], "carry", "joint study on lithium hydroxide refining", "by March 2027", False),
    ("Five hundred Argentine engineers and technicians will train in Japan over the next four years.",
     ["Japan", "Argentine Republic"], "train", "500 Argentine engineers and technicians", "over the next four years", False),
    ("Argentina will not impose export duties on lithium for the life of these projects",
     ["Argentina"], "impose", "export duties on lithium", "", True),
    ("the rules will not change with each election",
     ["Argentina"], "change", "investment rules", "", True),
    ("The Secretariat of Mining, the Investment and International Trade Promotion Agency and the Federal Investment Council will set up a single desk to process Japanese applications within 45 days.",
     ["Secretariat of Mining", "Investment and International Trade Promotion Agency", "Federal Investment Council"], "set",
     "single desk for Japanese applications", "", False),
    ("a technical committee would meet in Tokyo in October",
     ["Argentina", "Japan"], "meet", "technical committee", "in October", False),
    ("The Minister added that the government would seek similar agreements with the Republic of Korea and Germany.",
     ["Argentina"], "seek", "similar agreements with Korea and Germany", "", False),
]

SPEC[(H, "samoa-police-minister-radio-interview-pacific-policing")] = [
    ("Your cabinet signed up this week to the Pacific Policing Initiative.",
     ["Samoa"], "sign", "Pacific Policing Initiative", "this week", False),
    ("Samoa will host one of the four regional policing development hubs, at the old training college in Tafaigata",
     ["Samoa"], "host", "regional policing development hub", "", False),
    ("it will open in early 2027",
     ["Samoa"], "open", "Tafaigata policing hub", "in early 2027", False),
    ("Second, 40 of our officers will join the PPI's standby group, ready to deploy to a neighbour within 72 hours if their government asks.",
     ["Samoa"], "join", "40 officers to the PPI standby group", "", False),
    ("endorsed by all leaders at the Pacific Islands Forum Leaders Meeting in Nuku'alofa in 2024",
     ["Pacific Islands Forum"], "endorse", "Pacific Policing Initiative", "in 2024", False),
    ("PICP chiefs will sit on the board that decides deployments",
     ["Pacific Islands Chiefs of Police"], "sit", "board deciding deployments", "", False),
    ("No, we will not invite them, and we have told the Chinese embassy so.",
     ["Samoa"], "invite", "Chinese police trainers", "", True),
]
