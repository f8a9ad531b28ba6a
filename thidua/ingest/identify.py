"""Which unit sent a file, for which year, and when (``spec/submission-form.md``,
"Title block", "Which unit and which year", "Corrections")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from thidua.ingest.read import FileRejected
from thidua.ingest.unitcodes import code_rejections, column_unit, registry_code
from thidua.text import clean_text, fold_code, foreign_letters_note, match_key

__all__ = ["TitleBlock", "checked_sent_date", "code_from_filename", "code_note", "code_rejections",
           "column_unit", "folder_year", "parse_sent_date", "parse_title", "registry_code",
           "resolve_unit", "resolve_year", "title_code", "unit_by_name"]

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


#: Title labels as match keys, longest first (``Ngày gửi báo cáo`` before ``Ngày gửi``), and
#: what each gives (``spec/submission-form.md``, "Title block"; issue 16.2).
_LABELS = (("ngay gui bao cao", "sent"), ("nam bao cao", "year"), ("ma so don vi", "code"),
           ("nam thuc hien", "year"), ("ngay lap bieu", "sent"), ("ngay bao cao", "sent"),
           ("nam dang ky", "year"), ("ma don vi", "code"), ("ngay gui", "sent"),
           ("ngay lap", "sent"), ("ma so dv", "code"), ("ma dv", "code"), ("nam", "year"))
#: The dated line of a Vietnamese document (``Hà Nội, ngày 05 tháng 12 năm 2024``): its date
#: is the sent date when no ``Ngày gửi:`` says otherwise.
_DATED_LINE = re.compile(r"^[^,]{1,40},\s*(ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})")


#: What may stand between a label and its value instead of a colon (``Mã đơn vị - Q-DD``),
#: or alone in the cell between them (``Mã đơn vị`` | ``:`` | ``Q-DD``).
_SEPARATOR = re.compile(r"^\s*[:\-–—=]\s*")
#: A label with its colon after other text of a cell: where a second labelled value starts
#: (``Mã đơn vị: Q-HK   Năm: 2024`` in one cell), over the cell's match key.
_LATER_LABEL = re.compile(r"\s(" + "|".join(re.escape(label) for label, _ in _LABELS)
                          + r")\s*:")


def _label(cell: str) -> tuple[str, str, bool] | None:
    """``(kind, value, colon)`` when a title cell starts with a label: the text after it
    (after the colon, or a dash, when there is one; ``""`` when the cell holds the label only)
    and whether a colon or dash followed the label; ``None`` otherwise."""
    key = match_key(cell)
    for label, kind in _LABELS:
        if key == label or key.startswith(label + ":") or key.startswith(label + " "):
            rest = key[len(label):].lstrip()
            if rest.startswith(":"):
                return kind, clean_text(cell.split(":", 1)[1]), True
            words = clean_text(cell).split(" ")
            value = " ".join(words[len(label.split(" ")):])
            if (bare := _SEPARATOR.sub("", value, count=1)) != value:
                return kind, bare, True  # ``Mã đơn vị - Q-DD``
            return kind, value, False
    return None


#: A year after a unit code in the code's cell, without a colon of its own (``Mã đơn vị: Q-HK,
#: năm 2023``, ``… - Năm 2023``, ``… (năm 2023)``), over the cell's match key.
_YEAR_AFTER_CODE = re.compile(r"[\s,;(\[\-]\s*(nam(?: bao cao| thuc hien| dang ky)?)\s+(?:19|20)\d\d\b")


def _segments(cell: str) -> list[str]:
    """A title cell holding labelled values after its start (``Mã đơn vị: Q-HK   Năm: 2024``,
    ``LĐLĐ QUẬN HOÀN KIẾM Mã đơn vị: Q-HK``) as one text per label, each read on its own, and
    a year written after a code in its cell (``Mã đơn vị: Q-HK, năm 2023``) as a text of its
    own; any other cell as itself."""
    text = clean_text(cell)
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
    ``strict`` when a colon (or dash) marks the value as meant for that label."""
    for row in rows:
        cells = [part for cell in ([row] if isinstance(row, str) else row)
                 for part in _segments(cell)]
        i = 0
        while i < len(cells):
            found = _label(cells[i])
            if found is not None:
                kind, value, colon = found
                if not value and i + 2 < len(cells) and _SEPARATOR.fullmatch(cells[i + 1]):
                    i, colon = i + 1, True  # the colon in a cell of its own
                if not value and i + 1 < len(cells) and _label(cells[i + 1]) is None:
                    i += 1
                    value = clean_text(cells[i])
                if value:
                    yield kind, value, colon
            i += 1


