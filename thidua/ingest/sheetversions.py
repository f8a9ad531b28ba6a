"""Two versions of one list as two sheets of one file: the first list and its correction
(``Lan 1 (20-11)`` with ``Ngày gửi: 20/11/2024``, then ``Lan 2 (sua 05-12)`` with ``Ngày gửi:
05/12/2024``, the same models with a few changed). Read as two lists, every unchanged row of
the correction was rejected as a duplicate of the first sheet's, the changed rows counted
beside their old versions, the dropped ones kept (fresh tester F's 150: 9 counted for 7).

As between a unit's files (``spec/submission-form.md``, "Corrections"), the later version
counts: a sheet is an earlier version of another sheet of the file when they share at
least two registrations (a model and its registrant, as the duplicate rule reads them) and
half of the larger list's (a short ``Bổ sung`` or ``Đợt 2`` sheet re-listing two rows of a
long list is no second version of it: fresh tester H's H46, H48, H75, H21, H49) (``Đợt 1`` | ``Đợt 2`` share none, though popular models' names
recur under other registrants: both count), and the later one says it is later: a later ``Ngày gửi`` in its own title block, a
name marking a later version (:func:`thidua.ingest.versionwords.marks_newer`: ``sửa``, ``cập
nhật``, ``v2``), the other's name marking the version before a correction
(:func:`thidua.ingest.versionwords.marks_older`: ``DS (chưa sửa)`` | ``DS``), or a name that
differs only by a larger number (``Lần 1`` | ``Lần 2``). The
earlier sheet's rows are ignored (``copied_sheet``), told. An extension, ``docs/contracts.md``.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.versionwords import marks_newer, marks_older
from thidua.text import clean_text, match_key

#: Numbers in a sheet's name (``Lần 2``, ``05-12``): what two versions' names differ by.
_NUMBER = re.compile(r"\d+")


def _registrations(rows: pd.DataFrame) -> set[tuple[str, str]]:
    """The sheet's registrations as ``(model, registrant)`` keys
    (:func:`thidua.ingest.duplicates.duplicate_key`): a model's name alone repeats across
    units and people (the movement's popular models, ``Bữa cơm công đoàn``: fresh tester G's
    201–204, 601, two batches read as two versions), its registrant says whose it is."""
    if "model" not in rows:
        return set()
    people = rows["registrant"] if "registrant" in rows else pd.Series("", index=rows.index)
    return {(duplicate_key(m), duplicate_key(p)) for m, p in zip(rows["model"], people)
            if clean_text(m)}


def _numbered_later(name: str, other: str) -> bool:
    """Whether ``other`` is ``name`` with a larger first number (``Lần 1`` → ``Lần 2``, ``v1``
    → ``v2``), the words alike."""
    a, b = match_key(name), match_key(other)
    if _NUMBER.sub("#", a) != _NUMBER.sub("#", b):
        return False
    first, second = _NUMBER.findall(a), _NUMBER.findall(b)
    return bool(first) and int(second[0]) > int(first[0])


def says_later(name: str, sent: dt.date | None, other: str, other_sent: dt.date | None) -> bool:
    """Whether sheet ``other`` says it is a later version than sheet ``name`` (their own
    ``Ngày gửi`` dates, or their names)."""
    if sent and other_sent and sent != other_sent:
        return other_sent > sent
    return ((marks_newer(other) and not marks_newer(name))
            or (marks_older(name) and not marks_older(other))  # ``DS (chưa sửa)`` | ``DS``
            or _numbered_later(name, other))


def later_version(name: str, rows: dict[str, pd.DataFrame],
                  sent: dict[str, dt.date | None], others: list[str],
                  known: dict[str, set] | None = None) -> str | None:
    """The sheet among ``others`` (the file's other sheets, in workbook order) that is a later
    version of sheet ``name`` (see the module's docstring), the last such; else ``None``.
    ``rows``: each sheet's :func:`thidua.ingest.rows.raw_rows`; ``sent``: each sheet's own
    ``Ngày gửi`` date (``None`` when it has none); ``known``: each sheet's registrations once
    read, kept by a caller asking of every sheet (150 sheets compared each with every other
    read the rows 22.500 times: fresh tester M's M045)."""
    known = {} if known is None else known

    def keys(sheet: str) -> set[tuple[str, str]]:
        if sheet not in known:
            known[sheet] = _registrations(rows[sheet])
        return known[sheet]

    mine, found = keys(name), None
    for other in others:
        theirs = keys(other)
        shared = len(mine & theirs)
        if shared >= 2 and 2 * shared >= max(len(mine), len(theirs)) \
                and says_later(name, sent.get(name), other, sent.get(other)):
            found = other
    return found


def earlier_version_note(sheet: str, later: str, rows: int) -> str:
    """The line telling a unit that sheet ``sheet`` is an earlier version of sheet ``later``
    and its ``rows`` rows were ignored."""
    return (f"Trang '{sheet}' là bản trước của danh sách ở trang '{later}' (cùng phần lớn mô "
            f"hình, trang '{later}' gửi sau hoặc ghi là bản sửa) nên chỉ tính trang '{later}': "
            f"{rows} dòng của trang '{sheet}' không được tính (bỏ qua). Nếu cả hai trang đều là "
            f"đăng ký, đề nghị gộp vào một trang rồi gửi lại.")
