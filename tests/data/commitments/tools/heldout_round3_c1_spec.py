"""Held-out round 3 commitments, annotator c1 (12 articles of ``tests/data/gold_heldout_round2``), annotated blind from the texts.

Each entry: (clause string found exactly once in the text, who, action, what, when, negated).
Build with ``PYTHONPATH=. python tests/data/commitments/tools/build_heldout_round3_c1.py``.
"""

H = "tests/data/gold_heldout_round2"

SPEC = {
    (H, "kenya-japan-foreign-ministers-nairobi-press-conference"): [
        ("the second phase of the Dongo Kundu Special Economic Zone at Mombasa will break ground this year",
         ["Kenya", "Japan"], "break", "ground on Dongo Kundu SEZ second phase", "this year", False),
        ("The Japan International Cooperation Agency (JICA) will also co-finance geothermal wells at Olkaria, which already supplies close to half of our electricity.",
         ["Japan International Cooperation Agency"], "co-finance", "geothermal wells at Olkaria", "", False),
        ("today we agreed that a Japan Maritime Self-Defense Force escort ship will call at Mombasa in June for a joint exercise with the Kenya Navy",
         ["Japan", "Kenya"], "agree", "JMSDF ship call and joint exercise at Mombasa", "in June", False),
        ("We will also train officers of the Kenya Coast Guard Service in maritime domain awareness, as part of our Official Security Assistance.",
         ["Japan"], "train", "Kenya Coast Guard officers in maritime domain awareness", "", False),
        ("MINISTER MOTEGI: Yes;",
         ["Japan"], "take", "more Kenyan nurses and caregivers under SSW visa", "", False),
    ],
    (H, "australia-pacific-labour-mobility-bill-debate"): [
        ("This bill gives the Fair Work Ombudsman power to audit approved employers without notice",
         ["Australia"], "give", "Fair Work Ombudsman power to audit employers", "", False),
        ("caps accommodation deductions at a quarter of weekly pay",
         ["Australia"], "cap", "accommodation deductions at a quarter of pay", "", False),
        ("Workers who leave an abusive employer will get a bridging visa for up to six months to find another approved employer, instead of being treated as absconders.",
         ["Australia"], "get", "bridging visa for workers leaving abusive employers", "", False),
    ],
    (H, "ecowas-extraordinary-summit-sahel-security-communique"): [
        ("Welcoming the agreement to keep free movement of persons and goods between ECOWAS and AES states for a further twelve months",
         ["ECOWAS", "Alliance of Sahel States"], "agree", "keep free movement of persons and goods", "for a further twelve months", False),
        ("the Authority directs the Commission to conclude a trade and transit arrangement by June 2026.",
         ["Authority of Heads of State and Government of ECOWAS"], "direct", "conclude trade and transit arrangement", "by June 2026", False),
        ("7. The Authority decides to activate a first brigade of 1,650 troops of the ECOWAS Standby Force, to be deployed in Benin, Togo and northern Ghana within six months, with headquarters in Lomé.",
         ["Authority of Heads of State and Government of ECOWAS"], "decide", "activate ECOWAS Standby Force brigade", "within six months", False),
        ("8. To finance the brigade, the Authority directs the ECOWAS Commission, the ECOWAS Bank for Investment and Development and the West African Development Bank to mobilise US$2.6 billion, including from the community levy.",
         ["Authority of Heads of State and Government of ECOWAS"], "direct", "mobilise US$2.6 billion for the brigade", "", False),
        ("10. Stressing the use of armed drones and online recruitment by terrorists, the Authority directs the Inter-Governmental Action Group against Money Laundering in West Africa (GIABA) to track their financing, including through mobile money and crypto-assets.",
         ["Authority of Heads of State and Government of ECOWAS"], "direct", "GIABA to track terrorist financing", "", False),
    ],
    (H, "brazil-china-soybeans-electric-vehicles-wire"): [],
    (H, "canada-latvia-nato-multinational-brigade-release"): [
        ("Today, the Minister of National Defence, David McGuinty, and the Minister of Defence of the Republic of Latvia, Andris Sprūds, announced that Canada will continue to lead the Multinational Brigade Latvia (MNB-LVA) until at least March 2029.",
         ["Canada"], "continue", "lead Multinational Brigade Latvia", "until at least March 2029", False),
        ("Under Operation REASSURANCE, the Canadian Armed Forces (CAF) will keep up to 2,200 personnel in Latvia",
         ["Canadian Armed Forces"], "keep", "up to 2,200 personnel in Latvia", "", False),
        ("National Defence, Public Services and Procurement Canada and Defence Construction Canada will also award contracts worth $480 million for barracks, a maintenance hangar and a training area at Camp Ādaži.",
         ["National Defence", "Public Services and Procurement Canada", "Defence Construction Canada"], "award",
         "$480 million contracts at Camp Ādaži", "", False),
        ("will add CMMA surveillance flights from 2027",
         ["Canadian Armed Forces"], "add", "CMMA surveillance flights", "from 2027", False),
        ("At the Hague Summit in June 2025, NATO Allies agreed to invest 5% of GDP in defence and defence-related spending by 2035.",
         ["NATO Allies"], "agree", "invest 5% of GDP in defence", "by 2035", False),
    ],
    (H, "tapi-gas-pipeline-think-tank-commentary"): [
        ("TAPI Pipeline Company Limited (TPCL) says it has commitments of US$1.2 billion for the Afghan stretch, mostly from Turkmengas and Gulf lenders",
         ["Turkmengas", "Gulf lenders"], "commit", "US$1.2 billion for the Afghan stretch", "", False),
        ("Kabul has promised a 30,000-strong protection force, a number nobody outside the Taliban can verify.",
         ["Kabul"], "promise", "30,000-strong protection force", "", False),
    ],
}
