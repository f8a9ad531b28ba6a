"""One individual's several models on consecutive numbered rows, the person written once.

A unit listing a person's three models numbers each row and writes each model and its field,
but writes the person (``Hình thức`` ``Cá nhân``, the name, the position) on the first row
only, blank below, without merging (fresh tester L's L026: the two rows under were rejected
"Thiếu 'Hình thức' … Thiếu 'Tên tập thể/cá nhân'", 2 registrations lost). A careful reader
counts three registrations of that person.

A row is such a model (:func:`person_models`) when it is a data row with its own ``STT``, the
number right after the row above's (no restart), its own model and field, and nothing of a
registrant: ``Hình thức``, ``Tên tập thể/cá nhân`` and ``Chức vụ`` all blank; right under an
individual's whole registration (``STT``, model, field, ``Cá nhân``, name, and a position
where the sheet has the column) or under another such row; and its own ``Cấp công đoàn`` and
``Công đoàn cơ sở``, where written, are the person's (a different union or level is another
registrant whose name is missing). The field may differ: one person's models are of any
field. Under a collective's whole registration (no position needed) only a row of the same
field is read so (the union's own work going on); a row of another field there is plainly
nothing of that collective's, and its blank name a missing name, rejected as before. The row
takes the registrant's type, name, position, level and union (its own where written), and
the unit is told
(:func:`person_models_note`). An extension of ``spec/submission-form.md``, "Rows that are not
data" (``docs/contracts.md``).
"""

from __future__ import annotations

import re

import pandas as pd

from thidua.ingest.normalise import form_text
from thidua.ingest.values import read_value
from thidua.text import clean_text, match_key, rows_said

#: The columns a row must have to be read so.
NEEDED = ("stt", "model", "field", "type", "registrant")
#: The person's cells a model row takes from the individual's row above it.
PERSON = ("type", "registrant", "position", "level", "grassroots_union")
#: The person's cells a model row leaves blank (``position`` where the sheet has it).
BLANK = ("type", "registrant", "position")
#: Cells a model row may write, the person's own: written otherwise, the row is another's.
SAME = ("level", "grassroots_union")
_NUMBER = re.compile(r"(\d{1,4})\.?")


#: What a person's other model's row still writes of its own (L026: level, period, result on
#: every row): a row of nothing but its number, model and field is unfinished (a CSV's last
#: row cut short, a row the unit left to fill), its missing cells asked, never taken from above.
OWN = ("level", "grassroots_union", "period", "result", "note")


def _number(stt: str) -> int | None:
    """An ``STT`` cell's number (``3``, ``3.``), else ``None``."""
    found = _NUMBER.fullmatch(stt)
    return int(found.group(1)) if found else None


def person_models(raw: pd.DataFrame, labels: pd.Series,
                  text: pd.DataFrame | None = None) -> dict[int, int]:
    """Each numbered row giving another model of the individual right above (Excel row) →
    that individual's registration row (module doc). ``raw``: :func:`thidua.ingest.rows.
    raw_rows` (index Excel row, the form's columns by name); ``labels``: :func:`thidua.ingest.
    normalise.classify_rows` (only ``data`` rows); rows consecutive in ``raw``'s order.
    ``{}`` without the columns of :data:`NEEDED`."""
    if raw.empty or not set(NEEDED) <= set(raw.columns):
        return {}
    text = form_text(raw) if text is None else text
    blank = [c for c in BLANK if c in text]
    data = (labels.reindex(raw.index, fill_value="") == "data").tolist()
    empty = (text[blank] == "").all(axis=1).tolist()
    if not any(e and d for e, d in zip(empty, data)):
        return {}  # cheap: most sheets have none (issue 10)
    rows = raw.index.tolist()
    found: dict[int, int] = {}
    for i in range(1, len(rows)):
        row, above = rows[i], rows[i - 1]
        if not (data[i] and data[i - 1] and empty[i]):
            continue
        mine = text.loc[row]
        if not (mine["model"] and mine["field"]) or not any(mine[c] for c in OWN if c in text):
            continue  # a row of nothing but its number, model and field: left unfinished
        number, before = _number(mine["stt"]), _number(text.at[above, "stt"])
        if number is None or before is None or number != before + 1:
            continue
        source = found.get(above, above)
        kind = _whole(text.loc[source], blank)
        if kind is None or kind == "collective" and (
                _field(mine["field"]) != _field(text.at[source, "field"])):
            continue  # a collective's other model: only in its field (a union's own work)
        if any(mine[c] and match_key(mine[c]) != match_key(text.at[source, c])
               for c in SAME if c in text):
            continue
        found[row] = source
    return found


def _whole(cells: pd.Series, blank: list[str]) -> str | None:
    """``individual`` when a row's cleaned cells are an individual's whole registration (its
    ``STT``, model, field, name, position where the sheet has the column, and ``Cá nhân``),
    ``collective`` for a collective's (its ``STT``, model, field, name and ``Tập thể``), else
    ``None``."""
    kind = read_value("type", cells["type"]).code
    needed = ("stt", "model", "field", *(c for c in blank if kind == "individual"
                                         or c != "position"))
    return kind if kind and all(cells[c] for c in needed) else None


def _field(text: str) -> str | None:
    """The field code a cell reads as, else ``None``."""
    return read_value("field", text).code


def fill_person_models(raw: pd.DataFrame, labels: pd.Series
                       ) -> tuple[pd.DataFrame, dict[int, int]]:
    """``raw`` with each row of :func:`person_models` given its individual's type, name,
    position, level and union where blank, and the map; ``raw`` unchanged (not copied) when
    there is none. ``raw`` is not modified."""
    found = person_models(raw, labels)
    if not found:
        return raw, found
    raw = raw.copy()
    columns = [c for c in PERSON if c in raw]
    raw[columns] = raw[columns].astype("object")
    for row, source in found.items():
        for column in columns:
            if not clean_text(raw.at[row, column]):
                raw.at[row, column] = raw.at[source, column]
    return raw, found


def person_models_note(raw: pd.DataFrame, found: dict[int, int]) -> str | None:
    """The line telling the unit which numbered rows were read as another model of the
    individual above (:func:`person_models`), or ``None``: ``Dòng 9, 10 có STT, tên mô hình và
    lĩnh vực nhưng để trống hình thức, tên và chức vụ ngay dưới đăng ký cá nhân của dòng 8
    (Đặng Quốc Bảo, Chủ tịch CĐCS): đã hiểu là mô hình khác của cùng cá nhân đó …``."""
    if not found:
        return None
    by_source: dict[int, list[int]] = {}
    for row, source in found.items():
        by_source.setdefault(source, []).append(row)
    parts = []
    for source, rows in by_source.items():
        person = ", ".join(t for t in (clean_text(raw.at[source, c]) for c in ("registrant", "position")
                                       if c in raw) if t)
        parts.append(f"dòng {rows_said(rows)} lấy theo dòng {source} ({person})")
    return (f"Các dòng có STT, tên mô hình và lĩnh vực riêng nhưng để trống hình thức, tên tập "
            f"thể/cá nhân và chức vụ ngay dưới đăng ký của một cá nhân (hoặc của một tập thể, "
            f"cùng lĩnh vực) đã được hiểu là mô hình khác của cùng cá nhân/tập thể đó, mỗi mô "
            f"hình một đăng ký: {'; '.join(parts)}. Nếu không phải vậy, đề nghị sửa lại; lần "
            f"sau đề nghị ghi đủ hình thức, tên và chức vụ ở từng dòng.")
