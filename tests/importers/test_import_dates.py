"""Metadata dates become ISO YYYY-MM-DD or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_app.importers.dates import dateline_date, iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-12", "2025-03-12"), ("2025-03-12T10:00:00+05:30", "2025-03-12"),
        ("D:20250312093000+05'30'", "2025-03-12"), ("20250312", "2025-03-12"), ("2025/3/1", "2025-03-01"),
        ("12 March 2025", "2025-03-12"), ("March 12, 2025", "2025-03-12"), ("Wed, 12 Mar 2025", "2025-03-12"),
        ("1st Sept 2024", "2024-09-01"), (dt.datetime(2020, 1, 2, 3, 4), "2020-01-02"), (dt.date(2021, 5, 6), "2021-05-06"),
        ("12/03/2025", ""), ("2025-02-30", ""), ("yesterday", ""), ("", ""), (None, ""), ("D:2024", ""),
    ],
)  # fmt: skip
def test_iso_date(value: object, expected: str) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India, US review ties\nNew Delhi, 14 October 2025: The Prime Minister spoke.", "2025-10-14"),
        ("WARSAW, Oct. 2, 2025 – Poland signed a contract.", "2025-10-02"),
        ("FACT SHEET\n\nMarch 3, 2026\n\nToday the leaders met.", "2026-03-03"),
        ("Colombo, Tuesday, 17 March 2026 – A ransomware attack halted the port.", "2026-03-17"),
        ("No date in the first lines\n" + "Line.\n" * 6 + "12 March 2025", ""),
        ("Talks are due on 03/04/2025 in Delhi.", ""),
        ("Trade reached 2,025 crore in 31 Marchx 2025.", ""),
    ],
)  # fmt: skip
def test_dateline_date(text: str, expected: str) -> None:
    assert dateline_date(text) == expected
