"""A later sheet repeating an earlier one's registrations row for row under another unit is
that unit's list, never a copy (an extension of ``spec/submission-form.md``, "Which unit and
which year", for workbooks of several sheets; ``docs/contracts.md``, "A sheet of another
unit's rows").

:func:`thidua.ingest.read.parse_sheets` marks a sheet repeating an earlier one a copy
(``SheetData.copy_of``: its rows ignored, told). An office's workbook of two units' lists
that happen to hold the same rows is no copy: the second is another unit's, and its rows are
rejected naming that unit (:func:`thidua.ingest.sheettitle.title_rejections`), however the
unit is given: its title's ``Mã đơn vị:`` (fresh tester W's W406), its title's unit name
(``LĐLĐ Q. HOÀN KIẾM``, Z060, Z064) or, without a title, its sheet's name (``Q-HK``, Z061),
against the first sheet's unit however the file gave it (its file name, Z067). Before, each
such sheet was ignored as a copy and the other unit never named.
"""

from __future__ import annotations

from dataclasses import replace

from thidua.ingest.sheetchoice import TOGETHER
from thidua.ingest.sheetrows import SheetRows, label_rows
from thidua.ingest.sheettitle import other_unit


def copies_of_other_units(labelled: list[SheetRows], unit: str, known_codes: frozenset[str],
                          names: tuple[tuple[str, str], ...] = ()) -> list[SheetRows]:
    """``labelled`` (one :class:`~thidua.ingest.sheetrows.SheetRows` per sheet, the file's
    first sheet first) with each copy (``sheet.copy_of``) whose own title or name gives
    another unit (:func:`thidua.ingest.sheettitle.other_unit`) than every sheet it repeats
    labelled again as a list of its own (``copy_of`` empty). A sheet's unit is the one it
    gives, else the file's ``unit``; the first sheet's is the file's. ``known_codes``: the
    registry's codes; ``names``: ``(code, registry name)`` pairs. A file with no copy comes
    back as it is, nothing read again."""
    if not any(rows.sheet.copy_of for rows in labelled):
        return labelled
    named = dict(names)
    owners: dict[str, str] = {}  # an original sheet's name → its unit
    out = []
    for i, rows in enumerate(labelled):
        sheet = rows.sheet
        if i and (sheet.copy_of or any(sheet.sheet in s.sheet.copy_of.split(TOGETHER)
                                       for s in labelled[i + 1:])):
            own = other_unit(sheet, unit, known_codes, named, named) or unit
        else:
            own = unit
        if sheet.copy_of and own not in {owners.get(n, unit)
                                         for n in sheet.copy_of.split(TOGETHER)}:
            rows = label_rows(replace(sheet, copy_of=""), names)  # (``excerpt``, ``earlier``
            # say what kind of copy: nothing without ``copy_of``)
        if not rows.sheet.copy_of:
            owners[sheet.sheet] = own
        out.append(rows)
    return out


__all__ = ["copies_of_other_units"]
