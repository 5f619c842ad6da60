"""Transcript and release furniture that must carry no pillar (issue 14): thanks addressed to the guest or the
chair, the chair opening a sitting, a question addressed to a minister, jokes that draw laughter, time-stamped
parliamentary labels, office titles alone on a line and media-enquiry lines. Text is made up."""

from __future__ import annotations

from briefing_app.nlp.transcript import procedural_rest, speaker_labels
from tests.nlp.passages import pillars_of

INTERVIEW = (
    "Islanders brace for a costly season: Premier Talvio on debt and storms\n"
    "ODA KESTREL: Premier Talvio, welcome to the programme.\n"
    "REN TALVIO: The hurricane season costs us a tenth of our economy, and we want debt pauses for storm damage.\n"
    "Our fishermen and farmers lose their boats and fields every year.\n"
    "ODA KESTREL: Premier Talvio, thank you.\n"
)

PRESS = (
    "Joint Press Conference of the Foreign Ministers of Borduria and Syldavia\n"
    "FOREIGN MINISTER ANKO RAVE: Our navies will hold joint naval exercises next month.\n"
    "If I told you the date today, I would have nothing left for my next press conference (Laughter).\n"
)

HEARING = (
    "Oral question time\n"
    "Hanne Solberg Lie (H) [10:14:32]: My question is to the Minister of Foreign Affairs.\n"
    "Minister of Foreign Affairs Per Aas [10:15:40]: I thank the representative for the question.\n"
    "The cable to the islands was damaged, and the police are investigating the sabotage.\n"
)


def test_thanks_addressed_to_the_guest_is_procedural():
    assert procedural_rest("Prime Minister, thank you.") is not None
    assert procedural_rest("Hon Deputy Speaker, I thank the hon member for the question.") is not None
    assert procedural_rest("I declare the meeting open and give the floor to the Minister.") is not None
    assert procedural_rest("My question is to the Minister of Foreign Affairs.") is not None
    # a question to a minister with content is not procedure
    assert procedural_rest("Minister, will the government raise tariffs on steel imports from the north?") is None


def test_closing_thanks_to_a_guest_gets_no_pillar(analyzer):
    assert pillars_of(analyzer, INTERVIEW, "ODA KESTREL: Premier Talvio, thank you") == []
    assert "energy" in pillars_of(analyzer, INTERVIEW, "REN TALVIO: The hurricane season")


def test_a_joke_that_draws_laughter_takes_no_pillar(analyzer):
    assert pillars_of(analyzer, PRESS, "If I told you the date today") == []
    assert "defence" in pillars_of(analyzer, PRESS, "FOREIGN MINISTER ANKO RAVE:")


def test_time_stamped_parliament_labels_are_speaker_turns(analyzer):
    labels = speaker_labels(HEARING)
    assert [HEARING[lab.start:lab.end].split(" [")[0] for lab in labels] == [
        "Hanne Solberg Lie (H)", "Minister of Foreign Affairs Per Aas"]
    assert pillars_of(analyzer, HEARING, "Hanne Solberg Lie") == []
    assert pillars_of(analyzer, HEARING, "Minister of Foreign Affairs Per Aas") == []
    assert "security" in pillars_of(analyzer, HEARING, "The cable to the islands")


RELEASE = (
    "Borduria resumes budget support to Syldavia\n"
    "Hon Mara Quell\n"
    "Deputy Prime Minister\n"
    "Minister of Foreign Affairs\n"
    "Borduria will release the budget support held back since June, the Deputy Prime Minister announced today.\n"
    "For media enquiries: Press Office, Szohod.\n"
)


def test_office_titles_and_media_lines_alone_are_furniture(analyzer):
    assert pillars_of(analyzer, RELEASE, "Deputy Prime Minister\n") == []
    assert pillars_of(analyzer, RELEASE, "Minister of Foreign Affairs\n") == []
    assert pillars_of(analyzer, RELEASE, "For media enquiries") == []
    assert "trade" in pillars_of(analyzer, RELEASE, "Borduria will release")


def test_a_reporter_s_question_about_a_partner_is_diplomacy(analyzer):
    text = ("KESTREL: Premier Talvio, the hurricane season costs the islands dearly.\n"
            "REN TALVIO: We want debt pauses for storm damage and more money for sea walls.\n"
            "KESTREL: Is this about Syldavia?\n"
            "REN TALVIO: We are friends to all.\n")
    assert pillars_of(analyzer, text, "KESTREL: Is this about") == ["diplomacy"]
