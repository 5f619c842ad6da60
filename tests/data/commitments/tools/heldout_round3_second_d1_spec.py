"""Held-out round 3, second annotation (d1): commitments of 16 texts of ``tests/data/gold_heldout_round2``, annotated
blind from the ``.txt`` files only (no extractor, no ``.gold.json``, no first annotation).

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``python tests/data/commitments/tools/build_heldout_round3_second_d1.py`` (repository on ``PYTHONPATH``).
"""

H = "tests/data/gold_heldout_round2"

SPEC = {
    (H, "argentina-imf-band-rigi-analysis"): [
        ("the US$20 billion swap line that the U.S. Treasury opened in October 2025",
         ["U.S. Treasury"], "open", "US$20 billion swap line", "in October 2025", False),
        ("which offers tax, customs and currency guarantees for 30 years to projects above US$200 million",
         ["Argentina"], "offer", "tax, customs and currency guarantees to large projects", "", False),
        ("An IMF mission is due in Buenos Aires in February to complete the next review",
         ["International Monetary Fund"], "complete", "next review of the Extended Fund Facility", "in February", False),
    ],
    (H, "asean-foreign-ministers-joint-communique-scs-myanmar-grid"): [
        ("the signing of the enhanced memorandum of understanding on the APG in October 2025",
         ["Association of Southeast Asian Nations"], "sign", "enhanced MoU on the ASEAN Power Grid", "in October 2025", False),
        ("We tasked the ASEAN Centre for Energy, the ASEAN Secretariat and the Asian Development Bank to complete by 2027 a financing plan for subsea interconnections between Sarawak, Peninsular Malaysia and Singapore.",
         ["ASEAN Foreign Ministers"], "task", "financing plan for subsea interconnections", "by 2027", False),
    ],
    (H, "au-psc-sudan-el-fasher-communique"): [
        ("Requests the Chairperson of the Commission, Mahmoud Ali Youssouf, working with the AU High-Level Panel on Sudan, the Intergovernmental Authority on Development (IGAD) and the United Nations, to convene within sixty days a meeting of Sudanese civilian forces in Addis Ababa;",
         ["Peace and Security Council of the African Union"], "request",
         "Commission Chairperson to convene Sudanese civilian forces in Addis Ababa", "within sixty days", False),
    ],
    (H, "australia-pacific-labour-mobility-bill-debate"): [
        ("This bill gives the Fair Work Ombudsman power to audit approved employers without notice",
         ["Australian Government"], "give", "Fair Work Ombudsman power to audit employers without notice", "", False),
        ("caps accommodation deductions at a quarter of weekly pay",
         ["Australian Government"], "cap", "accommodation deductions at a quarter of weekly pay", "", False),
        ("Workers who leave an abusive employer will get a bridging visa for up to six months to find another approved employer, instead of being treated as absconders.",
         ["Australian Government"], "get", "bridging visa for workers leaving abusive employers", "", False),
    ],
    (H, "bangladesh-japan-matarbari-port-corridor-news"): [
        ("nearly a decade after Japan agreed to help Bangladesh build a harbour able to take vessels too large for Chattogram",
         ["Japan"], "agree", "help build the Matarbari harbour", "", False),
        ("At a ceremony on the jetty, Japanese Ambassador Shinichi Saida said Tokyo would provide a further 180 billion yen in loans for the second phase, including a container yard and a rail link to Chakaria.",
         ["Japan"], "provide", "180 billion yen in loans for the second phase", "", False),
        ("whose fifth round of talks opens in Tokyo next month",
         ["Bangladesh", "Japan"], "open", "fifth round of EPA talks", "next month", False),
    ],
    (H, "brazil-china-soybeans-electric-vehicles-wire"): [],
}
