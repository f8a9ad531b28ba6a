"""Normalising raw rows: which rows are data, and each value in its canonical form.

Source: ``spec/submission-form.md`` ("The header row", "Rows that are not data", "Text").
Values that cannot be mapped stay as the unit wrote them (cleaned), so validation can say
exactly what was found; empty values become ``<NA>``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from schemas.form import BY_NAME, HEADER_MARKERS, SIGNATURE_KEYS, TOTAL_KEYS
from thidua.ingest.columnar import by_value, frame_by_value
from thidua.ingest.values import read_column, read_value
from thidua.ingest.blocheadings import is_heading_line
from thidua.ingest.grouplines import NUMBERING, breakdown_line, is_count_line, is_group_line
from thidua.ingest.headers import english_header, header_name
from thidua.ingest.legend import is_legend, is_legend_line
from thidua.ingest.listheadings import is_list_heading, is_list_title
from thidua.ingest.summarytable import is_summary_heading, summary_table_rows
from thidua.ingest.ballot import ballot_choice
from thidua.ingest.periods import EMPTY_WORDS, parse_period, period_of_two
from thidua.ingest.registrant import type_in_position
from thidua.ingest.salvage import LOST_STRING
from thidua.text import clean_text, match_key

#: Ignored-row reasons, as counted in ``summary.json`` and the manifest.
IGNORED_REASONS = ("blank", "totals", "subheading", "signature", "header", "hidden", "example",
                   "continuation", "copied_sheet", "title", "struck",
                   "withdrawn", "other_year", "excerpt", "dropdown_list")
TEXT_COLUMNS = ("model", "registrant", "position", "grassroots_union", "note", "unit_code")
#: A row without any of these is never a registration (issue 16.6).
CORE_COLUMNS = ("model", "registrant", "field", "type")


def _data_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c in BY_NAME and c != "stt"]


_TOTALS = re.compile(r"^(?:tong cong\b(?!\s+(?:ty|trinh|tac|ket)\b)|tong so(?=\s*$|\s*[:\d(]|\s+"
                     r"(?:mo hinh|tap the|ca nhan|dang ky|don vi|luot|cac|chung)\b))")
#: A totals label (with its diacritics: ``cộng``, never ``công``), up to four words, then a
#: colon or a count and at most two words: ``Cộng tập thể: 2``, ``Tổng cá nhân: 3``,
#: ``Cộng: 5``, ``Tổng cộng 10 mô hình`` (never ``Tổng kết 5 năm …``, ``Cộng đồng …``).
_LABELLED_TOTALS = re.compile(
    r"^(?!tổng (?:công|kết|hợp|cục|đội|giám|biên|thư|liên)|cộng (?:đồng|tác|sự|hòa|hoà)\b)"
    r"(?:tổng cộng|tổng số|tổng|cộng)(?:\s+[^\W\d_]+){0,4}\s*"
    r"(?::\s*$|:?\s*\d[\d.,]*(?:\s+[^\W\d_]+){0,2}\s*\.?$)")


#: The labels Excel's Data > Subtotal writes under each group and at the end, in English and
#: in a Vietnamese Excel: ``Kinh tế Count``, ``Grand Total``, ``Kinh tế Đếm``, ``Tổng Đếm``.
_EXCEL_SUBTOTAL = re.compile(r"(?:grand|tong|.{1,80}?)\s+(?:count|total|sum|average|max|min|"
                             r"dem|tong cong|tong cuoi|tong chung|tong|trung binh)")


def _excel_subtotal(texts: list[str]) -> bool:
    """A row of one :data:`_EXCEL_SUBTOTAL` label and numbers only (its counts)."""
    parts = list(dict.fromkeys(texts))
    labels = [t for t in parts if not re.fullmatch(r"[\d.,]+", t)]
    return len(labels) == 1 and _EXCEL_SUBTOTAL.fullmatch(match_key(labels[0])) is not None


def is_totals(texts: list[str]) -> bool:
    """``Tổng cộng``, ``Cộng``, ``Tổng số: 12``, ``Cộng tập thể: 2``, Excel's subtotals
    (``Kinh tế Count``, ``Grand Total``, ``Tổng Đếm``: :data:`_EXCEL_SUBTOTAL`)… in one of the first
    three distinct cells, or a label and its count in two cells (``Cộng tập thể`` | ``12``,
    a subtotal whose count sits in the ``Hình thức`` column); never ``Tổng công ty …``,
    ``Tổng kết …``, ``Tổng số hóa đơn …`` (issue 9.3)."""
    first = list(dict.fromkeys(texts))[:3]
    together = " ".join(" ".join(first).lower().split())  # ``Cộng tập thể`` | ``12`` in two cells
    if is_summary_heading(texts):
        return True  # ``TỔNG HỢP THEO LĨNH VỰC``: a summary block's heading
    return _excel_subtotal(texts) or any(match_key(t).rstrip(" :") in TOTAL_KEYS
                                         or _TOTALS.match(match_key(t))
               or _LABELLED_TOTALS.match(" ".join(t.lower().split())) or _names_a_part(t)
               for t in first) or (len(first) > 1 and bool(_LABELLED_TOTALS.match(together)))


#: ``Cộng`` (with its diacritics: never ``Công``) or ``Tổng cộng``/``Tổng số`` and what is summed.
_PART_TOTALS = re.compile(r"^(?:tổng cộng|tổng số|cộng)(?:\s+|(?=[(\[]))(.+?)\s*:?"
                          r"(?:\s*\d[\d.,]*(?:\s+[^\W\d_]+){0,2}\s*\.?)?$")
_PART_WORDS = re.compile(r"^(?:(?:linh vuc|muc|phan|khoi|nhom|cac mo hinh|mo hinh)\s*)+")


def _names_a_part(text: str) -> bool:
    """A subtotal naming the part of the table it sums, without its count: ``Cộng lĩnh vực
    kinh tế``, ``Cộng tập thể``, ``Tổng cộng mục I``, ``Cộng phần A`` (a field or a type read
    exactly, or a numbering), alone or with its count (``Cộng lĩnh vực Văn hóa - xã hội: 02 mô
    hình``, ``Cộng (AN-QP): 02``; fresh tester J's J063, J081, J114); a model that starts with
    ``Cộng`` names something else."""
    found = _PART_TOTALS.match(" ".join(text.lower().split()))
    if not found:
        return False
    part = _PART_WORDS.sub("", match_key(found.group(1))).strip(" .:()")
    return bool(re.fullmatch(r"[ivxlcdm]+|\d{1,2}|[a-z]", part)) or any(
        read_value(column, part).how == "exact" for column in ("field", "type"))


_HEADING_WORDS = re.compile(
    r"^(?:(?:danh sach|linh vuc|mo hinh|cac mo hinh|hinh thuc|nhom)\s*:?\s*)+")


def is_subheading(texts: list[str], type_text: str) -> bool:
    """A row that only names a field, e.g. ``I. LĨNH VỰC KINH TẾ`` (merged across the table) or
    ``I`` | ``Lĩnh vực kinh tế`` in two cells, or a registrant type with a numbering
    (``A. TẬP THỂ``, ``2. Mô hình cá nhân``, ``II. DANH SÁCH CÁ NHÂN``, or alone in a cell:
    ``CÁ NHÂN``) outside the ``Hình thức`` column."""
    parts = list(dict.fromkeys(texts))
    if not parts or len(parts) > 2:
        return False
    key = match_key(" ".join(parts))
    bare = NUMBERING.sub("", key)
    numbered = bare != key
    name = _HEADING_WORDS.sub("", bare)
    if read_value("field", name).how == "exact":
        return len(parts) == 1 or numbered
    return read_value("type", name).how == "exact" \
        and (numbered or _HEADING_WORDS.match(bare) is not None
             or len(parts) == 1 and clean_text(type_text) != parts[0]) \
        and (not type_text or len(parts) == 1)


def subheading_field(texts: list[str]) -> str | None:
    """The field code a sub-heading row names (``I. LĨNH VỰC KINH TẾ`` → ``KT``, ``II`` |
    ``Văn hóa - xã hội`` → ``VHXH``), or ``None`` (a type heading, any other row)."""
    parts = list(dict.fromkeys(t for t in texts if t))
    if not parts or len(parts) > 2:
        return None
    name = _HEADING_WORDS.sub("", NUMBERING.sub("", match_key(" ".join(parts))))
    reading = read_value("field", name)
    return reading.code if reading.how == "exact" else None


_NOTE = re.compile(r"^(ghi chu|luu y|chu thich|chu giai|nguon)\s*:|^\(?\*+\)?\s")
#: A note's label in a cell of its own, its text in the next one (or on the rows under it:
#: ``Chú thích`` alone on a row, then a legend's lines; fresh tester R's S17, S18).
_NOTE_LABEL = re.compile(r"(ghi chu|luu y|chu thich|chu giai|chu y|nguon)\s*:?")


def is_signature(texts: list[str]) -> bool:
    """The first row of the block below the table: a signer (``Người lập biểu``, ``THỦ TRƯỞNG
    ĐƠN VỊ``), a place-and-date line, or a note in a single cell (``Ghi chú: …``, ``* …``) or
    in two (``Ghi chú:`` | its text), a legend of a column's numbers in one or two cells
    (:func:`thidua.ingest.legend.is_legend`);
    a cell merged across the table counts once."""
    keys = list(dict.fromkeys(match_key(t) for t in texts))
    if len(keys) == 1 and (_NOTE.match(keys[0]) or _NOTE_LABEL.fullmatch(keys[0])) \
            or len(keys) == 2 and (_NOTE_LABEL.fullmatch(keys[0]) or _LABELLED.fullmatch(keys[0])):
        return True  # ``Ghi chú: …``, ``Chú thích`` alone, or ``Ghi chú:`` | ``- Cột …`` in two
    if len(keys) <= 2 and is_legend(" ".join(dict.fromkeys(texts))):
        return True  # ``Lĩnh vực: 1 - Kinh tế; 2 - …`` (:mod:`thidua.ingest.legend`)
    return any(k.startswith(SIGNATURE_KEYS) or re.match(r"^.{0,40}, ngay .{0,6}thang", k)
               or re.match(r"^ngay\s+(\d{1,2}|\.+|…+)\s+thang", k) for k in keys)


#: A note's label alone in its cell, a few words after it: ``Ghi chú - Lĩnh vực:``.
_LABELLED = re.compile(r"(ghi chu|chu thich|luu y|chu y)\b[^:]{0,30}:")


def _labelled_note(texts: list[str]) -> bool:
    """Whether a row is a note under a label of its own whatever its other cell reads as
    (``Ghi chú - Lĩnh vực:`` | ``1 - Kinh tế``, a legend whose value reads as a field: fresh
    tester H's H22, read as a registration)."""
    return len(texts) == 2 and _LABELLED.fullmatch(match_key(texts[0])) is not None


def _is_header(texts: list[str]) -> bool:
    """The form's header row again inside the table (two tables on one sheet, a header
    repeated on every printed page): it names ``Tên mô hình`` and ``Lĩnh vực`` and every
    other text of it is a header of the form or a column number, but for one text (a later
    table's own column, ``Đơn vị công tác``) when it names four headers or more."""
    parts = list(dict.fromkeys(texts))
    names = [header_name(t) for t in parts]
    strangers = sum(not (n or re.fullmatch(r"\(?\d{1,2}\)?", t)) for t, n in zip(parts, names))
    known = sum(1 for n in names if n)
    return set(HEADER_MARKERS) <= set(names) and (strangers == 0 or
                                                  (strangers == 1 and known >= 4))


def _header_words(texts: list[str]) -> bool:
    """A row holding nothing but headers of the form (``Lĩnh vực`` typed one row below the
    header's other cells, a header's second row of ``Chức vụ`` | ``Ghi chú``): part of the
    header, never a registration (fresh tester W's W208: rejected with four reasons). Looked
    for above the last registration only: ``Ghi chú`` under the table heads its notes."""
    return bool(texts) and all(header_name(t) for t in texts)


#: A printed page's number typed into the sheet: ``Trang 1``, ``Trang 2/3``, ``Trang 1 trên 2``,
#: ``Tờ 2``, ``Page 1 of 2``, ``- 3 -``.
_PAGE = re.compile(r"(?:trang|to|page)\s*(?:so\s*)?\d{1,3}(?:\s*(?:/|tren|of)\s*\d{1,3})?\.?"
                   r"|[-–]\s*\d{1,3}\s*[-–]")


def _translated_header(texts: list[str]) -> bool:
    """A bilingual form's header in English under the Vietnamese one (``No.`` | ``Model
    name`` | ``Field`` | …; fresh tester Z's Z072: rejected with four reasons): three texts
    or more, each an English header (:func:`thidua.ingest.headers.english_header`) or one of
    the form's, one English at least. Part of the header, never a registration, wherever it
    stands (no registration is written in header words)."""
    english = [english_header(t) for t in texts]
    return len(texts) >= 3 and any(english) and \
        all(e or header_name(t) for t, e in zip(texts, english))


def page_line(texts: list[str]) -> bool:
    """A row holding only a printed page's number (:data:`_PAGE`), in one cell or one merged
    across the row: page furniture like a repeated header, never a registration."""
    keys = set(match_key(t) for t in texts)
    return len(keys) == 1 and _PAGE.fullmatch(keys.pop()) is not None


def form_text(raw: pd.DataFrame) -> pd.DataFrame:
    """The cleaned text (:func:`thidua.text.clean_text`) of every cell of ``raw``'s form
    columns (same index; the columns of :data:`schemas.form.BY_NAME` ``raw`` has, in its
    order), each distinct value cleaned once: what the row rules of a sheet look at, computed
    once for them all (issue 10). A program's empty (``nan``, :func:`_program_blank`) is no
    text: a row of them is blank (fresh tester Z's Z022: rejected with four reasons); nor is
    a cell whose text the file lost (:data:`thidua.ingest.salvage.LOST_STRING`): ``Người lập
    biểu`` beside one is the signature block's, never a registration (fresh tester AB's AB83;
    a registration's lost cell is rejected by :func:`thidua.ingest.errorcells.lost_string_cells`)."""
    return frame_by_value(raw[[c for c in raw.columns if c in BY_NAME]],
                          lambda value: _program_blank(_unlost(clean_text(value))))


def _unlost(text: str) -> str:
    """``""`` for a cell whose text the file lost (:data:`thidua.ingest.salvage.LOST_STRING`),
    else ``text``."""
    return "" if text.startswith(LOST_STRING) else text


def filled_down(raw: pd.DataFrame, text: pd.DataFrame | None = None) -> pd.Series:
    """Per raw row: it carries nothing but values filled down a column (issue 16.6).

    Such a row has no ``Tên mô hình``, no ``Tên tập thể/cá nhân``, no ``Lĩnh vực`` and no
    ``Hình thức``, at least one other cell of the form's columns, and each of its cells
    (but a number in ``STT``) repeats the cell above or below it in the same column: what
    a whole-column fill (``Cơ sở`` or ``Công đoàn cơ sở`` down to row 5000) leaves under the
    table. Returns a bool Series on ``raw``'s index. ``text``: :func:`form_text` of ``raw``
    when the caller has it already.
    """
    form = [c for c in raw.columns if c in BY_NAME]
    if not form:
        return pd.Series(False, index=raw.index)
    text = form_text(raw) if text is None else text
    core = [c for c in CORE_COLUMNS if c in text]
    no_core = (text[core] == "").all(axis=1) if core else pd.Series(True, index=raw.index)
    if not no_core.any():  # every row names a model, a registrant, a field or a type (issue 10)
        return pd.Series(False, index=raw.index)
    repeated = (text == "") | (text == text.shift(1)) | (text == text.shift(-1))
    if "stt" in text:
        repeated["stt"] = text["stt"].str.fullmatch(r"[\d.,]*")
    others = text.drop(columns=[c for c in ("stt", *core) if c in text])
    return no_core & repeated.all(axis=1) & (others != "").any(axis=1)


def _has_code(reading) -> bool:
    return reading.code is not None


def _column_numbers(texts: list[str]) -> bool:
    """A row numbering the form's columns, repeated inside the table with the header (a second
    printed page, a table pasted from Word): ``1`` | ``2`` | … or ``(1)`` | ``(2)`` | …, at
    least four consecutive numbers from 1."""
    numbers = [m[1] for t in texts if (m := re.fullmatch(r"\(?(\d{1,2})\)?", t.strip()))]
    return len(numbers) == len(texts) >= 4 and [int(n) for n in numbers] == list(
        range(1, len(numbers) + 1))


#: An STT cell holding a row's number (``5``, ``5.``, ``5)``), not a text merged over the row.
STT_NUMBER = re.compile(r"\d{1,5}[.)]?")


#: A registrant cell naming nobody: empty, or a count (``Tổng`` | ``Tập thể`` | ``2``).
_NO_NAME = re.compile(r"[\d\s.,()]*")
#: The words a count is written with in a cell of a subtotal row (match keys).
_COUNT_WORDS = (r"(?:tap the|ca nhan|tt|cn|mo hinh|mh|dang ky|so luong|sl|tong so|tong cong|"
                r"tong|cong|luot|don vi|dv)")
#: A cell holding a count and nothing else, its words before or after it (match keys):
#: ``01``, ``TT: 1``, ``Cá nhân: 01``, ``01 mô hình``, ``1 tập thể``, ``(2)``.
COUNT_CELL = re.compile(rf"\(?(?:{_COUNT_WORDS}\s*[:=]?\s*)?\d[\d.,]*\s*(?:{_COUNT_WORDS})?\.?\)?")
#: A subtotal's label naming its part without saying which (``Cộng lĩnh vực``, ``Tổng nhóm``).
_BARE_PART_TOTAL = re.compile(r"(?:cong|tong cong|tong so|tong)\s+(?:cac\s+)?(?:linh vuc|muc|"
                              r"phan|khoi|nhom|hinh thuc)\s*:?")


def names_nobody(text: str) -> bool:
    """A registrant cell naming nobody: empty, or a count (:data:`COUNT_CELL`: ``01``, ``CN:
    1``, ``01 mô hình``): a subtotal's, never a registration's."""
    return not text or bool(_NO_NAME.fullmatch(text)) or bool(COUNT_CELL.fullmatch(match_key(text)))


def _total_label(text: str) -> bool:
    """An ``STT`` or model cell that labels a total: ``Cộng``, ``Tổng số``, ``Tổng cộng:``,
    ``Cộng Kinh tế``, ``Cộng lĩnh vực``, ``Tổng số mô hình lĩnh vực Kinh tế`` (:func:`is_totals`
    of the cell alone); never ``Tổng công ty …``, ``Cộng đồng …``."""
    return bool(text) and (is_totals([text]) or bool(_BARE_PART_TOTAL.fullmatch(match_key(text))))


#: A template's guide in a cell, in brackets: ``(Ghi tên mô hình)``, ``[Nhập họ tên]``,
#: ``<Tên tập thể/cá nhân>``, ``(ghi rõ chức vụ)`` (match keys).
GUIDE_CELL = re.compile(r"[(\[<{]\s*(?:ghi|nhap|dien|viet|ten|ho ten|ho va ten)\b[^)\]>}]*[)\]>}]")


#: A numbering alone in the ``STT`` cell of a heading (``I``, ``A.``, ``2)``).
_NUMBERING = re.compile(r"(?:[ivxlc]{1,4}|\d{1,2}|[a-e])[.)]?")


def _model_heading(cells: pd.Series, columns: list[str]) -> bool:
    """A list's heading typed in the model's cell, nothing else in the form's cells but a
    numbering in ``STT`` (``I. CÁC MÔ HÌNH ĐĂNG KÝ NĂM 2024``, ``A`` | ``MÔ HÌNH ĐĂNG KÝ MỚI``,
    ``DANH SÁCH MÔ HÌNH``, ``Đợt 1``): a list's title only
    (:func:`thidua.ingest.listheadings.is_list_title`; a model in capitals alone stays a row,
    rejected for what it lacks). Before, right under the header it was rejected with three
    "Thiếu …" (fresh tester O's O422, O424–O426, O428)."""
    model = cells.get("model", "")
    if not model or any(cells.get(c, "") for c in columns if c != "model"):
        return False
    stt = cells.get("stt", "")
    return (not stt or bool(_NUMBERING.fullmatch(match_key(stt)))) and is_list_title(model)


def _guide_lines(text: pd.DataFrame, rows: pd.Index) -> list[int]:
    """The rows of ``rows`` that are the template's guide line left under the header: the
    model's cell a guide in brackets (:data:`GUIDE_CELL`: ``(Ghi tên mô hình)``) and the
    registrant's a guide too or empty (``(Ghi tên tập thể hoặc họ tên cá nhân)``), whatever
    the coded cells hold (the template's first values, ``Kinh tế`` | ``Tập thể``). Before, such
    a line was counted as a registration (fresh tester O's O380)."""
    if "model" not in text:
        return []
    look = text.loc[rows, "model"]
    look = look[look.str[:1].isin(list("([<{")).to_numpy(dtype=bool)]  # the few in brackets
    found = look.index[look.map(lambda v: bool(GUIDE_CELL.fullmatch(match_key(v))))
                       .to_numpy(dtype=bool)]
    if "registrant" in text:
        found = [r for r in found if not text.at[r, "registrant"]
                 or GUIDE_CELL.fullmatch(match_key(text.at[r, "registrant"]))]
    return list(found)


def _subtotal_lines(text: pd.DataFrame, rows: pd.Index) -> list[int]:
    """The rows of ``rows`` (a field or a type read) that are a subtotal written in the
    table's own columns: a total's label in ``STT`` or the model's cell, a count in the
    registrant's (:data:`COUNT_CELL`), and nothing but counts in the other cells (``Cộng`` |
    ``Kinh tế`` | ``TT: 1`` | ``CN: 1``; ``Tổng số`` | ``KT`` | ``TT`` | ``01 mô hình``;
    ``Cộng:`` | ``02 mô hình`` | ``Kinh tế`` | ``Tập thể`` | ``01``). A registration names its
    registrant, never a count: such a row is never one (fresh tester O's O359, O372, O375,
    O392, O393: each counted as a registration; O373, O379: each rejected). A row with a
    field and a type and an empty registrant's cell stays data, rejected for what it lacks
    (issue 9.3: such a row is never ignored)."""
    if "registrant" not in text:
        return []
    look = text.loc[rows]
    look = look[look["registrant"].map(lambda v: v != "" and names_nobody(v)).to_numpy(dtype=bool)]
    found = []
    for row, values in zip(look.index, look.itertuples(index=False)):
        cell = dict(zip(look.columns, values))
        label = [c for c in ("stt", "model") if _total_label(cell.get(c, ""))]
        if not label:
            continue
        others = [v for c, v in cell.items()
                  if v and c not in ("field", "type", "registrant", label[0])]
        if all(COUNT_CELL.fullmatch(match_key(v)) or _total_label(v) for v in others):
            found.append(row)
    return found


#: A count's label in a summary block's line (``Số mô hình`` | ``Kinh tế`` | ``Cá nhân`` | ``2``).
_COUNT_LABEL = re.compile(r"so mo hinh|so luong|sl|tong so|so|tong")


def _summary_lines(text: pd.DataFrame, both: pd.Series) -> list[int]:
    """The rows of ``both`` (a field and a type read) that hold nothing but them, counts and a
    count's label: no ``STT``, no model but a count's label, no registrant but a count: the
    lines of a summary by field and type under the table (tester B's cases 147, 148), totals,
    never registrations missing their model."""
    rows = both.index[both.to_numpy(dtype=bool)]
    look = text.loc[rows]
    if "registrant" in look:  # the common case, every registration names someone: one pass
        look = look[look["registrant"].str.fullmatch(_NO_NAME.pattern).to_numpy(dtype=bool)]
    if "stt" in look:
        look = look[(look["stt"] == "").to_numpy(dtype=bool)]
    found = []
    for row, values in zip(look.index, look.itertuples(index=False)):
        cell = dict(zip(look.columns, values))
        if cell.get("stt") or not _NO_NAME.fullmatch(cell.get("registrant", "")) \
                or cell.get("model") and not _COUNT_LABEL.fullmatch(match_key(cell["model"])):
            continue
        others = [v for c, v in cell.items() if v and c not in ("field", "type", "model")]
        if others and all(re.fullmatch(r"[\d.,]+", v) for v in others):
            found.append(row)
    return found


def classify_rows(raw: pd.DataFrame, filled: pd.Series | None = None,
                  text: pd.DataFrame | None = None) -> pd.Series:
    """Label each raw row ``"data"`` or an ignored reason from :data:`IGNORED_REASONS`.

    ``raw`` is :func:`thidua.ingest.read.raw_rows` output (index: Excel row). Ignored, never
    rejected: blank rows (nothing in the form's columns but perhaps a pre-printed STT number;
    unknown columns are not looked at) and rows of nothing but filled-down values
    (:func:`filled_down`), both ``blank``; the form's header row repeated in the table
    (``header``); totals rows; field sub-headings; the signature block (the first row naming
    a signer or a place and date, and the rows after it); a row of column numbers ``1`` |
    ``2`` | … is ``header``. A row whose
    ``Lĩnh vực`` and ``Hình thức`` both read as accepted values is always data, and a row with
    either is never part of the signature block, nor a totals row unless it names no
    registrant (``Cộng`` | ``Kinh tế``: a field's subtotal; a count in the registrant's cell names
    nobody) (issue 9.3): ``Tổng công ty …``
    or ``Tổng kết …`` as a model or registrant is data. A total's breakdown is totals too
    (:func:`thidua.ingest.grouplines.breakdown_line`: ``Trong đó: Tập thể`` | ``2``
    anywhere, ``Cá nhân`` | ``1`` right under a totals row). A bloc's, a part's or a
    workplace's heading (``I`` | ``KHỐI CƠ SỞ``, ``PHẦN I: …``, ``2`` | ``Trường Tiểu học X``:
    :func:`thidua.ingest.blocheadings.is_heading_line`) is a ``subheading``. Returns a str Series on the same
    index. ``filled``: :func:`filled_down` of ``raw``, ``text``: :func:`form_text` of
    ``raw``, when the caller has them already.
    """
    form = [c for c in raw.columns if c in BY_NAME]
    text = form_text(raw) if text is None else text  # each distinct value once, whole columns
    columns = _data_columns(text)
    known = {name: (by_value(read_column(raw[name], name), _has_code).astype(bool)
                    if name in raw else pd.Series(False, index=raw.index))
             for name in ("field", "type")}
    filled = filled_down(raw, text) if filled is None else filled
    has_data = (text[columns] != "").any(axis=1) if columns else pd.Series(False, index=raw.index)
    blank = ~has_data  # nothing, or only a pre-printed STT number
    bare = text[blank.to_numpy()]  # only these rows are looked at again (issue 10)
    if form and len(bare):
        numeric = bare.apply(lambda c: c.str.fullmatch(r"[\d.,]*")).all(axis=1)
        blank[bare.index[~numeric.to_numpy(dtype=bool)]] = False
    both = known["field"] & known["type"]
    labels = pd.Series("data", index=raw.index, dtype="object")
    labels[blank] = "blank"
    labels[~blank & ~both & filled.astype(bool)] = "blank"
    undecided = ~blank & ~both & ~filled.astype(bool)  # the few rows that need a closer look
    look = text[undecided.to_numpy()]
    # the signature block comes after the last registration numbered with a model (an STT
    # number, not a text merged over the row): a row above it naming ``Phó Chủ tịch CĐCS`` is
    # a second person's (fresh tester G's 105, 501), ``5`` | model | … | ``Chủ tịch`` is data
    registered = (text["stt"].str.fullmatch(STT_NUMBER.pattern) & (text["model"] != "")) \
        if "stt" in text and "model" in text else pd.Series(False, index=text.index)
    last_registered = registered[registered].index.max() if registered.any() else -1
    in_signature = False
    for row in look.index:
        texts = [t for t in text.loc[row].tolist() if t]
        either = bool(known["field"][row]) or bool(known["type"][row])
        nobody = "registrant" not in text or bool(_NO_NAME.fullmatch(text.at[row, "registrant"]))
        if not either and (_is_header(texts) or _column_numbers(texts) or page_line(texts)
                           or row < last_registered and _header_words(texts)
                           or _translated_header(texts)):
            labels[row] = "header"  # the header again, its column numbers, a page's number
        elif (not either or nobody) and (is_totals(texts) or is_count_line(texts)
                                         or is_totals([t.strip("()[] ") for t in texts])) \
                or (kind := breakdown_line(texts)) == "lead" \
                or kind == "bare" and labels.get(row - 1) == "totals":
            labels[row] = "totals"  # ``Cộng`` | ``Kinh tế``: a field's subtotal, no registrant;
            # ``Trong đó: Tập thể`` | ``2``, then ``Cá nhân`` | ``1``: its breakdown
        elif row > last_registered and is_legend_line(texts) \
                or (not either or _labelled_note(texts)) \
                and (in_signature or row > last_registered and is_signature(texts)):
            in_signature = True  # a legend of codes under the table too (``KT: Kinh tế; …``)
            labels[row] = "signature"
        elif is_subheading(texts, text.at[row, "type"] if "type" in text else "") \
                or not either and is_group_line(texts):  # ``Công đoàn cơ sở Công ty X``
            labels[row] = "subheading"
        elif not has_data[row] and len(set(texts)) == 1 and is_list_heading(texts[0]):
            labels[row] = "subheading"  # ``Năm 2023``, ``DANH SÁCH … (tiếp theo)`` in STT
        elif not either and _model_heading(text.loc[row], columns):
            labels[row] = "subheading"  # ``I. CÁC MÔ HÌNH ĐĂNG KÝ NĂM 2024`` in the model's cell
        elif not either and is_heading_line(text.loc[row].to_dict()):
            labels[row] = "subheading"  # ``I`` | ``KHỐI CƠ SỞ``, ``2`` | ``Trường Tiểu học X``
    for row in summary_table_rows(text, labels):  # ``STT | Lĩnh vực | Tập thể | Cá nhân | Cộng``
        labels[row] = "totals"
    if both.any():  # a summary block's lines: ``Kinh tế`` | ``Cá nhân`` | ``2``
        for row in _summary_lines(text, both[labels == "data"]):
            labels[row] = "totals"
    either = (known["field"] | known["type"]) & (labels == "data")
    if either.any():  # ``Cộng`` | ``Kinh tế`` | ``TT: 1`` | ``CN: 1``: a subtotal, not data
        for row in _subtotal_lines(text, either.index[either.to_numpy(dtype=bool)]):
            labels[row] = "totals"
    data = labels == "data"
    for row in _guide_lines(text, data.index[data.to_numpy(dtype=bool)]):
        labels[row] = "header"  # ``(Ghi tên mô hình)`` | ``Kinh tế`` | …: the template's guide
    if (labels == "blank").any():  # cells the file lost beside others (``2`` | lost | … |
        # ``Cơ sở`` | ``01/2024 - 12/2024``): a registration whose text is gone, rejected naming
        # them (ABB0), never ignored; lost cells alone (a signature's, AB83) stay blank
        lost = _lost_rows(raw) & text.ne("").any(axis=1)
        labels[lost & (labels == "blank")] = "data"
    return labels.rename("status").astype("str")


def _lost_rows(raw: pd.DataFrame) -> pd.Series:
    """Per row of ``raw``: whether a form column's cell is one whose text the file lost
    (:data:`thidua.ingest.salvage.LOST_STRING`)."""
    columns = [c for c in raw.columns if c in BY_NAME]
    return frame_by_value(raw[columns], lambda v: isinstance(v, str) and v.startswith(LOST_STRING)
                          ).astype(bool).any(axis=1)


def filled_down_note(raw: pd.DataFrame, labels: pd.Series,
                     filled: pd.Series | None = None) -> str | None:
    """The one line a unit reads about its rows of nothing but filled-down values
    (:func:`filled_down`, issue 16.6): ``Dòng 12 đến 5000: chỉ có giá trị điền sẵn …, đã bỏ
    qua.`` (up to five ranges of rows), or ``None`` when there is none."""
    filled = filled_down(raw) if filled is None else filled
    rows = raw.index[((labels == "blank") & filled).to_numpy()].tolist()
    if not rows:
        return None
    ranges: list[list[int]] = []
    for row in rows:
        if ranges and row == ranges[-1][1] + 1:
            ranges[-1][1] = row
        else:
            ranges.append([row, row])
    shown = ", ".join(f"{a} đến {b}" if a != b else f"{a}" for a, b in ranges[:5])
    more = ", …" if len(ranges) > 5 else ""
    return (f"Dòng {shown}{more} ({len(rows)} dòng): chỉ có giá trị điền sẵn, không có tên mô "
            f"hình, tên tập thể/cá nhân, lĩnh vực hay hình thức; đã bỏ qua (không tính là đăng "
            f"ký). Lần sau đề nghị chỉ điền đến dòng đăng ký cuối cùng.")


def _map_value(values: pd.Series, column: str) -> pd.Series:
    """The code of each cell read by meaning, the cleaned text when it does not read as one
    value, ``<NA>`` when empty (:func:`thidua.ingest.values.read_value`)."""
    texts = by_value(values, clean_text)
    codes = by_value(texts, lambda t: read_value(column, t).code)
    return codes.where(codes.notna(), texts.where(texts != "", pd.NA)).astype(object)


def _clean_or_na(value: object) -> object:
    return clean_text(value) or pd.NA


#: A cell holding only a dash, dots or a slash: "nothing to say" in an optional column
#: (``Kết quả`` ``-``, ``Chức vụ`` ``…``), read as empty there (``spec/submission-form.md``,
#: "Columns": optional columns may be empty; ``docs/contracts.md``).
_PLACEHOLDER = re.compile(r"[-–—‐−.…/_]+")
_OPTIONAL = ("position", "grassroots_union", "note", "level", "result", "period", "period_from",
             "period_to")


#: Words saying "nothing given" (``0``, ``x``, ``N/A``, ``Không``, ``chưa xác định``), as match
#: keys: empty, as a dash is, in the columns of :data:`_SAYS_NOTHING` (fresh tester J's J046:
#: periods rejected "Không đọc được"; J140: a collective named ``x`` and an individual whose
#: position is ``Không`` counted; J139: a ``Công đoàn cơ sở`` of ``Không`` made the level
#: ``Cơ sở``). Never in ``Kết quả`` (``x`` is a tick there), the field, the type or a note.
_NOTHING = frozenset({"0", "x", "n/a", "na", "khong", "khong co", "chua co", "chua xac dinh",
                      "khong xac dinh", "chua ro", "khong ro", "chua", "none", "nil"})
_SAYS_NOTHING = ("period", "period_from", "period_to", "model", "registrant", "position",
                 "grassroots_union", "level")


#: A letter or a digit: a cell with none says nothing (``•``, ``*``, ``?``, ``✓``, ``√``,
#: ``#``, ``“”``: fresh tester L's L062, L142, a registrant or a position so written was counted).
_ALNUM = re.compile(r"[^\W_]")


def _nothing_blank(value: object) -> object:
    """:func:`_placeholder_blank`, and ``""`` for a word of :data:`_NOTHING` (``N/A``), the
    number 0 or a text with no letter nor digit (``•``, ``?``, ``✓``). (A ditto mark with
    nothing to repeat is emptied before, :func:`thidua.ingest.ditto.filled_from_ditto`.)"""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0:
        return ""
    value = _placeholder_blank(value)
    if not isinstance(value, str):
        return value
    return "" if match_key(value).strip(" .") in _NOTHING or not _ALNUM.search(value) else value


#: Words that say "no result yet" in ``Kết quả`` (match keys): empty there, so the default
#: ``Chưa đánh giá`` (``spec/submission-form.md``; ``Chưa rõ``, ``Chưa xác định`` read so already,
#: told as interpreted). Not ``x`` (a tick), ``0``, ``Không`` nor ``Không có`` (``Không hoàn
#: thành`` cut short): those are still asked.
_NO_RESULT = frozenset({"n/a", "na", "none", "nil", "khong xac dinh", "khong ro"})


def _no_result_blank(value: object) -> object:
    """:func:`_placeholder_blank`, and ``""`` for a word of :data:`_NO_RESULT` (``N/A``)."""
    value = _placeholder_blank(value)
    if isinstance(value, str) and match_key(value).strip(" .") in _NO_RESULT:
        return ""
    return value


def says_nothing(value: object) -> bool:
    """Whether a cell of a column that may say nothing (a position, a registrant …) is
    emptied when read (:func:`_nothing_blank`: ``-``, ``Không``, ``N/A``, ``?``, blank)."""
    return _nothing_blank(value) == ""


#: What programs write for an empty cell (match keys): pandas ``nan``/``NaN``/``<NA>``,
#: ``NaT``, JavaScript ``null``/``undefined``, a pivot table's ``(blank)`` and its Vietnamese
#: ``(trống)``, ``(để trống)``. Empty in every column (fresh tester W's W313, W317, W319, W31C,
#: W31D, W31E: a whole list's rows rejected for ``nan`` in an optional column).
_PROGRAM_EMPTY = frozenset({"nan", "<na>", "nat", "null", "undefined", "(blank)", "(empty)",
                            "(trong)", "(de trong)", "de trong", "trong"})


#: A period cell a program or the form's template left unfilled: ``nan - nan``, ``NaT - NaT``
#: (a script joining two empty dates), ``Từ ngày … đến ngày …``, ``dd/mm/yyyy - dd/mm/yyyy``
#: (the template's guide), as match keys (fresh tester Z's Z029, Z038).
_UNFILLED_END = rf"(?:ngay|thang)?\s*(?:{'|'.join(EMPTY_WORDS)}|dd/mm/yyyy|mm/yyyy|[.…_/\s]*)"
_UNFILLED = re.compile(rf"(?:(?:tu\s+)?{_UNFILLED_END}\s*(?:-|–|den|toi)\s*{_UNFILLED_END}"
                       rf"|dd/mm/yyyy|mm/yyyy)")


def _program_blank(value: object) -> object:
    """``""`` for a cell a program wrote for an empty one (:data:`_PROGRAM_EMPTY`), else the
    value as it is."""
    if isinstance(value, str) and match_key(value).strip() in _PROGRAM_EMPTY:
        return ""
    return value


def _period_blank(value: object) -> object:
    """:func:`_nothing_blank`, and ``""`` for a period left unfilled (:data:`_UNFILLED`)."""
    value = _nothing_blank(value)
    if isinstance(value, str) and _UNFILLED.fullmatch(match_key(value).strip()):
        return ""
    return value


def _placeholder_blank(value: object) -> object:
    """``""`` for a :data:`_PLACEHOLDER` cell, a program's empty (:func:`_program_blank`:
    ``nan``, ``null``) or boxes none of which is ticked (``☐ Hoàn thành ☐ Tiêu biểu``:
    :func:`thidua.ingest.ballot.ballot_choice`; fresh tester H's H36), else the value as it is."""
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    return "" if _PLACEHOLDER.fullmatch(text) or ballot_choice(text) == "" \
        or _program_blank(text) == "" else value


def normalise_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """Canonical values for the data rows of one file.

    Input: :func:`thidua.ingest.read.raw_rows` output, restricted to rows labelled ``"data"``.
    Output, same index (Excel row), one column per form column (missing columns added empty):
    ``model, registrant, position, grassroots_union, note, unit_code`` (str or <NA>);
    ``field`` (``KT``…, or the text as written), ``type`` (``collective``/``individual`` or
    text), ``level`` (``thanh_pho``/``cap_tren_co_so``/``co_so`` or text; derived when empty:
    ``co_so`` when ``Công đoàn cơ sở`` is filled, else ``cap_tren_co_so``), ``result`` (codes,
    ``chua_danh_gia`` when empty), ``period`` (text as written or <NA>), ``period_start`` and
    ``period_end`` (datetime64, NaT when empty or unreadable; from ``Từ ngày`` | ``Đến ngày``
    when the period is in two columns, ``period`` then reads ``"<from> - <to>"``, the end may
    be before the start: see :func:`thidua.ingest.periods.period_of_two`). All object columns are ``str``
    dtype with ``<NA>`` for missing. A ``Chức vụ`` that names the row's own type
    (:func:`thidua.ingest.registrant.type_in_position`: ``Tập thể`` for a collective) is no
    position: ``<NA>``. A dash, dots or a slash alone in an optional column
    (:data:`_PLACEHOLDER`: ``Kết quả`` ``-``) is empty there.
    """
    out = pd.DataFrame(index=raw.index)
    def get(name: str) -> pd.Series:  # a placeholder in an optional column is empty
        if name not in raw:
            return pd.Series("", index=raw.index, dtype=object)
        if name in ("period", "period_from", "period_to"):
            return by_value(raw[name], _period_blank)
        if name in _SAYS_NOTHING:
            return by_value(raw[name], _nothing_blank)
        if name == "result":  # ``N/A``: no result yet
            return by_value(raw[name], _no_result_blank)
        return by_value(raw[name], _placeholder_blank if name in _OPTIONAL else _program_blank)
    for name in TEXT_COLUMNS:
        out[name] = by_value(get(name), _clean_or_na)
    out["field"] = _map_value(get("field"), "field")
    out["type"] = _map_value(get("type"), "type")
    said = by_value(out["position"], type_in_position)  # ``Chức vụ`` = ``Tập thể``: no position
    out["position"] = out["position"].where(said.isna() | (said != out["type"]), pd.NA)
    level = _map_value(get("level"), "level")
    derived = out["grassroots_union"].notna().map({True: "co_so", False: "cap_tren_co_so"})
    out["level"] = level.where(level.notna(), derived)
    result = _map_value(get("result"), "result")
    out["result"] = result.where(result.notna(), "chua_danh_gia")
    periods = by_value(get("period"), parse_period)
    out["period"] = by_value(get("period"), _clean_or_na)
    out["period_start"] = pd.to_datetime(by_value(periods, lambda p: p[0] if p else None))
    out["period_end"] = pd.to_datetime(by_value(periods, lambda p: p[1] if p else None))
    if "period_from" in raw or "period_to" in raw:  # a period in two columns (issue 16.3)
        split = [period_of_two(a, b) for a, b in zip(get("period_from"), get("period_to"))]
        two = pd.DataFrame(split, index=raw.index, columns=["period", "start", "end"])
        given = two["period"].notna()
        out["period"] = out["period"].where(~given, two["period"])
        out["period_start"] = out["period_start"].where(~given, pd.to_datetime(two["start"]))
        out["period_end"] = out["period_end"].where(~given, pd.to_datetime(two["end"]))
    for name in (*TEXT_COLUMNS, "field", "type", "level", "result", "period"):
        out[name] = out[name].astype("str")
    return out


#: The columns of a sheet's rows :func:`normalise_rows` reads.
READ_COLUMNS = (*TEXT_COLUMNS, "field", "type", "level", "result", "period", "period_from",
                "period_to")


def normalise_frames(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """:func:`normalise_rows` of each frame (the data rows of many sheets, of one file or of
    many), in one pass over all their rows: each distinct value is read once for them all
    (issue 10). A column one frame lacks is empty in its rows, as :func:`normalise_rows`
    takes a missing column; every row's result depends on that row only, so each frame gets
    what it gets alone (its own index, same columns and values)."""
    if len(frames) <= 1:
        return [normalise_rows(f) for f in frames]
    columns = list(dict.fromkeys(c for f in frames for c in f.columns if c in READ_COLUMNS))
    together = pd.concat([f.reindex(columns=columns, fill_value="") for f in frames],
                         ignore_index=True)
    out = normalise_rows(together)
    ends = np.cumsum([len(f) for f in frames])
    return [out.iloc[end - len(f):end].set_axis(f.index) for f, end in zip(frames, ends)]
