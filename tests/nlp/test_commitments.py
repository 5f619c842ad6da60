"""Commitments from the dependency parse: who, action, what, when, negation, and what is not a commitment."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.dates import find_when, resolve


def _commitments(analyzer: Analyzer, text: str) -> list[dict[str, object]]:
    return [c.to_json() for c in replace(analyzer, find_commitments=True).analyze(text).commitments]


def test_the_review_path_leaves_commitments_out(analyzer: Analyzer) -> None:
    """Imports and the window do not pay for the parser; the contract and drafting ask for commitments."""
    text = "India and Japan agreed to hold a joint naval exercise by March 2027."
    assert analyzer.analyze(text).commitments == []
    assert _commitments(analyzer, text)


def test_agreed_to_with_parties_object_and_deadline(analyzer: Analyzer) -> None:
    text = "Prime Minister Narendra Modi and the European Union agreed to launch a joint green fund by March 2026."
    (c,) = _commitments(analyzer, text)
    assert c["action"] == "agree" and c["what"] == "launch a joint green fund"
    assert c["who"] == ["Narendra Modi", "European Union"]
    assert c["when"] == "March 2026" and c["negated"] is False
    assert text[c["start"]:c["end"]].startswith("Prime Minister Narendra Modi")


def test_parties_resolved_through_entity_ids(analyzer: Analyzer) -> None:
    text = "Prime Minister Narendra Modi arrived in Tokyo on Monday. Modi signed a defence pact with Japan."
    (c,) = _commitments(analyzer, text)
    assert c["action"] == "sign" and c["who"] == ["Narendra Modi"] and c["what"] == "a defence pact with Japan"


def test_will_statement_signing_and_negation(analyzer: Analyzer) -> None:
    text = ("New Zealand will provide NZ$40 million for climate resilience in Fiji. "
            "The two sides did not sign the trade deal. "
            "Brazil refused to sign the declaration.")
    found = {(c["action"], c["negated"]) for c in _commitments(analyzer, text)}
    assert found == {("provide", False), ("sign", True)}
    assert len(_commitments(analyzer, text)) == 3


def test_coordinated_commitments_are_one_each(analyzer: Analyzer) -> None:
    text = "India and the UK agreed to share intelligence on terror financing and to meet again in London next year."
    found = _commitments(analyzer, text)
    assert [c["action"] for c in found] == ["agree", "agree"]
    assert found[1]["what"].startswith("meet") and found[1]["when"] == "next year"


def test_welcomed_signing_is_a_deliverable(analyzer: Analyzer) -> None:
    (c,) = _commitments(analyzer, "The leaders welcomed the signing of the migration and mobility pact.")
    assert c["action"] == "sign" and c["what"] == "the migration and mobility pact"


@pytest.mark.parametrize("text", [
    "The leaders agreed that cooperation on climate is vital for both countries.",
    "India hopes to conclude the free trade agreement with the EU this year.",
    "The ministers welcomed progress in the negotiations on a free trade agreement.",
    "Analysts said the deal will expand trade between the two countries.",
    "Journalists expect that Japan will announce new sanctions next week.",
    "Leaders could sign an agreement on critical minerals next year.",
    "A youth mobility agreement signed in 2024 lets graduates work for two years.",
    "When will registration for the new visa scheme open?",
])
def test_not_a_commitment(analyzer: Analyzer, text: str) -> None:
    assert _commitments(analyzer, text) == []


def test_headline_is_not_counted_but_body_is(analyzer: Analyzer) -> None:
    text = "India and Japan sign defence pact\nIndia and Japan signed a defence pact in Tokyo on Monday."
    found = _commitments(analyzer, text)
    assert len(found) == 1 and found[0]["start"] > text.index("\n")


def test_rules_only_analyser_finds_no_commitments_and_keeps_the_key() -> None:
    from briefing_app.nlp.analyzer import create_analyzer

    rules_only = create_analyzer("/nonexistent/model")
    data = rules_only.analyze("India and Japan signed a defence pact.").to_json()
    assert data["commitments"] == []


def test_dates_found_and_resolved_against_the_article_date() -> None:
    ref = date(2026, 3, 4)  # a Wednesday
    assert resolve("by March 2026", ref) == "2026-03"
    assert resolve("next year", ref) == "2027"
    assert resolve("by the end of 2026", ref) == "2026-12-31"
    assert resolve("within 90 days", ref) == "2026-06-02"
    assert resolve("on Friday", ref, future=True) == "2026-03-06"
    assert resolve("on Friday", ref, future=False) == "2026-02-27"
    assert resolve("6 November 2025", None) == "2025-11-06"
    assert resolve("in September", ref, future=True) == "2026-09"
    text = "They met on Tuesday and will meet again in May, and by 2030 trade should double. May we ask?"
    assert [text[s:e] for s, e in find_when(text)] == ["on Tuesday", "in May", "2030"]


def test_eval_commitments_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = tmp_path / "texts"
    gold = tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    text = "Japan and India signed a hydrogen pact. The leaders agreed that ties matter. Japan will fund two ports."
    (texts / "a.txt").write_text(text, encoding="utf-8")
    items = [{"start": 0, "end": 39, "who": ["Japan", "India"], "action": "sign", "what": "hydrogen pact",
              "when": "", "negated": False},
             {"start": text.index("Japan will"), "end": len(text), "who": ["Japan"], "action": "provide",
              "what": "two ports", "when": "", "negated": False}]
    (gold / "a.commitments.json").write_text(json.dumps({"text_file": "a.txt", "commitments": items}))
    assert main(["eval-commitments", str(gold), str(texts), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["strict"]["tp"] == 1 and report["strict"]["fn"] == 1 and report["strict"]["fp"] == 1
    assert report["span_only"]["tp"] == 2 and report["span_only"]["precision"] == 1.0
    assert main(["eval-commitments", str(tmp_path / "missing"), str(texts)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_each_coordinated_will_verb_is_its_own_commitment(analyzer: Analyzer) -> None:
    """"will fund X, train Y and build Z" is three commitments, each spanning its own clause."""
    text = "Canada will fund three clinics, train local nurses and build a vaccine warehouse in Accra."
    found = _commitments(analyzer, text)
    assert [c["action"] for c in found] == ["fund", "train", "build"]
    assert all(c["who"] == ["Canada"] for c in found)
    clauses = [text[c["start"]:c["end"]] for c in found]
    assert "train" not in clauses[0] and "build" not in clauses[1] and clauses[2].startswith("build")


def test_agreed_that_someone_will_act_is_one_agreement(analyzer: Analyzer) -> None:
    (c,) = _commitments(analyzer, "The two ministers agreed that a joint working group will meet in Lima in June.")
    assert c["action"] == "agree" and c["when"] == "in June"


def test_fronted_phrase_is_not_the_object_of_a_report(analyzer: Analyzer) -> None:
    """"On the sidelines, officials confirmed that X would be held": the held exercise, once."""
    (c,) = _commitments(analyzer, "On the sidelines, officials confirmed that the naval exercise would be held "
                                  "off Guam next year.")
    assert c["action"] == "hold" and c["when"] == "next year"


def test_a_conjunct_in_the_past_does_not_inherit_will(analyzer: Analyzer) -> None:
    """Guards the coordinated-"will" rule: a conjunct with its own past tense is not a promise."""
    (c,) = _commitments(analyzer, "The council will review progress in June and thanked Nigeria for its hospitality.")
    assert c["action"] == "review"


@pytest.mark.parametrize("text", [
    "The ministry still cannot explain how the new recruits will be trained.",
    "Talks resume only if both sides have agreed the agenda.",
    "Students compare the visas with what Canada and Australia offer.",
    "Under the Migration and Mobility Partnership signed in 2021, India took back 2,000 of its nationals last year.",
    "Chile and Peru concluded a week-long round of talks in Lima on Friday.",
    "The agency is financing a power line to Bougainville, which will be finished next year.",
    "The Commander will speak first and then take your questions.",
    "The ministry will inform the press when the deal is finalised.",
    "Negotiations on the annex are continuing and are due to conclude next May.",
    "Together we reopened the road and cleared the approaches to the airport.",
    "Bangladesh accepted the return of 2,600 of its nationals last year.",
    "Patrols have watched the cables since January, and no new case of sabotage has been confirmed.",
    "The minister said Poland would buy European where it could.",
])
def test_questions_conditions_events_and_hedges_are_not_commitments(analyzer: Analyzer, text: str) -> None:
    assert _commitments(analyzer, text) == []


@pytest.mark.parametrize(("text", "action", "who"), [
    ("Geneva: India on Wednesday signed a partnership with the WHO to expand vaccine production.", "sign", ["India"]),
    ("The Prime Minister accepted the invitation to visit Hanoi in May.", "accept", ["Prime Minister"]),
    ("Gulf investors have pledged $2 billion for food parks in Gujarat.", "pledge", ["Gulf"]),
    ("The next summit is due to be held in Miami in December 2026.", "hold", []),
])
def test_commitments_behind_datelines_and_in_passives(analyzer: Analyzer, text: str, action: str,
                                                       who: list[str]) -> None:
    (c,) = _commitments(analyzer, text)
    assert c["action"] == action and c["who"] == who


@pytest.mark.parametrize(("text", "actions"), [
    ("The two ministers instructed their negotiators to close the remaining chapters before the summit.",
     ["instruct"]),
    ("On 30 May the Security Council authorised a stabilisation force of up to 2,000 personnel.", ["authorise"]),
    ("The minister ordered a review of the port's finances.", ["order"]),
    ("Hanoi ordered 20 howitzers in 2024.", []),
    ("The next round of talks is scheduled to be held in Lima in May.", ["hold"]),
    ("The leaders welcomed plans by Tonga to build a solar farm and to train local engineers.",
     ["build", "train"]),
    ("Creditors agreed in principle to restructure $6 billion of bilateral debt.", ["agree"]),
    ("The ministers reaffirmed the goal of doubling trade by 2030.", ["reaffirm"]),
])
def test_directions_authorisations_schedules_and_welcomed_plans(analyzer: Analyzer, text: str,
                                                               actions: list[str]) -> None:
    assert [c["action"] for c in _commitments(analyzer, text)] == actions


@pytest.mark.parametrize("text", [
    "We call on all parties to respect the ceasefire, and we stand ready to assist.",
    "China will likely expand its presence in the islands.",
    "Meloni said Italy would decide next month.",
    "The Minister will write to the honourable Member.",
    "The ministers reaffirmed their commitment to a rules-based order.",
])
def test_readiness_forecasts_and_restated_positions_are_not_commitments(analyzer: Analyzer, text: str) -> None:
    assert _commitments(analyzer, text) == []



@pytest.mark.parametrize("text", [
    "Opposition MPs fear that the government will cut the aid budget.",
    "The issue will be discussed at the next session of the commission.",
    "Q: Minister, the navy will send two more ships to the Gulf. Is that right?\nA: We are considering it.",
])
def test_feared_clauses_and_questioners_turns_are_not_commitments(analyzer: Analyzer, text: str) -> None:
    assert _commitments(analyzer, text) == []


def test_an_answer_after_a_question_turn_still_counts(analyzer: Analyzer) -> None:
    text = "Q: Will Japan help?\nA: Japan will provide two patrol boats to the coast guard."
    (c,) = _commitments(analyzer, text)
    assert c["action"] == "provide" and c["who"] == ["Japan"]


def test_who_leaves_out_what_describes_the_party(analyzer: Analyzer) -> None:
    """"Acme Litio, the joint venture of Codelco and SQM in Chile, will open talks": the party is Acme Litio."""
    text = "Acme Litio, the joint venture of Codelco and SQM in Chile, will open talks on supply with POSCO."
    (c,) = _commitments(analyzer, text)
    assert c["action"] == "open" and "Codelco" not in c["who"] and "Chile" not in c["who"]


# Issue 16, generalisation round: classes of non-commitments and commitments found on fresh development texts.

@pytest.mark.parametrize("text", [
    "Ghana will hold elections in December.",  # a domestic event, no commitment to a partner
    "In March, the Ministry of Commerce extended its export controls on gallium.",  # a measure against others
    "Acme Energy expanded the Kashagan field in 2024.",  # work reported done
    "The ministers agreed to remain seized of the matter.",  # a state kept, no act
    "Both countries recognise that their maritime zones will not be reduced.",  # a view
    "The UK will always stand by its allies.",  # a position
    "According to the newspaper, India will sign the deal next week.",  # hearsay
    "The port project is set to create 5,000 jobs by 2030.",  # a forecast about a thing
    "She said the agreement falls short of what was promised.",  # a view of an agreement
    "The 1996 treaty divides the river's flow in the dry season.",  # an earlier instrument described
    "Without reform, the fund will run out of money by 2030.",  # something happens
    "Leaders will gather in Rome next week for the summit.",  # travel, for the timeline
    "This government will always put British jobs first.",  # a standing stance
    "I will give way to the honourable Member.",  # procedure
    "The EU has launched an investigation into Chinese subsidies.",  # a measure against others
    "China has announced sanctions on three US defence firms.",  # a measure against others
    "Mali on Tuesday asked the International Court of Justice to rule on the drone.",  # a request to another
    "Community groups have asked both governments to help workers open bank accounts.",  # a request to another
    "This is not a loan, it is an investment, and it will not add to our debt.",  # "it" is a thing
    "The two sides agreed on the importance of freedom of navigation.",  # a view
    "Both sides agreed to disagree on the status of the islands.",  # no act
    "The ministers committed to the principles of the UN Charter.",  # a position
    "The leaders pledged support for Ukraine's sovereignty.",  # support for a position
    "China will firmly oppose any interference in its internal affairs.",  # a position
])
def test_events_measures_states_views_and_hearsay_are_not_commitments(analyzer: Analyzer, text: str) -> None:
    assert _commitments(analyzer, text) == []


@pytest.mark.parametrize(("text", "actions"), [
    ("When Chile and Peru signed the lithium accord in May 2025, both sides called it historic.", ["sign"]),
    ("Both parliaments ratified the border treaty within weeks.", ["ratify"]),
    ("The ministers also agreed to co-finance the refining of cobalt and graphite in Canada, reducing both "
     "countries' reliance on a single dominant supplier, and to stockpile critical minerals for emergencies.",
     ["agree", "agree"]),
    ("The two sides agreed to press online platforms to remove extremist videos faster and to cooperate on tracing "
     "encrypted messages.", ["agree", "agree"]),
    ("We expressed concern over scam centres, and tasked the Senior Officials Meeting on Transnational Crime to "
     "coordinate their rescue and return.", ["task"]),
    ("They agreed to accelerate construction of the railway, to be completed by 2030, and to develop the "
     "transport route.", ["agree", "agree"]),
    ("The ministers welcomed the admission of Colombia to the bank.", ["admit"]),
    ("The three agencies have set up a support desk for exporters.", ["set"]),
    ("We agreed that the next phase must bring local workers into battery production.", ["agree"]),
    ("We will expand the industrial parks in Java, and open Chinese markets wider to palm oil.", ["expand", "open"]),
    ("Korea remains committed to training 500 nurses a year.", ["commit"]),
    ("We agreed to cooperate on artificial intelligence, and Huawei will train 10,000 engineers by 2028.",
     ["agree", "train"]),
    ("We will report to parliament on each project before the bank commits any funds.", ["report"]),
    ("The treaty forbids foreign forces on the outer islands.", ["forbid"]),
    ("The pact also commits both customs services to scan one in five containers.", ["commit"]),
    ("The ministers reached agreement on a climate finance package.", ["agree"]),
    ("Japan made a pledge of 2 billion dollars for the fund.", ["pledge"]),
    ("Norway pledged support worth 2 billion kroner.", ["pledge"]),
    ("Japan and India committed to deepening their partnership.", ["commit"]),
    ("India and Bangladesh ended talks on Wednesday, promising to reduce deaths along the border.", ["promise"]),
    ("The next round is due in Lima later this year.", ["hold"]),
    ("The first batch is due in 2027.", ["deliver"]),
    ("The next meeting will take place in Tashkent in 2026.", ["hold"]),
    ("The Nakamal Agreement was signed by the two prime ministers in December 2024.", ["sign"]),
    ("Fiji and Tonga signed a fisheries accord on Monday. The accord was signed by the two ministers.", ["sign"]),
])
def test_commitment_classes_found_in_fresh_texts(analyzer: Analyzer, text: str, actions: list[str]) -> None:
    assert [c["action"] for c in _commitments(analyzer, text)] == actions


@pytest.mark.parametrize(("text", "action"), [
    ("The African Union has offered to mediate, but neither capital has accepted.", "accept"),
    ("Russia and China have yet to agree a price for gas.", "agree"),
    ("The commission has failed to agree a cod quota.", "agree"),
])
def test_commitments_not_made_are_negated(analyzer: Analyzer, text: str, action: str) -> None:
    found = [c for c in _commitments(analyzer, text) if c["action"] == action]
    assert len(found) == 1 and found[0]["negated"] is True


def test_not_hesitating_to_use_is_readiness_to_use(analyzer: Analyzer) -> None:
    (c,) = _commitments(analyzer, "We will not hesitate to use the anti-coercion instrument.")
    assert c["action"] == "use" and c["negated"] is False and "anti-coercion" in c["what"]


def test_terms_of_a_deal_with_would(analyzer: Analyzer) -> None:
    text = "Kenya signed a trade deal under which it would cut duties on machinery."
    assert [c["action"] for c in _commitments(analyzer, text)] == ["sign", "cut"]


def test_a_relative_clause_on_a_named_party_is_its_commitment(analyzer: Analyzer) -> None:
    text = "We are also in contact with the African Union and with Washington, which have offered to facilitate."
    assert [c["action"] for c in _commitments(analyzer, text)] == ["offer"]


@pytest.mark.parametrize(("text", "who"), [
    ("Prime Minister Narendra Modi met President Lula in Brasilia on Monday. "
     "They agreed to expand joint work on biofuels.", ["Narendra Modi", "Lula"]),
    ("Japan and Australia held talks in Tokyo. Both sides agreed to set up a hydrogen fund.", ["Japan", "Australia"]),
    ("Chancellor Friedrich Merz spoke to Volodymyr Zelensky on Monday. He pledged 500 million euros in air defence.",
     ["Friedrich Merz"]),
    ("Prime Minister Anthony Albanese: We will post liaison officers to Port Moresby.", ["Anthony Albanese"]),
    ("WARSAW, Oct. 2 – Poland on Thursday signed a contract for 120 tanks.", ["Poland"]),
    ("Bahrain signed the air transport deal last year. It will also invest 17 billion dollars in the United States.",
     ["Bahrain"]),
])
def test_who_of_pronouns_and_datelines_names_the_parties(analyzer: Analyzer, text: str, who: list[str]) -> None:
    """"They: agreed to ..." is no answer: the pronoun names the parties introduced before (entity identity)."""
    c = _commitments(analyzer, text)[-1]
    assert c["who"] == who


# Issue 16, precision round: made-up passages (wire copy, transcripts, debates, communiqués, fact sheets, opinion)
# for linguistic classes of non-commitments; each failed before its rule.

@pytest.mark.parametrize("text", [
    # what a facility or fund does, not what a party commits to
    "The Trans-Saharan Gas Pipeline will carry Nigerian gas across Niger to Algeria and on to Europe.",
    "The Green Climate Fund will reward countries that cut emissions from deforestation.",
    "NAIROBI (Wire) - The new one-stop border post, financed by the African Development Bank, will cut clearance "
    "to under an hour once it opens.",
    # decisions deferred, deliberation and procedure
    "We will decide on the venue of the next round after consultations with our partners.",
    "The cabinet will consider the proposal next week.",
    "Parliament will debate the bill on Thursday.",
    "The committee will hear evidence from the Foreign Secretary next week.",
    "The Speaker: I will now put the question.",
    "Chair: We will now hear from the representative of Brazil.",
    "The Chair will transmit this summary to the President of the General Assembly.",
    "Lord Collins: We will set out our approach in the forthcoming Africa strategy.",
    "Details will be shared closer to the date.",
    "More information will be released in due course.",
    "I will not speculate on what the President may decide.",
    "India will not tolerate cross-border terrorism.",
    # appeals and requests
    "We ask the international community not to forget the refugees in the camps.",
    "The Minister: We ask the monitoring team to verify where the shells came from.",
    "The UN has asked for 2 billion dollars to fund its appeal for Sudan.",
    # intentions, advocacy and columnists' predictions
    "The government has said it will seek to renegotiate the terms.",
    "The Commission will argue that its new defence fund is enough.",
    "France will insist on buying European.",
    "And the Baltic states will keep asking for American troops.",
    # hearsay and hopes heading the clause as nouns ("hopes" is lemmatised "hop")
    "Reports that Japan will buy 100 more jets were dismissed by the ministry.",
    "Indonesia hopes that the agreement will be ratified by the end of the year.",
    # threats and hedges
    "Milei said Argentina would leave Mercosur if the bloc did not open up.",
    "Lord Collins: We will restore it when fiscal conditions allow.",
    # progress tallied, news announced, facts confirmed, outcomes secured, courtesies
    "The Development Bank had approved twelve projects so far.",
    "The Commission announced on Tuesday that exports fell 4 percent in March.",
    "The ministry announced the death of the ambassador on Sunday.",
    "The army announced the capture of two towns near the border.",
    "The Ministry of Health confirmed 12 new cases of cholera.",
    "The leaders confirmed their attendance at the summit.",
    "Kenya secured a narrow victory over Uganda in the final.",
    "President Ramaphosa extended his condolences to the families of the victims.",
    "The Prime Minister offered his condolences to the people of Morocco after the earthquake.",
    "Indonesia extended an invitation to President Macron to attend the G20 summit.",
    "The group pledged allegiance to the Islamic State in 2019.",
    "Officials signed the guest book at the memorial.",
    "The government launched a crackdown on protesters in the capital.",
    "Both countries agree on most issues but differ on Kashmir.",
    # a multilateral instrument described, not terms between the parties
    "The Treaty of Amity and Cooperation commits parties to settle disputes peacefully.",
    "The treaty, which commits members to share data on outbreaks, entered into force in 2024.",
    # attitudes, rhetoric and composition in the future; rules for anyone; vague readiness
    "The minister said India would welcome any investment from the Gulf.",
    "We will never forget the sacrifice of the soldiers who died here.",
    "\"We will win this war,\" the defence minister told troops.",
    "The delegation will include the ministers of trade and energy.",
    "Students who overstay their visas will be deported, the ministry warned.",
    "Anyone who violates the ceasefire will be held accountable.",
    "Japan is ready to work with the new government.",
    "China stands ready to work with all parties to promote peace.",
    # a visit's programme; references to what is told elsewhere
    "A: During the visit, he will hold talks with Foreign Minister Lavrov.",
    "A: As we announced on Monday, the Foreign Minister will visit Moscow from 4 to 6 June.",
    # a vote announced in a debate, anniversaries, rhetoric
    "The United Kingdom will vote in favour of this resolution.",
    "We will abstain in the vote on the draft resolution.",
    "The two sides will celebrate the 50th anniversary of diplomatic relations next year.",
    "Our government will deliver prosperity for all Kenyans.",
    "We will build a better future together.",
    "We will spare no effort to achieve peace.",
    # a list's heading: its items are the commitments
    "The leaders agreed the following measures.",
    "The Ministers agreed on the following:",
    # a denied clause is not asserted
    "The ministry denied that it had agreed to buy Russian oil.",
])
def test_functions_procedure_appeals_advocacy_hearsay_news_and_courtesies_are_not_commitments(
        analyzer: Analyzer, text: str) -> None:
    assert _commitments(analyzer, text) == []


def test_a_conjunct_with_its_own_auxiliary_does_not_inherit_will(analyzer: Analyzer) -> None:
    """"We will keep X closed until the compounds are dealt with": the parser may join "are dealt with" to "keep"."""
    text = "We will keep the checkpoints near the casinos closed until the scam compounds there are dealt with."
    assert [c["action"] for c in _commitments(analyzer, text)] == ["keep"]


def test_a_speaker_label_does_not_make_a_thing_a_party(analyzer: Analyzer) -> None:
    """"Minister X: Investment will come from firms, and it will not reduce ...": "it" is the investment."""
    text = ("Minister of Economy, Trade and Industry Ryosei Akazawa: Investment in American shipyards will come from "
            "private companies such as Mitsubishi Heavy Industries, and it will not reduce naval construction in "
            "Nagasaki.")
    assert _commitments(analyzer, text) == []


@pytest.mark.parametrize(("text", "actions"), [
    ("The Minister: We will now deploy two more patrol boats to the strait.", ["deploy"]),
    ("Under the deal, Argentina would cut export duties on beef if prices fell.", ["cut"]),
    ("The Green Climate Fund will provide 50 million dollars for solar mini-grids in Malawi.", ["provide"]),
    ("We have asked the Ministry of Finance to prepare a bond issue by March.", ["ask"]),
    ("The ministers will decide by June to open the border crossing at Torkham.", ["decide"]),
    ("The treaty commits both countries to come to each other's defence.", ["commit"]),
    ("The Prime Minister accepted the invitation to visit Hanoi in May.", ["accept"]),
    ("The new fund will reward farmers who plant trees, and Norway will contribute 100 million dollars to it.",
     ["contribute"]),
    ("We ask the Secretariat to prepare a report by June.", ["ask"]),
    ("Norway will consider all applications from Ukrainian engineers within 30 days.", ["consider"]),
    ("Japan will include Vietnam in its visa waiver programme from July.", ["include"]),
    ("Canada will press ahead with the pipeline to the Pacific coast.", ["press"]),
    ("Japan will hold talks with South Korea on a new fisheries agreement in March.", ["hold"]),
])
def test_precision_rules_keep_commitments_of_the_same_shape(analyzer: Analyzer, text: str,
                                                              actions: list[str]) -> None:
    assert [c["action"] for c in _commitments(analyzer, text)] == actions


def test_who_of_a_passive_or_an_instrument_is_the_parties_of_the_text(analyzer: Analyzer) -> None:
    """"The next round will be held in New Delhi", "the pact commits ...": no party is named in the clause, so the
    table's who column shows the parties the text is about, as for "they" (it was empty, or "pact")."""
    text = ("India and Brazil held the second round of talks on a trade pact in Brasilia this week. "
            "The next round will be held in New Delhi in March. "
            "The pact commits both customs services to clear perishable cargo within a day.")
    found = {c["action"]: c["who"] for c in _commitments(analyzer, text)}
    assert set(found["hold"]) == {"India", "Brazil"}
    assert set(found["commit"]) == {"India", "Brazil"}


def test_when_skips_the_dates_of_background_clauses(analyzer: Analyzer) -> None:
    """"visas, curtailed since August 2024" and "a dialogue that has not met since 2018" date the past: the
    commitment has no date of its own there, or its own deadline."""
    text = ("India said it would restore medical visas for Bangladeshi patients, curtailed since August 2024. "
            "The two ministers agreed to revive the energy dialogue, which has not met since 2018, by June 2026.")
    found = {c["action"]: c["when"] for c in _commitments(analyzer, text)}
    assert found == {"restore": "", "agree": "June 2026"}
