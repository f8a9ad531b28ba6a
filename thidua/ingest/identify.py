"""Which unit sent a file, for which year, and when (``spec/submission-form.md``,
"Title block", "Which unit and which year", "Corrections")."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from thidua.ingest.read import FileRejected
from thidua.ingest.titleblock import (TitleBlock, checked_sent_date, parse_sent_date,
                                      parse_title)
from thidua.ingest.unitcodes import (code_rejections, column_gives_way, column_typed, column_unit,
                                     registry_code, short_codes)
from thidua.ingest.unitnames import unit_by_name, unit_by_variant, unit_in_cell, unit_in_line
from thidua.text import clean_text, fold_code, foreign_letters_note

__all__ = ["NO_UNIT", "TitleBlock", "checked_sent_date", "code_from_filename", "code_note", "code_rejections",
           "column_unit", "folder_year", "labelled_code", "parse_sent_date", "parse_title",
           "registry_code",
           "resolve_unit", "resolve_year", "title_code", "title_of_year", "unit_by_name"]

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
#: How the message rejecting a file whose unit no source gives starts (:func:`resolve_unit`).
NO_UNIT = "Không xác định được đơn vị gửi"


def title_code(text: str, known_codes: set[str] | frozenset[str],
               names: dict[str, str] | None = None) -> str:
    """The code of a title's ``Mã đơn vị:`` value: all of it read as a code
    (:func:`registry_code`), else its one word that is a registry code (``Q-BD - LĐLĐ quận Ba
    Đình``), else the unit of ``names`` (code → registry name) it names by its name
    (``Mã đơn vị: LĐLĐ quận Đống Đa``: :func:`thidua.ingest.unitnames.unit_in_cell`, told by
    :func:`code_note`), else the value as written, spaces removed (for the message)."""
    if code := registry_code(text, known_codes):
        return code
    found = {c for w in re.split(r"[\s,;()\[\]]+", text) if (c := registry_code(w, known_codes))}
    if len(found) == 1:
        return found.pop()
    return (unit_in_cell(text, names) if names else None) or text.replace(" ", "")


def short_title_code(title: TitleBlock, known_codes: set[str] | frozenset[str],
                     names: dict[str, str] | None, hints: set[str]) -> str | None:
    """The registry code a title's ``Mã đơn vị:`` value written without its prefix stands for
    (:func:`thidua.ingest.unitcodes.short_codes`: ``DD`` → ``Q-DD``): the one such code; of
    several (``HD``: ``H-HD``, ``Q-HD``), the one another source gives (``hints``: the
    column's, the file name's code) or else the one a title line names (``LIÊN ĐOÀN LAO ĐỘNG
    HUYỆN HOÀI ĐỨC``, :func:`unit_by_name` among them); ``None`` otherwise (fresh tester W's
    W504, W505, W509)."""
    found = short_codes(title.unit_code, known_codes)  # (called for a title with a code)
    if len(found) == 1:
        return found[0]
    if len(given := [c for c in found if c in hints]) == 1:
        return given[0]
    return unit_by_name(title.lines, {c: names[c] for c in found if c in (names or {})})


def typed_code(title: TitleBlock) -> str:
    """A title's ``Mã đơn vị:`` value as the unit typed it (its case kept: ``lđlđ quận Đống
    Đa``), from its line (:attr:`TitleBlock.code_text`); else the value as read."""
    said = title.code_text or ""
    value = re.split(r"[:：]", said, maxsplit=1)[1].strip() if re.search(r"[:：]", said) else ""
    return value or title.unit_code or ""


#: A title cell's label and the first word after its colon (``Đơn vị: Q-HK``, ``Mã: Q-CG``,
#: ``Mã đơn vị (theo danh mục): Q-LB``): a label of words and brackets, no digit in it.
_LABELLED_WORD = re.compile(r"(?:^|\s)([^\W\d_][^:：\d]{0,59}?)\s*[:：]\s*([^\s,;:：]+)")


def labelled_code(lines: tuple[str, ...], known_codes: set[str] | frozenset[str]
                  ) -> tuple[str, str] | None:
    """``(code, line)`` when title cells without a ``Mã đơn vị:`` label of their own hold, after
    some other label and its colon, the code of ONE unit of ``known_codes`` (``Đơn vị: Q-HK``,
    ``Mã: Q-CG``, ``Mã đơn vị (theo danh mục): Q-LB``; in any case and with any separator,
    :func:`registry_code`): a code's shape marks it, whatever its label (fresh tester J's
    J117). The word must be written as a code: letters in capitals or joined by a separator
    (``Đơn vị: Hoàn Kiếm`` is a name, never a code). ``None`` for none or two codes."""
    found: dict[str, str] = {}
    for line in lines:
        for match in _LABELLED_WORD.finditer(line):
            word = fold_code(match[2]).rstrip(".")
            if not re.fullmatch(r"[A-Za-z0-9]+(?:[-._–][A-Za-z0-9]+)*", word) or not (
                    word.isupper() or re.search(r"[-._–]", word)):
                continue
            if code := registry_code(word, known_codes):
                found.setdefault(code, line)
    return next(iter(found.items())) if len(found) == 1 else None


def code_from_filename(path: Path, known_codes: set[str]) -> str | None:
    """The file name's part before its first ``_`` when it is a registry code, in any case
    and with any separator (:func:`registry_code`)."""
    return registry_code(path.stem.split("_", 1)[0], known_codes)


#: What a mail program, a cloud drive or an office puts before a file's own name: ``Copy of``
#: and ``Bản sao của`` (Google Drive), a number the office gave the attachments (``01.``,
#: ``2 -``, ``(3)``); fresh tester O's O307, O394, O395, O399.
_COPY_PREFIX = re.compile(r"^(?:(?:copy of|copy|bản sao của|bản sao|ban sao cua|ban sao|"
                          r"\(\d{1,3}\)|\d{1,3}\s*[.)_\-–]|\d{1,3}(?=\s))\s*)+", re.IGNORECASE)


def _leading_code(stem: str, known_codes: set[str] | frozenset[str]) -> str | None:
    """The longest registry code the name's first words make, joined by any separator
    (``Q-DD-dang-ky-2024`` → ``Q-DD``, never ``Q-DD-DANG``; ``Q-DD,dang ky``; ``CX-PHUDONG-DVK``):
    the code's own dash is a separator too (fresh tester O's O304, O398, O401)."""
    words = [w for w in re.split(r"[\s._,;\-–()\[\]]+", stem) if w][:4]
    return next((code for k in range(len(words), 0, -1)
                 if (code := registry_code("-".join(words[:k]), known_codes))), None)


def unit_from_file_name(path: Path, known_codes: set[str] | frozenset[str],
                        names: dict[str, str] | None = None) -> str | None:
    """The unit a file's name gives when it does not start ``CODE_`` (the last source of
    :func:`resolve_unit`): its first word a registry code in any case and with any separator
    (``n-yt 2024.xlsx``, ``Q_HK.xlsx``, whose part before ``_`` is no code), or the longest
    code its first words make (:func:`_leading_code`: ``Q-DD-dang-ky-2024.xlsx``), after what a
    copy or a numbering puts before the name (:data:`_COPY_PREFIX`: ``Copy of Q-DD_….xlsx``,
    ``01. Q-DD_….xlsx``), else
    the one unit a part of it names (``LĐLĐ Đống Đa - DVK 2024.xlsx``: a part between `` - ``,
    ``_`` or brackets read as a line naming a unit, :func:`thidua.ingest.unitnames.
    unit_in_line`; ``names``: code → registry name). ``None`` otherwise (fresh tester D's 510,
    511: the file was rejected although its name says the unit; an extension of
    ``spec/submission-form.md``, "Which unit and which year")."""
    stem = _COPY_PREFIX.sub("", clean_text(path.stem))  # ``Copy of …``, ``01. …``: the name after
    first = re.split(r"[\s.]+", stem, maxsplit=1)[0]
    if code := registry_code(first, known_codes) or _leading_code(stem, known_codes):
        return code  # ``q_hk 2024.xlsx``, ``Q-DD-dang-ky-2024.xlsx``, ``Q-DD,dang ky.xlsx``
    parts = [p for p in re.split(r"\s+[-–]\s+|_|\s*[()\[\]]\s*", stem) if p.strip()]
    found = {code for part in parts if (code := unit_in_line(part, names or {}))}
    return found.pop() if len(found) == 1 else None


def unit_from_folder(path: Path, known_codes: set[str] | frozenset[str]) -> str | None:
    """The unit the name of the folder holding a file gives, when the file itself names none
    (the last source of :func:`resolve_unit` but the title's variants): its first word a
    registry code in any case and with any separator, as :func:`unit_from_file_name` reads a
    file's (``Q-DD/danh sach dang ky.xlsx``, ``q_dd - LĐLĐ Đống Đa/DVK.xlsx``: the office
    sorts each unit's mail into a folder; fresh tester K's K043). ``None`` otherwise (a folder
    ``2024`` or ``Thư gửi``)."""
    first = re.split(r"[\s.]+", path.parent.name.strip(), maxsplit=1)[0]
    return registry_code(first, known_codes) if first else None


def code_note(column_codes: pd.Series, title: TitleBlock, unit: str,
              path: Path | None = None,
              known_codes: set[str] | frozenset[str] = frozenset(),
              names: dict[str, str] | None = None) -> str | None:
    """The line telling a unit how its code was read, when it wrote it otherwise than the
    registry does (``Mã đơn vị 'q.bd' đã hiểu là 'Q-BD'``; a file name's code only when it
    held full-width or look-alike letters, :func:`thidua.text.fold_code`) or not at all (found
    by its name in the title, :func:`unit_by_name`), else ``None``. Codes of the column that
    are another unit's (:func:`code_rejections`) are not "read as" the file's; a column
    holding a code of ``known_codes`` is not told as naming no unit (its cells naming none:
    :func:`thidua.ingest.unitcodes.nameless_note`)."""
    filled = list(dict.fromkeys(t for c in column_codes.dropna() if (t := clean_text(c))))
    written = {t for t in filled if registry_code(t, {unit}) == unit}  # others: rows rejected
    if filled and not written \
            and not any(registry_code(t, known_codes) for t in filled):  # no unit's code
        shown = ", ".join(repr(t) for t in filled[:3]) + (", …" if len(filled) > 3 else "")
        return (f"Cột 'Mã đơn vị' ghi {shown}, không phải mã đơn vị trong danh mục: không dùng "
                f"cột này để xác định đơn vị; đã xác định đơn vị '{unit}' theo tiêu đề hoặc tên "
                f"tệp. Nếu cột ghi mã riêng của công đoàn cơ sở, đề nghị đổi tiêu đề cột (ví dụ "
                f"'Mã CĐCS').")
    if title.unit_code and names and unit_in_cell(title.unit_code, names) == unit \
            and registry_code(title.unit_code, known_codes or {unit}) is None:
        return (f"Dòng '{title.code_text or typed_code(title)}' ở tiêu đề ghi tên đơn vị thay "
                f"cho mã: đã hiểu là '{unit}' ({names[unit]}); đề nghị lần sau ghi 'Mã đơn vị: "
                f"{unit}' ở tiêu đề.")
    written |= {title.unit_code} if title.unit_code else set()
    if not written and (labelled := labelled_code(title.lines, known_codes or {unit})) \
            and labelled[0] == unit:
        return (f"Dòng '{labelled[1]}' ở tiêu đề đã đọc là mã đơn vị '{unit}'; đề nghị lần sau "
                f"ghi 'Mã đơn vị: {unit}' ở tiêu đề.")
    prefix = clean_text(path.stem.split("_", 1)[0]) if path is not None else ""
    if prefix and fold_code(prefix) != prefix and registry_code(prefix, {unit}) == unit:
        written.add(prefix)  # ``СQ_…`` with a Cyrillic ``С``: told
    if not written and path is not None and code_from_filename(path, {unit}) is None:
        if names and unit_by_name(title.lines, names) != unit \
                and unit_from_file_name(path, known_codes or {unit}, names) == unit:
            return (f"Tệp không ghi mã đơn vị; đã xác định đơn vị '{unit}' theo tên tệp "
                    f"'{path.name}'; đề nghị lần sau đặt tên tệp bắt đầu bằng mã đơn vị và dấu "
                    f"'_' (ví dụ {unit}_dang-ky{path.suffix}) hoặc ghi 'Mã đơn vị: {unit}' ở "
                    f"tiêu đề.")
        variant, line, _ = unit_by_variant(title.lines, names) \
            if names and unit_by_name(title.lines, names) is None else (None, None, ())
        if variant == unit:
            return (f"Tệp không ghi mã đơn vị; đã xác định đơn vị '{unit}' ({names[unit]}) theo "
                    f"dòng '{line}' ở tiêu đề; đề nghị lần sau ghi 'Mã đơn vị: {unit}' ở tiêu "
                    f"đề.")
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
    from_name = code_from_filename(path, known_codes)
    if title.unit_code:
        from_title = title_code(title.unit_code, known_codes, names)
        if from_title not in known_codes:  # ``Mã đơn vị: DD``, the prefix left out
            from_title = short_title_code(title, known_codes, names,
                                          {from_column, from_name}) or from_title
        sources.append(("dòng 'Mã đơn vị:' ở tiêu đề", from_title))
    elif labelled := labelled_code(title.lines, known_codes):  # ``Đơn vị: Q-HK``
        sources.append((f"dòng '{labelled[1]}' ở tiêu đề", labelled[0]))
    if from_name:
        sources.append(("tên tệp", from_name))
    if from_column and (from_column not in known_codes
                        or column_gives_way(column_codes, known_codes)) \
            and any(code in known_codes for _, code in sources[1:]):
        sources = sources[1:]  # the column names no unit (``HK-001``…): told, code_note
    if not sources and names and (named := unit_by_name(title.lines, names)):
        sources.append(("tên đơn vị ở tiêu đề", named))
    if not sources and (named := unit_from_file_name(path, known_codes, names)):
        sources.append(("tên tệp", named))
    if not sources and (folder := unit_from_folder(path, known_codes)):
        sources.append((f"thư mục '{path.parent.name}'", folder))
    variant, line, several = unit_by_variant(title.lines, names) if names and not sources \
        else (None, None, ())
    if variant:  # ``QUẬN ĐỐNG ĐA - LIÊN ĐOÀN LAO ĐỘNG``, ``CĐ P. LÁNG``: told, code_note
        sources.append((f"tên đơn vị '{line}' ở tiêu đề", variant))
    if not sources:
        prefix = path.stem.split("_", 1)[0].strip()
        said = (f" (phần đầu tên tệp '{prefix}' không phải mã đơn vị trong danh mục)"
                if "_" in path.stem and _CODE.match(prefix.upper()) else "")
        if line and several:
            units = ", ".join(f"{names[c]} ({c})" for c in several)
            said += (f"; dòng '{line}' ở tiêu đề có thể là tên của {len(several)} đơn vị: "
                     f"{units}")
        elif line:
            said += (f"; dòng '{line}' ở tiêu đề không phải tên một đơn vị trong danh mục "
                     f"năm {year}")
        raise FileRejected(f"{NO_UNIT}: cần cột 'Mã đơn vị', dòng 'Mã đơn vị: …' "
                           "ở tiêu đề, hoặc tên tệp bắt đầu bằng mã đơn vị (ví dụ Q-DD_dang-ky.xlsx)"
                           f"{said}.")
    if len({code for _, code in sources}) > 1:
        said = "; ".join(f"{where}: {code}" for where, code in sources)
        raise FileRejected(f"Mã đơn vị không thống nhất ({said}).")
    code = sources[0][1]
    if code not in known_codes:
        typed = column_typed(column_codes, code, known_codes) if sources[0][0].startswith("cột") \
            else typed_code(title) if title.unit_code and sources[0][0].startswith("dòng 'Mã") \
            else code
        maybe = [f"{c} ({names[c]})" if c in (names or {}) else c
                 for c in short_codes(code, known_codes)]
        said = f" (có thể là {' hoặc '.join(maybe)})" if maybe else ""
        raise FileRejected(f"Mã đơn vị '{typed}' không có trong danh mục đơn vị của năm {year} "
                           f"(mã lấy từ {sources[0][0]}); đề nghị ghi đúng mã đơn vị do LĐLĐ "
                           f"thành phố cấp{said}.{foreign_letters_note(code)}")
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


def _names_year(title: TitleBlock, year: int) -> bool | None:
    """Whether ``title``'s ``Năm:`` (a year or a span) names ``year``; ``None`` when it names
    none."""
    if title.year is not None:
        return title.year == year
    if title.year_span:
        return title.year_span[0] <= year <= title.year_span[1]
    return None


def title_of_year(first: TitleBlock, later, year: int) -> TitleBlock:
    """The title block that says a file's unit and year: the first counted sheet's (``first``),
    unless it names another year than ``year`` (the folder's) and a later sheet's names
    ``year``: last year's list kept as the workbook's first tab, this year's after it (the
    tester B's F2: the whole file was rejected). ``later``: the later sheets' title blocks,
    an iterable read only as far as needed. The sheet of the other year is then a later
    sheet titled for another year, its rows rejected naming it
    (:func:`thidua.ingest.sheettitle.title_rejections`)."""
    if _names_year(first, year) is not False:
        return first
    for title in later:
        if _names_year(title, year):
            return title
    return first


def resolve_year(title: TitleBlock, folder_year: int, run_year: int | None = None) -> int:
    """The report year: the title's ``Năm:`` line, else the folder's year
    (``spec/submission-form.md``, "Which unit and which year").

    ``folder_year`` is the year of the file's folder (the run's year when the folder is not
    named as a year). A ``Năm:`` naming a span of years (``2024-2025``,
    :func:`thidua.ingest.titleblock.year_span`) agrees with a folder's year inside it. Raises
    :class:`FileRejected` when the title and the folder disagree, or when the folder's year is
    not ``run_year``, the year being reported.
    """
    if run_year is not None and folder_year != run_year:
        raise FileRejected(f"Tệp nằm trong thư mục năm {folder_year} nhưng đang lập báo cáo năm "
                           f"{run_year}; đề nghị chuyển tệp vào đúng thư mục năm.")
    if title.year is not None and title.year != folder_year:
        raise FileRejected(f"Năm ở tiêu đề ({title.year}) khác năm của thư mục ({folder_year}); "
                           f"đề nghị kiểm tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")
    if title.year_span and not title.year_span[0] <= folder_year <= title.year_span[1]:
        first, last = title.year_span
        raise FileRejected(f"Năm ở tiêu đề ({first}-{last}) không gồm năm của thư mục "
                           f"({folder_year}); đề nghị kiểm tra lại tệp hoặc chuyển tệp vào đúng "
                           f"thư mục năm.")
    return folder_year
