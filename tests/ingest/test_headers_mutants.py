"""The longest header cell, just inside and just outside (:data:`thidua.ingest.headers.
HEADER_MAX_CHARS`, issue 10), counted once trimmed: found by the mutation run of ``headers``
(issue 14)."""

from __future__ import annotations

from thidua.ingest.headers import HEADER_MAX_CHARS, header_name, may_be_header


def test_a_header_of_exactly_the_longest_length_once_trimmed_is_read():
    assert HEADER_MAX_CHARS == 1000
    # ``Lĩnh vực`` (8) + spaces + ``2024`` (4): 1 000 characters between the outer spaces
    inside = "Lĩnh vực" + " " * (HEADER_MAX_CHARS - 12) + "2024"
    assert len(inside) == HEADER_MAX_CHARS
    assert may_be_header(f"  {inside} ") is True
    assert header_name(f"  {inside} ") == "field"
    assert may_be_header(inside) is True and header_name(inside) == "field"
    # one character more once trimmed: text, never a header
    outside = "Lĩnh vực" + " " * (HEADER_MAX_CHARS - 11) + "2024"
    assert may_be_header(f" {outside} ") is False and may_be_header(outside) is False
    assert header_name(f" {outside} ") is None
    assert may_be_header(2024) is True and may_be_header(None) is True
