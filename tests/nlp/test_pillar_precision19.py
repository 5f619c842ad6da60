"""Pillar precision (issue 14, round 19): sentences given a pillar the annotators would not give. Header lines that
only name who issues a document (an office or seat of government, with its place and a date) or a routine press
briefing with its date are furniture, like a letterhead or a broadcast's header. Each test checks one class of false
pillar found on the development sets on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

from tests.nlp.passages import pillars_of


def test_an_issuing_office_or_seat_of_government_heading_a_release_has_no_pillar(analyzer):
    # the letterhead of a readout or fact sheet, with its place and date after commas: no pillar of its own, and the
    # headline below it is the document's headline
    office = ("Prime Minister's Office, Press Wing, Klow\n\nPrime Minister Arlo Venn receives telephone call from "
              "President Mira Tane of Syldavia\n\nThe two leaders discussed trade and investment.")
    assert pillars_of(analyzer, office, "Prime Minister's Office") == []
    seat = ("The Kremlin\n\nPresident Tane Speaks with President Venn of Ruritania\n\n"
            "The two presidents discussed trade.")
    assert pillars_of(analyzer, seat, "The Kremlin") == []
    dated = ("Ministry of Foreign Trade, Klow, 14 March 2026\n\nFACT SHEET: Ruritania and Syldavia after one year of "
             "their economic partnership agreement\n\nExports of grain rose by a fifth.")
    assert pillars_of(analyzer, dated, "Ministry of Foreign Trade") == []
    # a headline in title case with a verb and a preposition is a sentence, not a letterhead
    text = "Syldavian Trade Minister Takes Tariff Talks to the Amber Palace\n\nThe talks resume on Monday."
    assert pillars_of(analyzer, text, "Syldavian Trade Minister") != []


def test_a_dated_routine_press_briefing_title_has_no_pillar(analyzer):
    # a spokesperson's regular or morning briefing, dated: a transcript's header, not an engagement
    regular = ("Foreign Ministry Spokesperson Lena Varo's Regular Press Conference on April 2, 2026\n\n"
               "Q: Will the minister visit Syldavia?\n\nLENA VARO: I have no information to release.")
    assert pillars_of(analyzer, regular, "Foreign Ministry Spokesperson") == []
    morning = ("Stenographic version of the morning press conference of President Tomas Brel, 3 April 2026\n\n"
               "PRESIDENT TOMAS BREL: Good morning.")
    assert pillars_of(analyzer, morning, "Stenographic version") == []
    # a joint press conference, two sides' leaders meeting the press together, is the engagement itself
    text = ("PM remarks at joint press conference with President Mira Tane of Syldavia: 3 April 2026\n\n"
            "PRIME MINISTER: It is a pleasure to welcome the President to Klow.")
    assert "diplomacy" in pillars_of(analyzer, text, "PM remarks")


def test_a_quota_of_people_is_not_trade(analyzer):
    # a quota of work visas, pilgrims or students is mobility, people-to-people, even in a piece where money and exports
    # come up; a quota of goods stays trade
    text = ("Ruritanian nurses head to Syldavia as remittances grow\n\n"
            "More than 20,000 Ruritanian nurses and carers now work in Syldavian hospitals, and their remittances have "
            "doubled since 2020.\n\n"
            "Remittances now exceed the country's exports of tea, and the central bank expects them to rise again next "
            "year.\n\n"
            "Klow has since raised its quota of work visas for Ruritanian nurses to 5,000 a year.\n\n"
            "Many families say the money pays for school fees and new houses.")
    assert "trade" not in pillars_of(analyzer, text, "Klow has")
    rice = "Klow has doubled its import quota for Syldavian rice and sugar."
    assert "trade" in pillars_of(analyzer, rice, "Klow")


def test_one_office_holder_named_by_title_alone_is_no_engagement(analyzer):
    # a minister named in a sentence on anything else ("approved by Minister X") is no engagement between governments:
    # the title's weak cue is not raised by the office-holder's role
    approved = "The allowances were approved by Minister Amos Kibet last week."
    assert "diplomacy" not in pillars_of(analyzer, approved, "The allowances")
    # two leaders named together still are ("X met Y")
    met = "Yesterday President Mira Tane met President Arlo Venn in Klow."
    assert "diplomacy" in pillars_of(analyzer, met, "Yesterday")


def test_a_lead_in_line_ending_with_a_colon_has_no_pillar(analyzer):
    # the body before its operative paragraphs, or who speaks before a quotation: the lines below carry the pillars
    body = ("Communiqué of the Extraordinary Summit of the Northern Community\n\nThe Summit:\n\n"
            "1. Calls on all parties to observe the ceasefire in the border districts;")
    assert pillars_of(analyzer, body, "The Summit:") == []
    said = ("Ruritania and Syldavia sign a treaty on their border\n\nPrime Minister Arlo Venn said:\n\n"
            "\"This treaty closes a dispute of forty years.\"")
    assert pillars_of(analyzer, said, "Prime Minister Arlo Venn said:") == []
    # a section heading is not a body: its words are its topic
    heading = "Joint Statement of Ruritania and Syldavia\n\nEnergy and Climate:\n\nThe two sides agreed to build a solar plant."
    assert "energy" in pillars_of(analyzer, heading, "Energy and Climate:")


def test_the_chair_opening_an_item_or_inviting_non_members_is_procedure(analyzer):
    # like "The next item is ...": the chair's procedure, whatever the item it names is about
    text = ("Security Council, 9999th meeting\n\n"
            "The President: In accordance with rule 37, I invite the representatives of Ruritania and Syldavia to "
            "participate in this meeting, which concerns the protection of undersea cables and data networks.\n\n"
            "Ms. Varo (Ruritania): Our cables were cut twice last year.")
    assert pillars_of(analyzer, text, "The President:") == []
    hour = ("Chair Tomas Brel: We come to the topical hour on the migration partnership with Syldavia.\n\n"
            "I give the floor to the Minister of the Interior.\n\n"
            "Minister Ana Quiroga: In March I signed the partnership on the return of migrants in Klow.")
    assert pillars_of(analyzer, hour, "Chair Tomas Brel:") == []


def test_a_title_case_headline_ending_with_an_office_or_a_palace_is_no_letterhead(analyzer):
    # one line in title case naming a building or an office is a letterhead only when short and named as such ("The
    # Kremlin", "Prime Minister's Office"); a headline with a verb keeps its pillars
    palace = "Rebels Attack Presidential Palace\n\nSoldiers fired on the crowd near the palace gates in Klow."
    assert pillars_of(analyzer, palace, "Rebels Attack") != []
    office = "Customs Officers Raid Smuggling Ring's Office\n\nThe raid took place at dawn."
    assert pillars_of(analyzer, office, "Customs Officers") != []
