"""How passages are quoted in the note (house style: a quote within a quote takes single quotes)."""

from __future__ import annotations

import pytest

from briefing_app.export.formatting import quote_passage


@pytest.mark.parametrize(("passage", "printed"), [
    # a passage opening with a speaker's words and ending with the attribution: one quotation inside the passage
    ("“This is the kind of capital we want,” said Minister Caputo.",
     "“‘This is the kind of capital we want,’ said Minister Caputo.”"),
    ('He called the deal "a first step" towards a treaty.', "“He called the deal ‘a first step’ towards a treaty.”"),
    # two quotations at both ends are not one: both are kept (before, the outer marks were taken for the passage's own)
    ("“We agree,” she said, “on the principle.”", "“‘We agree,’ she said, ‘on the principle.’”"),
    # a passage that is one quotation is not quoted twice
    ("“The two sides agreed to meet again.”", "“The two sides agreed to meet again.”"),
    ('"Plain words."', "“Plain words.”"),
    ("The leaders' call for calm", "“The leaders’ call for calm”"),
])
def test_a_passage_is_quoted_once_with_inner_quotations_in_single_quotes(passage: str, printed: str) -> None:
    assert quote_passage(passage) == printed
