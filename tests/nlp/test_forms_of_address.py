"""One vocabulary of forms of address (nlp/transcript.py) behind the three uses: a vocative opening a sentence (the
pillar scorer), a title named in a procedural sentence and a questioner addressing an office-holder (the
commitment turns). Every text is made up."""

from __future__ import annotations

from briefing_app.nlp.commitment_turns import speaker_turns
from briefing_app.nlp.transcript import ADDRESSED, VOCATIVE, procedural_rest


def test_vocatives_of_members_and_heads_of_government() -> None:
    assert VOCATIVE.match("Honourable Member, your time has expired.")
    assert VOCATIVE.match("Madam Head of Government, will the pipeline be finished by 2028?")
    assert VOCATIVE.match("Secretary of State, will you raise the tariff dispute?")
    # a title with an article is named, not addressed
    assert not VOCATIVE.match("The Minister, Jane Doe, said the port would open in May.")


def test_thanks_to_a_head_of_government_or_a_highness_is_procedural() -> None:
    assert procedural_rest("Good evening, Madam Head of Government, and thank you for being with us.") is not None
    assert procedural_rest("Thank you, Your Highness, and thank you, colleagues, for being with us.") is not None


def test_an_interviewee_addressed_by_office_and_full_name_holds_the_office() -> None:
    text = ("HOST: Good morning, Minister Jane Doe. Will the port open this year?\n"
            "JANE DOE: We will open the port in May.\n"
            "HOST: And the rail link?\n"
            "JANE DOE: We will start building it in June.\n")
    assert ADDRESSED.search(text)
    answers = [t for t in speaker_turns(text) if t.speaker == "JANE DOE"]
    assert answers and all(t.official for t in answers)
    # a spokesperson is an office-holder too; a senator is not
    assert ADDRESSED.search("Thank you, Spokesperson. Next question.")
    assert not ADDRESSED.search("Thank you, Senator. Next question.")
