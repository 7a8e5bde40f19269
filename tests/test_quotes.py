"""Single-mark quotations read as quotations, and apostrophes left alone."""

from __future__ import annotations

import pytest

from kg.extract.quotes import as_double_quotes


@pytest.mark.parametrize(
    "text,expected",
    [
        ("‘We will not retreat,’ the minister said.", "“We will not retreat,” the minister said."),
        ("'This is a red line,' said Mr Hammond.", '"This is a red line," said Mr Hammond.'),
        # double marks nested in a single-mark quotation become single ones
        ("‘He called it “a disaster”,’ she said.", "“He called it ‘a disaster’,” she said."),
        # a plural possessive inside the quotation is not its end
        ("‘The ministers’ talks were useful,’ he said.", "“The ministers’ talks were useful,” he said."),
        # a quotation that runs on into the next paragraph has no closing mark
        ("‘We stay.\n‘And we rebuild,’ he said.", "“We stay.\n“And we rebuild,” he said."),
        ("the so-called ‘axis of evil’ speech", "the so-called “axis of evil” speech"),
        # a mark closing a quotation nested in the double one is not the outer quotation's end
        ("‘He wrote “say ‘no’” on it,’ she said.", "“He wrote ‘say ‘no’’ on it,” she said."),
    ],
)
def test_single_mark_quotations_become_double(text, expected):
    assert as_double_quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iran’s envoy met the ministers’ aides in the ’90s.",
        "Rock 'n' roll in the '90s, and 'em.",
        "James' car and the Jones' house were sold.",
        # single marks nested in a double-mark quotation are that quotation's business
        "“He called it ‘a disaster,’ ” she said.",
        "An opening ‘ with no end anywhere on the line",
    ],
)
def test_apostrophes_and_nested_marks_are_left_alone(text):
    assert as_double_quotes(text) == text


def test_the_text_keeps_its_length():
    text = "‘A,’ he said. 'B,' she said. “C ‘d’ e,” they said. The ministers’ ‘f’."
    assert len(as_double_quotes(text)) == len(text)
