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
}
