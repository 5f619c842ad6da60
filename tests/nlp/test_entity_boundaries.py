"""Entity boundaries on unseen genres (issue 14): names never run across a line break, official state names after
a president's title or in coordination, ports and pipelines are places, hyphenated durations and "later" are not
dates, range ends are two dates, and the plural "Heads of Government" or a one-word "ANALYSIS" label is no name.
Text is made up."""

from __future__ import annotations


def _ents(analyzer, text):
    return {(e.text, e.label) for e in analyzer.analyze(text).entities}


def test_no_name_spans_a_line_break(analyzer):
    text = ("Statements by President Anko Rave and President Xi Jinping\nMerdeka Palace, Jakarta, 9 November 2026\n"
            "President Rave spoke first.\n")
    ents = analyzer.analyze(text).entities
    assert not any("\n" in e.text for e in ents), [e.text for e in ents]
    assert {("Xi Jinping", "PERSON"), ("Merdeka Palace", "FAC")} <= {(e.text, e.label) for e in ents}


def test_official_state_names_after_a_title_and_in_coordination(analyzer):
    ents = _ents(analyzer, "The pipeline was launched by the President of the Federal Republic of Nigeria in 2016.")
    assert ("Federal Republic of Nigeria", "GPE") in ents
    ents = _ents(analyzer, "The Foreign Ministers of the State of Kuwait and the Republic of Iraq met in Basra.")
    assert {("State of Kuwait", "GPE"), ("Republic of Iraq", "GPE")} <= ents
    assert ("Republic of the Union of Myanmar", "GPE") in _ents(
        analyzer, "We call on the Republic of the Union of Myanmar to free the detainees.")
    assert ("Realm of New Zealand", "GPE") in _ents(analyzer, "Niue is a state of the Realm of New Zealand.")
    # an institution of the state is still an organisation
    assert ("Federal Government of Somalia", "ORG") in _ents(analyzer, "The Federal Government of Somalia objected.")


def test_ports_and_pipelines_are_facilities(analyzer):
    ents = _ents(analyzer, "Cranes arrived at Mubarak Al-Kabeer Port last week. The African Atlantic Gas Pipeline "
                           "will carry gas north.")
    assert {("Mubarak Al-Kabeer Port", "FAC"), ("African Atlantic Gas Pipeline", "FAC")} <= ents


def test_adjectival_durations_and_later_are_not_dates(analyzer):
    ents = _ents(analyzer, "Szohod ended a one-year moratorium and signed a 99-year lease. Six months later, talks "
                           "collapsed.")
    assert not any(t in ("one-year", "99-year") for t, _ in ents), ents
    assert ("Six months", "DATE") in ents and ("Six months later", "DATE") not in ents


def test_range_ends_are_two_dates(analyzer):
    ents = _ents(analyzer, "Shipments fell between January and September 2025.")
    assert {("January", "DATE"), ("September 2025", "DATE")} <= ents


def test_plural_heads_and_one_word_labels_are_not_names(analyzer):
    ents = _ents(analyzer, "ANALYSIS\nHeads of Government discussed the strikes at sea. The Conference of Heads of "
                           "Government of the Caribbean Community met in Basseterre.")
    assert not any(t in ("Heads of Government", "ANALYSIS") for t, _ in ents), ents
    assert ("Conference of Heads of Government", "ORG") in ents


def test_a_number_ending_a_name_stays_in_it_a_count_after_it_does_not(analyzer):
    ents = _ents(analyzer, "Gazprom signed a memorandum on Power of Siberia 2. Delegates flew to the Ukraine Recovery "
                           "Conference 2026 in Gdansk, where Borduria presented its Bridgetown Initiative 3.0.")
    assert {("Power of Siberia 2", "FAC"), ("Ukraine Recovery Conference 2026", "EVENT")} <= ents, ents
    assert any(t == "Bridgetown Initiative 3.0" for t, _ in ents), ents
    ents = _ents(analyzer, "The Paris Agreement 2 years ago was a start.")
    assert ("Paris Agreement", "LAW") in ents


def test_numbered_sessions_spelled_out_are_not_names(analyzer):
    ents = _ents(analyzer, "The Council held its Forty-Ninth Regular Meeting in Basseterre, after the Fiftieth Regular "
                           "Meeting was postponed.")
    assert not any("Regular Meeting" in t for t, _ in ents), ents