#: The shapes of a ``Ngày gửi:`` value (``spec/submission-form.md``, "Title block"): regex over
#: the match key, and the groups of year, month, day. A year of two digits is 20yy. A number
#: never runs into another (``2024-12-05`` is never read as ``24-12-05``).
_SENT_FORMATS = (
    (r"(?<!\d)(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)", (1, 2, 3)),  # 2024-12-05
    (r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)", (3, 2, 1)),
    # 05/12/2024, 5/12/24, 05-12-2024, 05.12.2024
    (r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}|\d{2})(?!\d)", (3, 2, 1)),
    # ngày 2 tháng 12 năm 2024
)


def parse_sent_date(value: str) -> dt.date | None:
    """A ``Ngày gửi:`` value as a date: ``dd/mm/yyyy``, ``d/m/yy`` (a two-digit year is 20yy),
    with ``/``, ``-`` or ``.`` between, ``yyyy-mm-dd``, ``ngày d tháng m năm yyyy``, or Excel's
    day number of a date cell shown as a number (``45631``, 2000–2099); ``None`` when it is
    none of them or not a real date (31/02). Whether the date is plausible (the report year or
    the next) is :func:`checked_sent_date`'s."""
    key = match_key(value)
    if re.fullmatch(r"\d{5}(\.0+)?", key) and 36526 <= float(key) < 73051:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(key)))
    for pattern, (y, m, d) in _SENT_FORMATS:
        if found := re.search(pattern, key):
            year = int(found.group(y))
            year += 2000 if len(found.group(y)) == 2 else 0
            try:
                return dt.date(year, int(found.group(m)), int(found.group(d)))
            except ValueError:
                return None
    return None


