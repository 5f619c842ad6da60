"""Held-out round 3 commitments (annotator c4), annotated blind from the texts of tests/data/gold_heldout_round2 only.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``python tests/data/commitments/tools/build_heldout_round3_c4.py`` (writes ``heldout_round3/``).
"""

H = "tests/data/gold_heldout_round2"

SPEC = {
    (H, "au-psc-sudan-el-fasher-communique"): [
        ("Requests the Chairperson of the Commission, Mahmoud Ali Youssouf, working with the AU High-Level Panel on Sudan, the Intergovernmental Authority on Development (IGAD) and the United Nations, to convene within sixty days a meeting of Sudanese civilian forces in Addis Ababa",
         ["Peace and Security Council of the African Union"], "request",
         "Chairperson of the Commission to convene Sudanese civilian forces in Addis Ababa", "within sixty days", False),
    ],
    (H, "bangladesh-japan-matarbari-port-corridor-news"): [
        ("Japan agreed to help Bangladesh build a harbour able to take vessels too large for Chattogram",
         ["Japan"], "agree", "help Bangladesh build a deep-sea harbour", "", False),
        ("At a ceremony on the jetty, Japanese Ambassador Shinichi Saida said Tokyo would provide a further 180 billion yen in loans for the second phase, including a container yard and a rail link to Chakaria.",
         ["Japan"], "provide", "further 180 billion yen loans for Matarbari second phase", "", False),
        ("whose fifth round of talks opens in Tokyo next month",
         ["Bangladesh", "Japan"], "open", "fifth round of Economic Partnership Agreement talks in Tokyo", "next month", False),
    ],
    (H, "canada-commons-arctic-icebreakers-question-period"): [
        ("the first Polar icebreaker will be delivered in 2030",
         ["Canada"], "deliver", "first Polar icebreaker", "in 2030", False),
        ("that is exactly why we joined Finland and the United States in the Icebreaker Collaboration Effort",
         ["Canada"], "join", "Icebreaker Collaboration Effort (ICE Pact) with Finland and the United States", "", False),
        ("which pools designs and shipyard know-how among our three countries",
         ["Canada", "Finland", "United States"], "pool", "icebreaker designs and shipyard know-how", "", False),
        ("the Canadian Rangers will nearly double in size",
         ["Canada"], "double", "size of the Canadian Rangers", "", False),
    ],
    (H, "iraq-iran-electricity-waivers-gulf-grid-analysis"): [],
    (H, "kyrgyzstan-tajikistan-border-water-wire"): [
        ("The leaders of Kyrgyzstan and Tajikistan signed an agreement on sharing the water of border rivers on Thursday",
         ["Sadyr Japarov", "Emomali Rahmon"], "sign", "agreement on sharing border river water", "on Thursday", False),
        ("the Golovnoy water intake on the Isfara river will be run by a joint commission",
         ["Kyrgyzstan", "Tajikistan"], "run", "Golovnoy water intake by a joint commission", "", False),
        ("each side will receive fixed shares of its flow during the irrigation season from April to September",
         ["Kyrgyzstan", "Tajikistan"], "receive", "fixed shares of Isfara flow in irrigation season", "", False),
        ("The Ministry of Water Resources, Agriculture and Processing Industry in Bishkek and the Ministry of Energy and Water Resources in Dushanbe will share real-time data from gauges on the Tortkul reservoir and the Isfara canal system.",
         ["Ministry of Water Resources, Agriculture and Processing Industry", "Ministry of Energy and Water Resources"],
         "share", "real-time gauge data on Tortkul reservoir and Isfara canals", "", False),
        ("The State Committee for National Security, the Border Service and the Customs Service of each country will also staff four reopened crossings, including Kairagach–Guliston.",
         ["Kyrgyzstan", "Tajikistan"], "staff", "four reopened border crossings", "", False),
        ("Central Asian leaders are due to meet U.S. officials at a C5+1 summit in Astana later this year",
         ["Central Asian leaders", "United States"], "meet", "C5+1 summit in Astana", "later this year", False),
    ],
    (H, "png-australia-pukpuk-treaty-joint-release"): [
        ("Australia and Papua New Guinea have today exchanged instruments of ratification of the Papua New Guinea–Australia Mutual Defence Treaty, the Pukpuk Treaty",
         ["Australia", "Papua New Guinea"], "exchange", "instruments of ratification of the Pukpuk Treaty", "today", False),
        ("and will act to meet the common danger",
         ["Independent State of Papua New Guinea", "Commonwealth of Australia"], "act",
         "meet the common danger of an armed attack", "", False),
        ("Ministers agreed that the first Papua New Guinean citizens will begin training with the Australian Defence Force in July, opening a pathway for up to 10,000 recruits over the next decade.",
         ["Richard Marles", "Billy Joseph"], "agree", "PNG citizens begin ADF training, pathway for 10,000 recruits",
         "in July", False),
        ("The Australian Defence Force, the Papua New Guinea Defence Force and the Royal Papua New Guinea Constabulary will establish a combined planning cell to coordinate their responses to crises.",
         ["Australian Defence Force", "Papua New Guinea Defence Force", "Royal Papua New Guinea Constabulary"],
         "establish", "combined crisis planning cell", "", False),
        ("Work will begin this year on new wharves at the Lombrum naval base on Manus Island and on upgrades to Taurama Barracks, with local firms given priority for contracts.",
         ["Australia", "Papua New Guinea"], "begin", "work on Lombrum wharves and Taurama Barracks upgrades",
         "this year", False),
        ("Under the Pacific Maritime Security Program, Australia will also fund more surveillance flights to help police illegal fishing and drug trafficking in PNG's exclusive economic zone.",
         ["Australia"], "fund", "more surveillance flights over PNG's EEZ", "", False),
        ("Papua New Guineans who join the ADF will serve alongside Australians with the same pay, the same training and the same pride.",
         ["Australia"], "serve", "PNG recruits serve in the ADF on equal pay and training", "", False),
    ],
}
