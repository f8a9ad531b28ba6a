"""The title block of a sheet: ``Mã đơn vị:``, ``Năm:`` and ``Ngày gửi:`` lines, wherever a
unit typed them (``spec/submission-form.md``, "Title block"; its extensions in
``docs/contracts.md``). Which unit and year a file is then is :mod:`thidua.ingest.identify`'s.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from thidua.ingest.titledates import (DATED_LINE, SENDING_STARTS, assumed_sent_date, heading_line,
                                      heading_year, parse_day_month, parse_sent_date,
                                      parse_sent_time, sent_date_problem, undated_line,
                                      undated_problem)
from thidua.ingest.unitnames import unit_in_line
from thidua.ingest.workbook import FileRejected
from thidua.text import clean_text, fold_code, match_key, year_digits

__all__ = ["TitleBlock", "checked_sent_date", "parse_sent_date", "parse_title", "year_remark",
           "year_span"]

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")


@dataclass(frozen=True)
class TitleBlock:
    """What the title block says: ``Mã đơn vị:``, ``Năm:`` and ``Ngày gửi:`` lines (or None)."""

    unit_code: str | None = None
    year: int | None = None
    sent_date: dt.date | None = None
    sent_text: str | None = None  # the ``Ngày gửi:`` text, kept when it is not a readable date
    lines: tuple[str, ...] = field(default=(), compare=False)  # every title cell, for a unit
    # named but not coded (:func:`unit_by_name`)
    heading_year: int | None = field(default=None, compare=False)  # ``… NĂM 2025`` in a heading
    year_span: tuple[int, int] | None = None  # ``Năm: 2024-2025``: first and last year
    sent_time: dt.time | None = None  # the time of day written with the sent date
    #: The title's text that gave ``year`` and ``unit_code``, as the file holds it (``Năm:
    #: 2025``, ``Năm báo cáo - 2025``, a heading ``… NĂM 2025``), for messages that quote it.
    year_text: str | None = field(default=None, compare=False)
    code_text: str | None = field(default=None, compare=False)
    #: The ``Năm:`` line when it gave its year in two digits (``Năm: 24`` read as 2024), told.
    short_year_text: str | None = field(default=None, compare=False)
    #: The ``Năm:`` line when it typed the letter O for a zero (``Năm: 2O24``), told.
    lettered_year_text: str | None = field(default=None, compare=False)
    #: A sent date written without its year (``Ngày gửi: 20/11``, ``Hà Nội, ngày 20 tháng
    #: 11``): ``(day, month, the line as told)``; its year is :func:`checked_sent_date`'s.
    sent_undated: tuple[int, int, str] | None = None
    #: A full date the title gives beside a sent date without its year (a dated line with its
    #: year, another date label): the year is taken from it, never assumed.
    dated_elsewhere: dt.date | None = field(default=None, compare=False)


#: Title labels as match keys, longest first (``Ngày gửi báo cáo`` before ``Ngày gửi``), and
#: what each gives (``spec/submission-form.md``, "Title block"; issue 16.2).
_LABELS = (("ngay gui bao cao", "sent"), ("nam bao cao", "year"), ("ma so don vi", "code"),
           ("nam thuc hien", "year"), ("ngay lap bieu", "sent"), ("ngay bao cao", "sent"),
           ("nam dang ky", "year"), ("ma don vi", "code"), ("ngay gui", "sent"),
           ("ngay lap", "sent"), ("ma so dv", "code"), ("ma dv", "code"), ("nam", "year"))


#: What may stand between a label and its value instead of a colon (``Mã đơn vị - Q-DD``),
#: or alone in the cell between them (``Mã đơn vị`` | ``:`` | ``Q-DD``).
_SEPARATOR = re.compile(r"^\s*[:\-–—=]\s*")
#: A label with its colon after other text of a cell: where a second labelled value starts
#: (``Mã đơn vị: Q-HK   Năm: 2024`` in one cell), over the cell's match key.
_LATER_LABEL = re.compile(r"\s(" + "|".join(re.escape(label) for label, _ in _LABELS)
                          + r")\s*:")


#: A label at the start of a cell's match key, longest first (as :data:`_LABELS`), ending the
#: key or followed by a colon or a space; and the kind each label gives.
_STARTING_LABEL = re.compile(r"(" + "|".join(re.escape(label) for label, _ in _LABELS)
                             + r")(?=$|[:.;,/ ])")
_KINDS = dict(_LABELS)
#: Colons of other scripts a copy from the web or an Asian keyboard leaves (``Năm：2023``,
#: full-width; ``﹕`` small, ``∶`` ratio, ``꞉`` modifier): read as ``:``.
_COLON_LIKE = re.compile(r"[\uff1a\ufe55\u2236\ua789\ufe13]")
#: A full stop, a semicolon, a comma or a slash typed for the colon right after a label
#: (``Năm. 2023``, ``Năm, 2023``, ``Năm/2023``).
_STOP_AFTER = re.compile(r"^([^.;:,/]*)[.;,/]\s*(.*)$", re.DOTALL)


def _label(cell: str) -> tuple[str, str, bool] | None:
    """``(kind, value, colon)`` when a title cell starts with a label: the text after it
    (after the colon, or a dash, when there is one; ``""`` when the cell holds the label only)
    and whether a colon or dash followed the label; ``None`` otherwise. A colon of another
    script (``：``) is a colon, and so is a full stop, a semicolon or a comma right after the
    label (``Năm. 2023``, ``Năm;2023``, ``Năm, 2023``): a slip of the key next to it."""
    cell = _COLON_LIKE.sub(":", cell)
    key = match_key(cell)
    if (found := _STARTING_LABEL.match(key)) is None:  # one pass over the labels
        return None
    label = found.group(1)
    kind = _KINDS[label]
    if key[len(label):].lstrip().startswith(":"):
        return kind, clean_text(cell.split(":", 1)[1]), True
    if key[len(label):len(label) + 1] in (".", ";", ",", "/") and (
            stop := _STOP_AFTER.match(cell)) and match_key(stop[1]).strip() == label:
        value = clean_text(stop[2])  # a year or a date starts with a digit: ``Năm, tháng`` is none
        return kind, value, kind == "code" or value[:1].isdigit()
    words = clean_text(cell).split(" ")
    value = " ".join(words[len(label.split(" ")):])
    if (bare := _SEPARATOR.sub("", value, count=1)) != value:
        return kind, bare, True  # ``Mã đơn vị - Q-DD``
    return kind, value, False


#: A year after a unit code in the code's cell, without a colon of its own (``Mã đơn vị: Q-HK,
#: năm 2023``, ``… - Năm 2023``, ``… (năm 2023)``), over the cell's match key.
_YEAR_AFTER_CODE = re.compile(r"[\s,;(\[\-]\s*(nam(?: bao cao| thuc hien| dang ky)?)\s+(?:19|20)\d\d\b")


def _segments(cell: str) -> list[str]:
    """A title cell holding labelled values after its start (``Mã đơn vị: Q-HK   Năm: 2024``,
    ``LĐLĐ QUẬN HOÀN KIẾM Mã đơn vị: Q-HK``) as one text per label, each read on its own, and
    a year written after a code in its cell (``Mã đơn vị: Q-HK, năm 2023``) as a text of its
    own; any other cell as itself."""
    text = _COLON_LIKE.sub(":", clean_text(cell))
    key = match_key(text)
    if len(key) != len(text):
        return [text]
    cuts = [m.start(1) for m in _LATER_LABEL.finditer(key)]
    if (found := _label(text)) is not None and found[0] == "code":
        cuts += [m.start(1) for m in _YEAR_AFTER_CODE.finditer(key)]
    bounds = [0, *sorted(set(cuts)), len(text)]
    return [part for a, b in zip(bounds, bounds[1:])
            if (part := text[a:b].strip(" ,;([-–").strip())]


def _labelled(rows: list[list[str]]):
    """``(kind, value, strict)`` for each label of the title rows: the value in the same
    cell (``Ngày gửi: 05/12/2024``, ``Ngay gui 05/12/2024``), or, for a cell holding the label
    alone, in the next non-empty cell of the row (``Ngày gửi:`` | ``05/12/2024``), past a cell
    holding only a colon or dash (``Ngày gửi`` | ``:`` | ``05/12/2024``, the colons aligned in
    a column of their own). A cell holding several labels gives each (:func:`_segments`).
    ``strict`` when a colon (or dash) marks the value as meant for that label; ``said``
    the cells read, as written (``Năm: 2025``; ``Năm`` | ``:`` | ``2025`` as ``Năm: 2025``)."""
    for row in rows:
        cells = [part for cell in ([row] if isinstance(row, str) else row)
                 for part in _segments(cell)]
        i = 0
        while i < len(cells):
            found = _label(cells[i])
            if found is not None:
                start = i
                kind, value, colon = found
                if not value and i + 2 < len(cells) and _SEPARATOR.fullmatch(cells[i + 1]):
                    i, colon = i + 1, True  # the colon in a cell of its own
                if not value and i + 1 < len(cells) and _label(cells[i + 1]) is None:
                    i += 1
                    value = clean_text(cells[i])
                if value:
                    yield kind, value, colon, " ".join(cells[start:i + 1]).replace(" :", ":")
            i += 1


#: A ``Năm:`` value that is a date and nothing else (``01/01/2024``: a date cell), never a
#: year with a date in its remark (``2024 (số liệu đến 30/11/2023)``).
_WHOLE_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")


def parse_title(rows: list[list[str]] | list[str]) -> TitleBlock:
    """Read ``Mã đơn vị: X``, ``Năm: Y`` and ``Ngày gửi: …`` from the title block.

    ``rows``: :func:`thidua.ingest.read.title_rows` (a row's cells, left to right), or lines
    (one cell each). A label is matched in any case, with or without diacritics and colon,
    ``Ngày gửi báo cáo`` included; its value is in the same cell or the next one
    (:func:`_labelled`, issue 16.2). Other text is ignored. A ``Năm:`` holding a date (``01/01/2024``, a date cell) is its year; one after a colon that is not
    a 4-digit year raises :class:`thidua.ingest.read.FileRejected` (the year decides where the
    file counts); a ``Ngày gửi:`` that is not a date does not (it only orders a unit's files):
    it is kept as ``sent_text``. Without a colon, a value counts only when it has the shape of
    its label's (a year, a code, a date): ``Năm học 2024-2025`` or ``Nam Định`` say nothing.
    Labels in other words count the same (``Mã số đơn vị``, ``Năm thực hiện``, ``Ngày báo
    cáo``, ``Ngày lập biểu``), and without a ``Ngày gửi:`` the document's dated line (``Hà Nội,
    ngày 05 tháng 12 năm 2024``) gives the sent date.
    """
    code = year = sent = sent_text = span_ = sent_time = year_text = code_text = short = None
    lettered = undated = None
    full: list[dt.date] = []  # the title's full dates, for a sent date without its year
    for kind, value, strict, said in _labelled(rows):
        if kind == "code":
            candidate = re.sub(r"\s*[(\[].*$", "", value).strip().upper()  # no ``(Ba Đình)``
            if strict or _CODE.match(fold_code(candidate).replace(" ", "")):
                code = candidate if strict else candidate.replace(" ", "")
                code_text = said
        elif kind == "year":
            written, typed = value, _zeros_for_letters(value)  # ``2O24``
            value = year_digits(_typed_digits(typed))  # ``2.024``, ``２０２４``, ``2 0 2 4``
            years = set(re.findall(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)", value))
            words = re.sub(r"(?<!\d)\d{4}(?!\d)|nam|bao cao|[\s.,:;()]", "", match_key(value))
            if len(years) == 1 and not words:  # ``2024``, ``năm 2024``, ``2024.``, ``(2024)``
                year, year_text = int(years.pop()), said
                lettered = said if typed != written else None
            elif span := year_span(value):
                span_ = span
            elif strict and (remarked := year_with_remark(value)):  # ``2024 (bổ sung)``
                year, year_text = remarked, said
            elif strict and (two := re.fullmatch(r"\s*(\d{2})\s*\.?\s*", value)):  # ``24``
                year, year_text, short = 2000 + int(two[1]), said, said
            elif strict and _WHOLE_DATE.fullmatch(value.strip()) \
                    and (day := parse_sent_date(value)):  # a date cell: ``01/01/2024``
                year, year_text = day.year, said
            elif strict:
                raise FileRejected(f"Dòng 'Năm: {value}' ở phần tiêu đề không phải là một năm "
                                   f"(cần một năm 4 chữ số, ví dụ 'Năm: 2024').")
        elif kind == "sent":
            date = parse_sent_date(value)
            day_month = None if date else parse_day_month(value)  # ``Ngày gửi: 20/11``
            full += [date] if date else []
            if date or strict or day_month:
                sent, sent_text = date, None if date or day_month else value
                sent_time = parse_sent_time(value) if date else None
                undated = (*day_month, said) if day_month else None
    cells = [c for row in rows for c in ([row] if isinstance(row, str) else row)]
    dated = next((date for cell in cells if (m := DATED_LINE.match(match_key(cell)))
                  and (date := parse_sent_date(m[1]))), None)  # ``Hà Nội, ngày 05 tháng 12 năm 2024``
    if sent is None and sent_text is None and undated is None:
        sent = dated
        if dated is None:  # ``Hà Nội, ngày 20 tháng 11``: its year assumed
            undated = next(((*day_month, clean_text(cell)) for cell in cells
                            if isinstance(cell, str) and (day_month := undated_line(cell))), None)
    lines = tuple(clean_text(c) for row in rows for c in ([row] if isinstance(row, str) else row))
    named = heading_year(lines)
    if year is None and span_ is None:  # no ``Năm:`` line: the heading's ``… NĂM 2023``
        year, year_text = named, heading_line(lines, named)
    return TitleBlock(code, year, sent, sent_text, tuple(t for t in lines if t), named,
                      span_ if year is None else None, sent_time, year_text, code_text,
                      short if year_text == short else None,
                      lettered if year_text == lettered else None, undated,
                      (dated or (full[-1] if full else None)) if undated else None)


#: A year typed with the letter O for a zero (``2O24``, ``2o25``, ``2OO4``): four characters of
#: digits and O, the first a 1 or a 2, no letter or digit on either side (``2Ox4`` is none).
_LETTERED_YEAR = re.compile(r"(?<![^\W_])([12][0-9Oo]{3})(?![^\W_])")


def _zeros_for_letters(value: str) -> str:
    """A ``Năm:`` value with each year typed with the letter O for a zero
    (:data:`_LETTERED_YEAR`, at least two real digits) written with zeros: ``2O24`` → ``2024``
    (fresh tester J's J100: the whole file was rejected). Other text unchanged."""
    return _LETTERED_YEAR.sub(lambda m: m[1].translate(_O_TO_ZERO)
                              if sum(c.isdigit() for c in m[1]) >= 2 else m[1], value)


_O_TO_ZERO = str.maketrans("Oo", "00")


def _typed_digits(value: str) -> str:
    """A ``Năm:`` value with digits typed otherwise as ASCII digits: full-width (``２０２４``,
    a phone's or an Asian keyboard) and a year's four digits spaced out (``2 0 2 4``)."""
    value = "".join(unicodedata.normalize("NFKC", ch) if ch.isdigit() else ch for ch in value)
    return re.sub(r"(?<!\d)(?<!\d )(\d) (\d) (\d) (\d)(?!\d)(?! \d)", r"\1\2\3\4", value)


#: A ``Năm:`` value that is a year, then a remark after a bracket, comma or semicolon, or a
#: word, alone or after a dash (``2024-25`` is a school year, never 2024): ``2024 (bổ sung)``, ``2024 - Đợt 2``, ``2024, số liệu đến 30/11/2024``, ``2024
#: đợt 2`` (as a match key).
_REMARKED = re.compile(r"(?:nam\s*)?((?:19|20|21)\d{2})"
                       r"(?:\s*[(\[,;]\s*\S|\s*-\s*[^\W\d_]|\s+[^\W\d_])")


def year_with_remark(value: str) -> int | None:
    """The year of a ``Năm:`` value written as a year and a remark (:data:`_REMARKED`) that
    names no other year (a date of the same year may stand in it: ``2024 (số liệu tính đến
    30/11/2024)``), else ``None``: ``2024 (số liệu đến 30/11/2023)`` names two years, and a
    span (``2024 - 2025``) is read by :func:`year_span`. The remark says nothing the report
    needs (fresh tester A's case 60: the whole file was rejected for it)."""
    key = match_key(year_digits(value))
    found = _REMARKED.match(key)
    if not found or set(re.findall(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)", key)) != {found[1]}:
        return None
    return None if year_span(value) else int(found[1])


#: A ``Năm:`` value naming a span of years (``2024-2025``, ``2024 – 2025``, ``2024/2025``,
#: ``từ 2024 đến 2025``, ``năm 2024 - năm 2025``), as a match key.
_SPAN = re.compile(r"(?:(?:tu|nam) )*(\d{4}) ?(?:-|/|~|den|toi)(?: ?nam)? ?(\d{4})")


def year_span(value: str) -> tuple[int, int] | None:
    """The first and last year of a ``Năm:`` value naming a span of at most six years
    (``2024-2025`` → ``(2024, 2025)``; a term ``2023 - 2028`` too), or ``None`` (one year, a
    span backwards or longer, other words). Which of its years the file counts in is the
    folder's (:func:`thidua.ingest.identify.resolve_year`): an extension of
    ``spec/submission-form.md``, "Which unit and which year" (``docs/contracts.md``)."""
    key = re.sub(r"\s*([-/~])\s*", r"\1", match_key(year_digits(value)))
    m = _SPAN.fullmatch(key.strip(" .;,()"))
    if not m:
        return None
    first, last = int(m[1]), int(m[2])
    return (first, last) if 1900 <= first < last <= first + 5 else None


def year_remark(title: TitleBlock, year: int) -> str | None:
    """The line telling a unit that its heading names another year than its ``Năm:`` line
    (``DANH SÁCH … NĂM 2025`` over ``Năm: 2024``: next year's list typed into this year's
    template, or the reverse): the ``Năm:`` line decides, told; or that its ``Năm:`` names a
    span of years (``2024-2025``) and the file counted in ``year``, its folder's; else
    ``None``."""
    if title.year_span:
        first, last = title.year_span
        return (f"Dòng 'Năm:' ở tiêu đề ghi {first}-{last} (nhiều năm): đã tính vào năm {year} "
                f"theo thư mục của tệp. Mỗi năm gửi một danh sách; đề nghị ghi một năm, ví dụ "
                f"'Năm: {year}'.")
    if title.lettered_year_text and title.year is not None:
        return (f"Dòng '{title.lettered_year_text}' ở tiêu đề ghi chữ 'O' thay cho số 0: đã "
                f"hiểu là năm {title.year}; đề nghị lần sau gõ số, ví dụ 'Năm: {title.year}'.")
    if title.short_year_text and title.year is not None:
        return (f"Dòng '{title.short_year_text}' ở tiêu đề ghi năm bằng 2 chữ số: đã hiểu là năm "
                f"{title.year}; đề nghị lần sau ghi đủ 4 chữ số, ví dụ 'Năm: {title.year}'.")
    if title.heading_year is None or title.year is None or title.heading_year == title.year:
        return None
    return (f"Tiêu đề ghi năm {title.heading_year} nhưng dòng 'Năm:' ghi {title.year}: đã tính "
            f"vào năm {title.year} theo dòng 'Năm:'. Nếu đây là danh sách năm "
            f"{title.heading_year}, đề nghị gửi vào năm {title.heading_year}; nếu không, sửa "
            f"năm ở tiêu đề.")


def checked_sent_date(title: TitleBlock, year: int) -> tuple[dt.date | None, str | None]:
    """The sent date to order a unit's files by, and a remark for the unit when the title's
    ``Ngày gửi:`` is ignored: unreadable, or outside the report year and the year after it
    (when reports for ``year`` are sent; a typo such as 2031 would otherwise date the report).

    A sent date written without its year (``Ngày gửi: 20/11``, ``05 tháng 12``, ``Hà Nội,
    ngày 20 tháng 11``: :attr:`TitleBlock.sent_undated`) is read with the year
    :func:`thidua.ingest.titledates.assumed_sent_date` gives it (the report year from July on,
    the next year before; the year of a full date the title gives elsewhere when it does) and
    the unit is told the year was assumed ("… không ghi năm: đã hiểu là ngày 20/11/2024 …");
    one whose day does not exist (``31/11``, ``30/2``) is told as unreadable. Before, such a
    date was ignored and the modification time chose the older file (fresh tester AA's AA47,
    AA57). An extension of ``spec/submission-form.md``, "Corrections"."""
    if title.sent_undated:
        day, month, said = title.sent_undated
        near = title.dated_elsewhere
        assumed, sent = assumed_sent_date(day, month, year, near)
        if sent is None:
            return None, (f"Dòng '{said}' không đọc được ({undated_problem(day, month, assumed)}); "
                          f"đã dùng thời gian sửa tệp thay cho ngày gửi.")
        why = (f"theo ngày {near:%d/%m/%Y} ghi ở tiêu đề" if near else
               f"danh sách năm {year} gửi từ tháng {SENDING_STARTS:02d}/{year} đến tháng "
               f"{SENDING_STARTS - 1:02d}/{year + 1}")
        if not dt.date(year, 1, 1) <= sent <= dt.date(year + 1, 12, 31):
            return None, (f"Dòng '{said}' không ghi năm; theo ngày {near:%d/%m/%Y} ghi ở tiêu đề "
                          f"là ngày {sent:%d/%m/%Y}, nằm ngoài năm {year} và năm {year + 1}; đã "
                          f"dùng thời gian sửa tệp thay cho ngày gửi.")
        return sent, (f"Dòng '{said}' không ghi năm: đã hiểu là ngày {sent:%d/%m/%Y} ({why}); "
                      f"đề nghị lần sau ghi đủ ngày, tháng, năm, ví dụ 'Ngày gửi: "
                      f"{sent:%d/%m/%Y}'.")
    if title.sent_text:
        why = sent_date_problem(title.sent_text)  # ``31/11/2024``: no such day
        return None, (f"Dòng 'Ngày gửi: {title.sent_text}' không đọc được ({why}); "
                      f"đã dùng thời gian sửa tệp thay cho ngày gửi.")
    sent = title.sent_date
    if sent and not dt.date(year, 1, 1) <= sent <= dt.date(year + 1, 12, 31):
        return None, (f"Ngày gửi {sent:%d/%m/%Y} nằm ngoài năm {year} và năm {year + 1}; đã dùng "
                      f"thời gian sửa tệp thay cho ngày gửi.")
    return sent, None


#: A section's numbering alone in a cell before a unit's name (``II``, ``B.``, ``3)``).
_NUMBERING = re.compile(r"(?:[IVXLC]{1,4}|\d{1,2}|[A-Ea-e])[.)]?")
#: The first letter of every title label (``Mã …``, ``Năm …``, ``Ngày …``), in both cases.
_FIRST_LETTERS = frozenset("mMnN")


def is_title_line(row: list[object],
                  names: tuple[tuple[str, str], ...] | dict[str, str] = ()) -> bool:
    """Whether a row below the header is a title line typed in the table's place (above the
    table's first row, under it, or anywhere in it): its only text is title labels with their
    values (``Mã đơn vị: Q-HK - Năm: 2023`` in one cell, ``Mã đơn vị: Q-HK`` | … | ``Năm:
    2023`` in two, ``Năm`` | ``:`` | ``2023``), at least one of them marked by its colon (or a
    dash) or a unit code after ``Mã đơn vị`` (``Mã đơn vị`` | ``Q-BD``), and each value one
    :func:`parse_title` reads (a code, a year, a date); or, with ``names`` (code → registry
    name, or its pairs), a unit's line (:func:`title_line_kind` ``"unit"``). A merged cell
    repeated over the row counts once; each line of a cell typed with Alt+Enter is read on its
    own. ``Năm 2024`` alone (a period typed in the row) or a ``Năm:`` that is not a year is
    not one: such a row stays a row of the table. An extension of
    ``spec/submission-form.md``, "Title block" (``docs/contracts.md``)."""
    return title_line_kind(row, names) is not None


def title_line_kind(row: list[object],
                    names: tuple[tuple[str, str], ...] | dict[str, str] = ()) -> str | None:
    """``"labels"`` when ``row`` is a title line of labels with values (:func:`is_title_line`),
    ``"unit"`` when, with ``names``, its only text names units: a unit's whole name
    (``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``, ``Đơn vị: LĐLĐ q. Ba Đình``,
    :func:`thidua.ingest.unitnames.unit_named`) or code (``Q-BD``,
    :func:`thidua.ingest.unitnames.unit_coded`), after a numbering (``1``, ``II``, ``B.``),
    or a unit's name with one note beside it (``… quận Ba Đình`` | ``chuyển sang``); else
    ``None``."""
    # blank and first letter as :func:`_label` reads them (:func:`match_key`: a zero-width
    # space, a soft hyphen or a BOM before ``Năm:`` is no text, ``Ń`` is ``n``)
    first = next((v for v in row if not (v is None or isinstance(v, str) and not clean_text(v))),
                 None)
    if first is None:
        return None
    if not (isinstance(first, str) and match_key(first)[:1] in _FIRST_LETTERS
            and _label(next((line for line in first.splitlines() if clean_text(line)), ""))
            is not None) and not (names and len(
                {v for v in row if not (v is None or isinstance(v, str) and not v.strip())}) <= 3):
        return None  # a registration starts with its STT or its model: the common case, fast
    values = [v for v in row if not (v is None or isinstance(v, str) and not clean_text(v))]
    texts = list(dict.fromkeys(
        t for v in values for line in (str(v).replace("\r\n", "\n").replace("\r", "\n").split("\n")
                                       if isinstance(v, str) else [v])
        if (t := clean_text(line))))
    cells = [part for text in texts for part in _segments(text)]
    strict, unit, i = False, False, 0
    while i < len(cells):
        if names and unit_in_line(cells[i], names):
            unit, i = True, i + 1  # ``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH`` on a line of its own
            continue
        if names and i + 1 < len(cells) and _NUMBERING.fullmatch(cells[i]):
            i += 1  # ``II`` | ``Công đoàn ngành Y tế``: a section's numbering in a cell
            continue
        found = _label(cells[i])
        if found is None and unit and len(cells) == 2:
            break  # ``Liên đoàn Lao động quận Ba Đình`` | ``chuyển sang``: a note beside it
        if found is None:
            return None
        kind, value, colon = found
        if not value and i + 2 < len(cells) and _SEPARATOR.fullmatch(cells[i + 1]):
            i, colon = i + 1, True  # ``Năm`` | ``:`` | ``2023``
        if not value and i + 1 < len(cells) and _label(cells[i + 1]) is None:
            i += 1
            value = cells[i]
        try:
            read = _read_one(kind, value, colon)
        except FileRejected:
            return None
        if not read:
            return None
        strict = strict or colon or kind == "code"  # ``Mã đơn vị`` | ``Q-BD``: a code's shape
        i += 1
    return "labels" if strict else "unit" if unit else None


def _read_one(kind: str, value: str, colon: bool) -> bool:
    """Whether one label's value says something :func:`parse_title` keeps (raises
    :class:`FileRejected` as it does for a ``Năm:`` that is not a year)."""
    label = {"code": "Mã đơn vị", "year": "Năm", "sent": "Ngày gửi"}[kind]
    title = parse_title([[f"{label}{':' if colon else ''} {value}"]])
    return bool(title.unit_code or title.year or title.year_span or title.sent_date
                or title.sent_text or title.sent_undated)
