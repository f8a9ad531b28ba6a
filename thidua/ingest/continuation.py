"""Rows that continue the registration above them: one cell's text carried over two rows.

A table pasted from Word, or typed by someone who pressed Enter instead of Alt+Enter, puts the
second line of a long cell on a row of its own: ``Bữa cơm công đoàn ấm áp`` on row 4 with every
other cell, ``dành cho công nhân nhà trọ`` alone on row 5. Read as it stands, row 5 is a
registration without field or type (rejected) and row 4 loses half its name. Such a row is
joined to the row above it and counted as *ignored* (reason ``continuation``), and the unit is
told which rows were joined (``spec/submission-form.md``, "Rows that are not data").

A row continues the one above when it has no ``STT``, no value in the columns of a choice
(``Lĩnh vực``, ``Hình thức``, ``Cấp công đoàn``, ``Kết quả``), no value in another column of
the form, text in at least one of :data:`JOINED_COLUMNS`, and the row right above it is a
registration with an ``STT`` and a choice, or another model of the registrant above it
(:func:`second_models`), or is itself joined to one. A row that looks like a
registration or a person of its own (two or more text cells, each capitalised: a model and a
registrant, a name and a position) is never joined: it stays a row to reject, so that two
registrations are never made one.

A registration written over two rows (:func:`halves`: the model's row with its ``STT``, field
and type, then the registrant's row with its name, position and level) is joined the same way:
the second row's cells fill the first's empty ones, told.
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.ingest.normalise import form_text
from thidua.ingest.values import read_value
from thidua.text import clean_text, match_key

#: Ignored-row reason of a joined row (``IGNORED_REASONS`` of :mod:`thidua.ingest.normalise`).
CONTINUATION = "continuation"
#: Columns of a choice: a row with any of them filled is a registration, never a continuation.
CHOICE_COLUMNS = ("field", "type", "level", "result")
#: Columns whose text a continuation row carries on, joined with one space.
JOINED_COLUMNS = ("model", "registrant", "position", "grassroots_union", "period", "note")


def _own_registration(cells: list[str]) -> bool:
    """Whether a row's text cells (model, registrant, position, …) are two or more that each
    start like a name of its own (a capital letter): ``Tủ sách pháp luật`` | ``Nguyễn Văn
    B``, or ``Nguyễn Thị B`` | ``Ủy viên``, is a registration (or a person), not a wrapped line;
    ``lao động giỏi`` | ``LĐLĐ huyện`` and ``(Tổ trưởng)`` are lines carried over."""
    filled = [_BULLET.sub("", c) for c in cells if c]
    return len(filled) >= 2 and all(c[:1].isupper() for c in filled)


#: A bullet before a name (``- Nguyễn Văn An``, ``• …``, ``+ …``): a person's row under a
#: model's row is its own, as without it (fresh tester L's L037).
_BULLET = re.compile(r"^[-•+*–▪●]\s+")


def continuations(raw: pd.DataFrame, labels: pd.Series,
                  text: pd.DataFrame | None = None) -> dict[int, int]:
    """Each continuation row (Excel row) → the registration row it continues.

    ``raw``: :func:`thidua.ingest.read.raw_rows` (index: Excel row, the form's columns by
    name); ``labels``: :func:`thidua.ingest.normalise.classify_rows` (only ``data`` rows are
    looked at). Rows are consecutive in ``raw``'s order: a blank, hidden or heading row in
    between ends a registration's continuation. Without an ``STT`` column nothing is joined (a
    row with no number cannot be told from a registration that forgot its choices).
    ``text``: :func:`thidua.ingest.normalise.form_text` of ``raw`` when the caller has it.
    """
    if "stt" not in raw or raw.empty:
        return {}
    form = [c for c in raw.columns if c in BY_NAME]
    text = form_text(raw) if text is None else text
    choices = [c for c in CHOICE_COLUMNS if c in text]
    joined = [c for c in JOINED_COLUMNS if c in text]
    others = [c for c in form if c not in (*choices, *joined, "stt")]
    if not choices or not joined:
        return {}
    data = (labels == "data").reindex(raw.index, fill_value=False)
    unnumbered = data & (text["stt"] == "")
    if not unnumbered.any():  # every data row has its STT: none continues (issue 10)
        return {}
    empty_choices = (text[choices] == "").all(axis=1)
    candidate = (unnumbered & empty_choices & (text[joined] != "").any(axis=1)
                 & ((text[others] == "").all(axis=1) if others else True))
    anchor = data & (text["stt"] != "") & ~empty_choices
    # another model of the registrant above (:func:`second_models`: no STT, registrant or
    # position; a model and a choice): its name may wrap too (fresh tester H's H70)
    nobody = (text[[c for c in ("registrant", "position") if c in text]] == "").all(axis=1)
    second = (unnumbered & ~empty_choices & nobody & (text["model"] != "")) \
        if "model" in text else pd.Series(False, index=text.index)
    found: dict[int, int] = {}
    rows = raw.index.tolist()
    placed: set[int] = set()  # second models under a registration (or a row joined to one)
    for i in [i for i, (c, m) in enumerate(zip(candidate.tolist(), second.tolist()))
              if (c or m) and i > 0]:
        row, above = rows[i], rows[i - 1]
        if second[row]:
            if anchor[above] or above in found or above in placed:
                placed.add(row)
            continue
        if _own_registration(text.loc[row, joined].tolist()):
            continue
        target = found.get(above, above if anchor[above] or above in placed else None)
        if target is not None and (target not in placed or nobody[row]):
            found[row] = target  # a second model's registrant is the row above's: never joined
    return found


def join_continuations(raw: pd.DataFrame, labels: pd.Series, text: pd.DataFrame | None = None
                       ) -> tuple[pd.DataFrame, pd.Series, dict[int, int]]:
    """``raw`` with each continuation's text appended to its registration's cells (one space
    between; a cell empty on the registration row takes the continuation's text), ``labels``
    with the continuation rows :data:`CONTINUATION`, and :func:`continuations`' map. ``raw``
    and ``labels`` are not modified; without continuations they are returned as they are.
    ``text``: :func:`thidua.ingest.normalise.form_text` of ``raw`` when the caller has it."""
    found = continuations(raw, labels, text)
    if not found:
        return raw, labels, found
    raw, labels = raw.copy(), labels.copy()
    columns = [c for c in JOINED_COLUMNS if c in raw]
    raw[columns] = raw[columns].astype("object")  # joined text goes into any column's dtype
    for row, target in found.items():
        for column in columns:
            more = clean_text(raw.at[row, column])
            if more:
                before = clean_text(raw.at[target, column])
                raw.at[target, column] = f"{before} {more}" if before else more
        labels[row] = CONTINUATION
    return raw, labels, found


def _joined(found: dict[int, int]) -> str:
    """``Dòng 5 đã được ghép vào dòng 4, dòng 8 vào dòng 7`` (up to five pairs, then how
    many more)."""
    pairs = list(found.items())
    shown = [f"dòng {row} vào dòng {target}" for row, target in pairs[:5]]
    shown[0] = f"Dòng {pairs[0][0]} đã được ghép vào dòng {pairs[0][1]}"
    return ", ".join(shown) + (f" và {len(pairs) - 5} dòng khác" if len(pairs) > 5 else "")


def continuation_note(found: dict[int, int]) -> str | None:
    """The line the unit reads about its joined rows, or ``None``: ``Dòng 5 đã được ghép vào
    dòng 4, dòng 8 vào dòng 7: …`` (up to five pairs, then how many more)."""
    if not found:
        return None
    return (f"{_joined(found)}: các dòng này không có STT, lĩnh vực, hình thức, chỉ có "
            f"phần chữ tiếp theo của ô bên trên, nên được đọc cùng đăng ký bên trên. Lần sau đề "
            f"nghị ghi cả nội dung trong một ô (Alt+Enter để xuống dòng trong ô).")


#: The columns a registration needs (``spec/submission-form.md``, "The header row").
NEEDED_COLUMNS = ("model", "registrant", "field", "type")


def halves(raw: pd.DataFrame, labels: pd.Series,
           text: pd.DataFrame | None = None) -> dict[int, int]:
    """Each second half (Excel row) → the registration row it completes: a data row without
    ``STT`` right under a data row with one (or a row read as the signature block's first
    for the ``Chức vụ`` beside its name, when it names a registrant), the two filling
    disjoint sets of the form's
    cells, each lacking one of :data:`NEEDED_COLUMNS` that the other has, together having all
    of them (the model's row, then its registrant's row: fresh tester E's A05, each row was
    rejected alone). Two whole registrations never overlap so: each has its model and its
    registrant. ``raw``, ``labels``, ``text`` as for :func:`continuations`; ``{}`` without
    an ``STT`` column or the four columns."""
    if "stt" not in raw or raw.empty or not set(NEEDED_COLUMNS) <= set(raw.columns):
        return {}
    label = labels.reindex(raw.index, fill_value="").tolist()
    numbered = by_value(raw["stt"], clean_text).ne("").tolist()  # cheap: most rows numbered
    rows = raw.index.tolist()
    starts = [i for i in range(1, len(rows)) if label[i - 1] == "data" and numbered[i - 1]
              and not numbered[i] and label[i] in ("data", "signature")]
    if not starts:
        return {}
    text = form_text(raw) if text is None else text
    named = (text["registrant"] != "").tolist()
    starts = [i for i in starts if label[i] == "data" or named[i]]
    form = [c for c in raw.columns if c in BY_NAME and c != "stt"]
    filled = text[form] != ""
    found: dict[int, int] = {}
    for i in starts:
        mine, theirs = filled.iloc[i], filled.iloc[i - 1]
        if (mine & theirs).any() or rows[i - 1] in found:
            continue
        if all(mine[c] != theirs[c] for c in NEEDED_COLUMNS) and any(
                mine[c] for c in NEEDED_COLUMNS) and any(theirs[c] for c in NEEDED_COLUMNS):
            found[rows[i]] = rows[i - 1]
    return found


def join_halves(raw: pd.DataFrame, labels: pd.Series
                ) -> tuple[pd.DataFrame, pd.Series, dict[int, int]]:
    """``raw`` with each second half's cells (:func:`halves`) moved into the empty cells of
    the registration row it completes, ``labels`` with the halves :data:`CONTINUATION`, and
    the map. Nothing is copied when there is none."""
    found = halves(raw, labels)
    if not found:
        return raw, labels, found
    raw, labels = raw.copy(), labels.copy()
    form = [c for c in raw.columns if c in BY_NAME and c != "stt"]
    raw[form] = raw[form].astype("object")
    for row, target in found.items():
        for column in form:
            if clean_text(raw.at[row, column]):
                raw.at[target, column] = raw.at[row, column]
        labels[row] = CONTINUATION
    return raw, labels, found


def halves_note(found: dict[int, int]) -> str | None:
    """The line the unit reads about its registrations written over two rows, or ``None``."""
    if not found:
        return None
    return (f"{_joined(found)}: mỗi đăng ký được ghi trên hai dòng (dòng có STT ghi "
            f"một phần, dòng dưới không có STT ghi phần còn lại) nên hai dòng được đọc là một "
            f"đăng ký. Lần sau đề nghị ghi mỗi đăng ký trên một dòng.")


#: The columns a second person's row takes from the registration right above it.
SHARED_COLUMNS = ("model", "field", "type")
#: The columns a second model's row takes from the registration right above it, when blank.
PERSON_COLUMNS = ("registrant", "position", "level", "grassroots_union")


def _as_above(raw: pd.DataFrame, labels: pd.Series, text: pd.DataFrame, bare: list[bool],
              halved: dict[int, int]) -> dict[int, int]:
    """Each ``bare`` row (Excel row) → the whole registration (``STT`` and the four needed
    columns, ``data``) it sits under: right under it, under a row joined into it
    (``halved``: :func:`halves` or :func:`continuations`, a wrapped line), or under another
    such row or a row joined into one (no blank row between)."""
    label = labels.reindex(raw.index, fill_value="").tolist()
    whole = ((text[["stt", *NEEDED_COLUMNS]] != "").all(axis=1)).tolist()
    rows = raw.index.tolist()
    at = {row: i for i, row in enumerate(rows)}
    found: dict[int, int] = {}
    for i in range(1, len(rows)):
        if not bare[i]:
            continue
        above = rows[i - 1]
        if above in found:
            found[rows[i]] = found[above]
        elif above in halved and halved[above] in found:  # under a wrapped second model
            found[rows[i]] = found[halved[above]]
        elif above in halved and whole[at[halved[above]]]:
            found[rows[i]] = halved[above]
        elif whole[i - 1] and label[i - 1] == "data":
            found[rows[i]] = above
    return found


def second_people(raw: pd.DataFrame, labels: pd.Series, text: pd.DataFrame | None = None,
                  halved: dict[int, int] | None = None) -> dict[int, int]:
    """Each row naming a second person of the model above (Excel row) → the registration row
    it shares the model of: a row without ``STT``, model, field and type, with a registrant
    (and a position, level, period … of its own), right under a registration with all of them
    (or under another such row): one model carried by two people, its cells left blank "as
    above" (fresh tester G's 105, 501: read as the signature block for ``Phó Chủ tịch CĐCS``
    and lost silently). The same rows with those cells merged over both rows are two
    registrations already (:func:`thidua.ingest.read.fill_merges`). A row read as the
    signature block's first counts when it names a registrant (no ``Người lập biểu: …``) with a
    grassroots union's position (:data:`_GRASSROOTS`), right under.
    ``raw``, ``labels``, ``text`` as for :func:`continuations`; ``halved``: :func:`halves`."""
    if "stt" not in raw or raw.empty or not set(NEEDED_COLUMNS) <= set(raw.columns):
        return {}
    label = labels.reindex(raw.index, fill_value="").tolist()
    unnumbered = by_value(raw["stt"], _own_number).eq("") & by_value(raw["model"], clean_text).eq("")
    if not any(u and k in ("data", "signature") for u, k in zip(unnumbered, label)):
        return {}  # cheap: most sheets have none (issue 10)
    text = form_text(raw) if text is None else text
    held = (by_value(text["position"], _grassroots_position, bool) if "position" in text
            else pd.Series(False, index=text.index))
    plain = ~text["registrant"].str.contains(":", regex=False)  # ``Người lập biểu: …``
    numbered = by_value(text["stt"], _own_number) != ""  # ``1.1``, ``-``: the model's person
    bare = ((text[list(SHARED_COLUMNS)] == "").all(axis=1) & ~numbered
            & (text["registrant"] != "")
            & ((labels == "data") | (labels == "signature") & held & plain)).tolist()
    return _as_above(raw, labels, text, bare, halved or {})


#: An ``STT`` that numbers a person of the model above rather than a registration of its
#: own: a sub-number (``1.1``, ``2.3.``) or a bullet or dash alone (``-``, ``+``, ``•``).
_SUB_NUMBER = re.compile(r"\d{1,3}\.\d{1,3}\.?|[-•+*–▪●]")


def _own_number(stt: object) -> str:
    """The ``STT`` cell's text, empty when it is none of the row's own (:data:`_SUB_NUMBER`)."""
    text = clean_text(stt)
    return "" if _SUB_NUMBER.fullmatch(text) else text


#: A position held in a grassroots union (``Phó Chủ tịch CĐCS``, ``Ủy viên BCH công đoàn cơ
#: sở``, ``Tổ trưởng tổ công đoàn``): a row read as the signature block's first for its
#: ``Chủ tịch`` is a second person when it names such a position, never the signer's own
#: (``Chủ tịch LĐLĐ quận Hoàng Mai``: fresh tester H's H07, counted as a registration).
_GRASSROOTS = re.compile(r"\bcdcs\b|cong doan co so|to cong doan|\bbch\b|ban chap hanh")


def _grassroots_position(position: str) -> bool:
    return _GRASSROOTS.search(match_key(position)) is not None


def second_models(raw: pd.DataFrame, labels: pd.Series, text: pd.DataFrame | None = None,
                  halved: dict[int, int] | None = None) -> dict[int, int]:
    """Each row giving another model of the registrant above (Excel row) → the registration
    row whose registrant it takes: a data row without ``STT``, registrant and position, with
    a model and a field or a type, right under a registration with all of them (or under a
    row joined into it, or another such row): a person's row, then that person's models on
    the rows below (fresh tester G's 502, 1016: the first model was joined to the person's
    row, each other rejected "Thiếu 'Tên tập thể/cá nhân'"). ``raw``, ``labels``, ``text``,
    ``halved`` as for :func:`second_people`."""
    if "stt" not in raw or raw.empty or not set(NEEDED_COLUMNS) <= set(raw.columns):
        return {}
    label = labels.reindex(raw.index, fill_value="").tolist()
    nobody = by_value(raw["stt"], clean_text).eq("") & by_value(raw["registrant"], clean_text).eq("")
    if not any(u and k == "data" for u, k in zip(nobody, label)):
        return {}  # cheap: most sheets have none (issue 10)
    text = form_text(raw) if text is None else text
    unplaced = (text["position"] == "") if "position" in text else True
    bare = ((text[["stt", "registrant"]] == "").all(axis=1) & unplaced & (text["model"] != "")
            & ((text["field"] != "") | (text["type"] != "")) & (labels == "data")).tolist()
    return _as_above(raw, labels, text, bare, halved or {})


def share_models(raw: pd.DataFrame, labels: pd.Series, halved: dict[int, int] | None = None,
                 text: pd.DataFrame | None = None
                 ) -> tuple[pd.DataFrame, pd.Series, dict[int, int], dict[int, int]]:
    """``raw`` with each second person's row (:func:`second_people`) given the model, field
    and type of the registration it shares (its type only when it agrees: a person under a
    collective's row keeps a blank type, rejected asking it), each second model's row
    (:func:`second_models`) given the registrant, position, level and grassroots union of the
    registration above where blank, ``labels`` with those rows ``data``, and both maps.
    Nothing is copied when there is none. ``halved``: :func:`halves` and
    :func:`continuations` (each row joined into another → that row); ``text``:
    :func:`thidua.ingest.normalise.form_text` of ``raw`` when known (else computed once here)."""
    if text is None and "stt" in raw and set(NEEDED_COLUMNS) <= set(raw.columns):
        text = form_text(raw)  # once for both rules (issue 10)
    people = second_people(raw, labels, text, halved)
    models = second_models(raw, labels, text, halved)
    if not people and not models:
        return raw, labels, people, models
    raw, labels = raw.copy(), labels.copy()
    columns = [c for c in (*SHARED_COLUMNS, *PERSON_COLUMNS) if c in raw]
    raw[columns] = raw[columns].astype("object")
    for row, source in people.items():
        for column in SHARED_COLUMNS:
            if column == "type" and clean_text(raw.at[row, "position"] if "position" in raw
                                               else "") \
                    and read_value("type", raw.at[source, column]).code == "collective":
                continue  # a person under a collective's row: its type asked, not guessed
            raw.at[row, column] = raw.at[source, column]
        labels[row] = "data"
    for row, source in models.items():
        for column in PERSON_COLUMNS:
            if column in raw and not clean_text(raw.at[row, column]):
                raw.at[row, column] = raw.at[source, column]
    return raw, labels, people, models


def shared_note(people: dict[int, int], models: dict[int, int] | None = None) -> str | None:
    """The lines the unit reads about its rows naming a second person of the model above
    (``people``) and another model of the registrant above (``models``)."""
    def shown(found: dict[int, int], what: str) -> str:
        pairs = list(found.items())
        more = f" và {len(pairs) - 5} dòng khác" if len(pairs) > 5 else ""
        return ", ".join(f"dòng {row} ({what} của dòng {source})"
                         for row, source in pairs[:5]) + more
    lines = []
    if people:
        lines.append(f"Các dòng chỉ ghi người thực hiện (STT để trống hoặc chỉ ghi số phụ 1.1, "
                     f"dấu -), để trống tên mô hình, lĩnh vực, "
                     f"hình thức ngay dưới một đăng ký đã được hiểu là người cùng thực hiện mô "
                     f"hình đó, mỗi người một đăng ký: {shown(people, 'mô hình')}.")
    if models:
        lines.append(f"Các dòng ghi mô hình nhưng để trống STT và tên tập thể/cá nhân ngay dưới "
                     f"một đăng ký đã được hiểu là mô hình khác của cùng tập thể/cá nhân đó: "
                     f"{shown(models, 'người thực hiện')}.")
    if not lines:
        return None
    return " ".join(lines) + (" Nếu không phải vậy, đề nghị sửa lại; lần sau đề nghị ghi đủ "
                              "thông tin ở từng dòng.")