def parse_title(rows: list[list[str]] | list[str]) -> TitleBlock:
    """Read ``Mã đơn vị: X``, ``Năm: Y`` and ``Ngày gửi: …`` from the title block.

    ``rows``: :func:`thidua.ingest.read.title_rows` (a row's cells, left to right), or lines
    (one cell each). A label is matched in any case, with or without diacritics and colon,
    ``Ngày gửi báo cáo`` included; its value is in the same cell or the next one
    (:func:`_labelled`, issue 16.2). Other text is ignored. A ``Năm:`` after a colon that is not
    a 4-digit year raises :class:`thidua.ingest.read.FileRejected` (the year decides where the
    file counts); a ``Ngày gửi:`` that is not a date does not (it only orders a unit's files):
    it is kept as ``sent_text``. Without a colon, a value counts only when it has the shape of
    its label's (a year, a code, a date): ``Năm học 2024-2025`` or ``Nam Định`` say nothing.
    Labels in other words count the same (``Mã số đơn vị``, ``Năm thực hiện``, ``Ngày báo
    cáo``, ``Ngày lập biểu``), and without a ``Ngày gửi:`` the document's dated line (``Hà Nội,
    ngày 05 tháng 12 năm 2024``) gives the sent date.
    """
    code = year = sent = sent_text = None
    for kind, value, strict in _labelled(rows):
        if kind == "code":
            candidate = re.sub(r"\s*[(\[].*$", "", value).strip().upper()  # no ``(Ba Đình)``
            if strict or _CODE.match(fold_code(candidate).replace(" ", "")):
                code = candidate if strict else candidate.replace(" ", "")
        elif kind == "year":
            years = set(re.findall(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)", value))
            words = re.sub(r"(?<!\d)\d{4}(?!\d)|nam|bao cao|[\s.,:;()]", "", match_key(value))
            if len(years) == 1 and not words:  # ``2024``, ``năm 2024``, ``2024.``, ``(2024)``
                year = int(years.pop())
            elif strict:
                raise FileRejected(f"Dòng 'Năm: {value}' ở phần tiêu đề không phải là một năm "
                                   f"(cần một năm 4 chữ số, ví dụ 'Năm: 2024').")
        elif kind == "sent":
            date = parse_sent_date(value)
            if date or strict:
                sent, sent_text = date, None if date else value
    if sent is None and sent_text is None:  # ``Hà Nội, ngày 05 tháng 12 năm 2024``
        for cell in (c for row in rows for c in ([row] if isinstance(row, str) else row)):
            if (m := _DATED_LINE.match(match_key(cell))) and (date := parse_sent_date(m[1])):
                sent = date
                break
    lines = tuple(clean_text(c) for row in rows for c in ([row] if isinstance(row, str) else row))
    return TitleBlock(code, year, sent, sent_text, tuple(t for t in lines if t))


def checked_sent_date(title: TitleBlock, year: int) -> tuple[dt.date | None, str | None]:
    """The sent date to order a unit's files by, and a remark for the unit when the title's
    ``Ngày gửi:`` is ignored: unreadable, or outside the report year and the year after it
    (when reports for ``year`` are sent; a typo such as 2031 would otherwise date the report)."""
    if title.sent_text:
        return None, (f"Dòng 'Ngày gửi: {title.sent_text}' không đọc được (cần dd/mm/yyyy); "
                      f"đã dùng thời gian sửa tệp thay cho ngày gửi.")
    sent = title.sent_date
    if sent and not dt.date(year, 1, 1) <= sent <= dt.date(year + 1, 12, 31):
        return None, (f"Ngày gửi {sent:%d/%m/%Y} nằm ngoài năm {year} và năm {year + 1}; đã dùng "
                      f"thời gian sửa tệp thay cho ngày gửi.")
    return sent, None


def title_code(text: str, known_codes: set[str] | frozenset[str]) -> str:
    """The code of a title's ``Mã đơn vị:`` value: all of it read as a code
    (:func:`registry_code`), else its one word that is a registry code (``Q-BD - LĐLĐ quận Ba
    Đình``), else the value as written, spaces removed (for the message)."""
    if code := registry_code(text, known_codes):
        return code
    found = {c for w in re.split(r"[\s,;()\[\]]+", text) if (c := registry_code(w, known_codes))}
    return found.pop() if len(found) == 1 else text.replace(" ", "")


#: Short forms of a unit name's words in titles (``LĐLĐ quận Ba Đình``), as match keys.
_NAME_SHORT = (("ldld", "lien doan lao dong"), ("cdcs", "cong doan co so"), ("cd", "cong doan"),
               ("tp", "thanh pho"), ("tx", "thi xa"), ("q", "quan"), ("h", "huyen"))


def _name_key(text: str) -> str:
    """A unit name as words without diacritics, short forms spelled out, punctuation as
    spaces: ``LĐLĐ Q. Ba Đình`` → ``lien doan lao dong quan ba dinh``."""
    words = re.findall(r"[a-z0-9]+", match_key(text))
    full = dict(_NAME_SHORT)
    return " ".join(full.get(w, w) for w in words)


def unit_by_name(lines: tuple[str, ...], names: dict[str, str]) -> str | None:
    """The one unit of ``names`` (code → registry name) whose whole name a title line holds
    (``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``, ``LĐLĐ quận Ba Đình``), else ``None`` (no unit, or
    several: a line naming the Federation itself names no unit under it)."""
    # ``… Hà Nội`` at the end of a registry name may be left out (``Công đoàn ngành Y tế``)
    keys = {code: f" {re.sub(r'( thanh pho)? ha noi$', '', _name_key(name))} "
            for code, name in names.items()}
    found = {code for line in lines for code, key in keys.items()
             if key.strip() and key in f" {_name_key(line)} "}
    # a name inside another found name (``… Hà Nội`` in ``Cơ quan LĐLĐ … Hà Nội``) gives way
    found = {c for c in found if not any(o != c and keys[c] in keys[o] for o in found)}
    return found.pop() if len(found) == 1 else None


def code_from_filename(path: Path, known_codes: set[str]) -> str | None:
    """The file name's part before its first ``_`` when it is a registry code, in any case
    and with any separator (:func:`registry_code`)."""
    return registry_code(path.stem.split("_", 1)[0], known_codes)


def code_note(column_codes: pd.Series, title: TitleBlock, unit: str,
              path: Path | None = None) -> str | None:
    """The line telling a unit how its code was read, when it wrote it otherwise than the
    registry does (``Mã đơn vị 'q.bd' đã hiểu là 'Q-BD'``; a file name's code only when it
    held full-width or look-alike letters, :func:`thidua.text.fold_code`) or not at all (found
    by its name in the title, :func:`unit_by_name`), else ``None``. Codes of the column that
    are another unit's (:func:`code_rejections`) are not "read as" the file's."""
    written = {clean_text(c) for c in column_codes.dropna()
               if clean_text(c) and registry_code(c, {unit}) == unit}  # others: rows rejected
    written |= {title.unit_code} if title.unit_code else set()
    prefix = clean_text(path.stem.split("_", 1)[0]) if path is not None else ""
    if prefix and fold_code(prefix) != prefix and registry_code(prefix, {unit}) == unit:
        written.add(prefix)  # ``СQ_…`` with a Cyrillic ``С``: told
    if not written and path is not None and code_from_filename(path, {unit}) is None:
        return (f"Tệp không ghi mã đơn vị; đã xác định đơn vị '{unit}' theo tên đơn vị ở tiêu "
                f"đề; đề nghị lần sau ghi 'Mã đơn vị: {unit}' ở tiêu đề.")
    other = sorted(w for w in written if w.upper() != unit)
    if not other:
        return None
    return (f"Mã đơn vị {', '.join(repr(w) for w in other)} đã hiểu là '{unit}' (mã trong danh "
            f"mục đơn vị); đề nghị lần sau ghi đúng '{unit}'.")


def resolve_unit(column_codes: pd.Series, title: TitleBlock, path: Path,
                 known_codes: set[str], accepted_codes: set[str], year: int,
                 periods: dict[str, str] | None = None,
                 names: dict[str, str] | None = None) -> str:
    """The unit code of a file: the ``Mã đơn vị`` column, the title block, the file name,
    each read in any case and with any separator (:func:`registry_code`); without any of
    them, the unit whose registry name a title line holds (:func:`unit_by_name` over
    ``names``, code → name of the units accepted for ``year``).

    ``column_codes`` is the column's values on data rows (str, may be empty; index: Excel
    row, or ``(sheet, Excel row)`` pairs, :func:`column_unit`). Raises :class:`FileRejected` when no code of the column is clearly the file's
    (:func:`column_unit`; rows of another code are rejected alone, :func:`code_rejections`),
    when two sources disagree, when there is no code at all, or when the code is not a unit
    accepted for ``year`` (valid on
    at least one day of it, ``spec/unit-registry.md``; ``periods`` gives each code's validity
    in Vietnamese, named in the message).
    """
    sources: list[tuple[str, str]] = []
    if from_column := column_unit(column_codes, known_codes):
        sources.append(("cột 'Mã đơn vị'", from_column))
    if title.unit_code:
        sources.append(("dòng 'Mã đơn vị:' ở tiêu đề", title_code(title.unit_code, known_codes)))
    if from_name := code_from_filename(path, known_codes):
        sources.append(("tên tệp", from_name))
    if not sources and names and (named := unit_by_name(title.lines, names)):
        sources.append(("tên đơn vị ở tiêu đề", named))
    if not sources:
        prefix = path.stem.split("_", 1)[0].strip()
        first_word = re.split(r"[\s.]+", path.stem.strip(), maxsplit=1)[0].upper()
        if "_" in path.stem and _CODE.match(prefix.upper()):
            said = f" (phần đầu tên tệp '{prefix}' không phải mã đơn vị trong danh mục)"
        elif "_" not in path.stem and first_word in known_codes:
            said = (f" (tên tệp '{path.name}' bắt đầu bằng '{first_word}' nhưng thiếu dấu '_' "
                    f"ngay sau mã: đặt tên như {first_word}_dang-ky{path.suffix})")
        else:
            said = ""
        raise FileRejected("Không xác định được đơn vị gửi: cần cột 'Mã đơn vị', dòng 'Mã đơn vị: …' "
                           "ở tiêu đề, hoặc tên tệp bắt đầu bằng mã đơn vị (ví dụ Q-DD_dang-ky.xlsx)"
                           f"{said}.")
    if len({code for _, code in sources}) > 1:
        said = "; ".join(f"{where}: {code}" for where, code in sources)
        raise FileRejected(f"Mã đơn vị không thống nhất ({said}).")
    code = sources[0][1]
    if code not in known_codes:
        raise FileRejected(f"Mã đơn vị '{code}' không có trong danh mục đơn vị của năm {year} "
                           f"(mã lấy từ {sources[0][0]}); đề nghị ghi đúng mã đơn vị do LĐLĐ "
                           f"thành phố cấp.{foreign_letters_note(code)}")
    if code not in accepted_codes:
        when = (periods or {}).get(code)
        said = f"hoạt động {when}, không ngày nào trong" if when else "không hoạt động trong"
        raise FileRejected(f"Mã đơn vị '{code}' không có trong danh mục đơn vị của năm {year} "
                           f"(mã lấy từ {sources[0][0]}): theo danh mục, đơn vị này {said} năm "
                           f"{year} (đã giải thể, sáp nhập hoặc thành lập sau); đề nghị gửi tệp "
                           f"vào đúng năm hoặc ghi mã của đơn vị kế thừa.")
    return code


def folder_year(path: Path, relative: str) -> int | None:
    """The year of the folder a file sits in: the nearest folder named as a year, from the
    file's own folder up to the raw folder (``data/raw/2024/quan/Q-DD.xlsx`` → 2024), for a file
    at ``path`` whose path relative to the raw folder is ``relative``; ``None`` when none is."""
    depth = len(Path(relative).parts)
    for folder in list(path.parents)[:depth]:
        if re.fullmatch(r"(19|20)\d\d", folder.name):
            return int(folder.name)
    return None


def resolve_year(title: TitleBlock, folder_year: int, run_year: int | None = None) -> int:
    """The report year: the title's ``Năm:`` line, else the folder's year
    (``spec/submission-form.md``, "Which unit and which year").

    ``folder_year`` is the year of the file's folder (the run's year when the folder is not
    named as a year). Raises :class:`FileRejected` when the title and the folder disagree, or
    when the folder's year is not ``run_year``, the year being reported.
    """
    if run_year is not None and folder_year != run_year:
        raise FileRejected(f"Tệp nằm trong thư mục năm {folder_year} nhưng đang lập báo cáo năm "
                           f"{run_year}; đề nghị chuyển tệp vào đúng thư mục năm.")
    if title.year is not None and title.year != folder_year:
        raise FileRejected(f"Năm ở tiêu đề ({title.year}) khác năm của thư mục ({folder_year}); "
                           f"đề nghị kiểm tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")
    return folder_year
