"""Round-6 (w6b) commitments, annotated blind from the texts of ``tests/data/gold_round6`` written by w6b.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_dev_round6_w6b.py`` from the repository root.
"""

G = "tests/data/gold_round6"

SPEC = {
    (G, "china-mfa-regular-press-briefing-laos-rail-nepal"): [
        ("During the visit the two sides will sign a plan to extend the cross-border economic cooperation zone at Mohan and Boten.",
         ["China", "Lao People's Democratic Republic"], "sign", "plan to extend the Mohan-Boten cooperation zone", "", False),
        ("the customs authorities of both countries agreed last month to introduce a single inspection at the border by the end of June",
         ["China", "Lao People's Democratic Republic"], "agree", "single customs inspection at the border", "by the end of June", False),
        ("the railway will add two more cold-chain trains a week for durian and cassava",
         ["China-Laos Railway"], "add", "two more cold-chain trains a week", "", False),
        ("China and Nepal signed the BRI cooperation framework in December 2024",
         ["China", "Nepal"], "sign", "BRI cooperation framework", "in December 2024", False),
    ],
    (G, "ireland-oireachtas-committee-unifil-withdrawal-hearing"): [
        ("the Security Council decided in August 2025 that UNIFIL will cease operations on 31 December 2026 and withdraw within a year.",
         ["Security Council"], "decide", "end UNIFIL operations and withdraw", "on 31 December 2026", False),
        ("The Government has decided that the Irish battalion will begin to draw down in September",
         ["Ireland"], "decide", "draw down the Irish battalion", "in September", False),
        ("the last of our 340 personnel will be home by Easter 2027",
         ["Ireland"], "be", "all 340 personnel home", "by Easter 2027", False),
        ("we have offered the Lebanese Armed Forces a programme of training in explosive ordnance disposal",
         ["Ireland"], "offer", "explosive ordnance disposal training for the Lebanese Armed Forces", "", False),
        ("I will bring a memorandum to Cabinet on it next month.",
         ["Simon Harris"], "bring", "memorandum to Cabinet on the training", "next month", False),
        ("I will not publish the Attorney General's advice; no Government does.",
         ["Simon Harris"], "publish", "the Attorney General's advice", "", True),
    ],
}
