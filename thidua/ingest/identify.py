"""Which unit sent a file, for which year, and when (``spec/submission-form.md``,
"Title block", "Which unit and which year", "Corrections")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from thidua.ingest.read import FileRejected
from thidua.text import clean_text, match_key

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")


@dataclass(frozen=True)
class TitleBlock:
    """What the title block says: ``Mã đơn vị:``, ``Năm:`` and ``Ngày gửi:`` lines (or None)."""

    unit_code: str | None = None
    year: int | None = None
    sent_date: dt.date | None = None
    sent_text: str | None = None  # the ``Ngày gửi:`` text, kept when it is not a readable date


def _after_label(line: str, label: str) -> str | None:
    """The text after ``label:`` in ``line`` when the line starts with that label."""
    key = match_key(line)
    if not key.startswith(label):
        return None
    rest = key[len(label):].lstrip()
    if not rest.startswith(":"):
        return None
    # Return the original-case text after the colon.
    return clean_text(line.split(":", 1)[1]) if ":" in line else None


_SENT_FORMATS = (
    (r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", (3, 2, 1)),      # 05/12/2024
    (r"(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})", (1, 2, 3)),                  # 2024-12-05
    (r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})", (3, 2, 1)),     # ngày 05 tháng 12 năm 2024
)


def parse_sent_date(value: str) -> dt.date | None:
    """A ``Ngày gửi:`` value as a date: ``dd/mm/yyyy``, ``yyyy-mm-dd`` or ``ngày dd tháng mm
    năm yyyy``; ``None`` when it is none of them or not a real date (31/02)."""
    key = match_key(value)
    for pattern, (y, m, d) in _SENT_FORMATS:
        if found := re.search(pattern, key):
            try:
                return dt.date(int(found.group(y)), int(found.group(m)), int(found.group(d)))
            except ValueError:
                return None
    return None


def parse_title(lines: list[str]) -> TitleBlock:
    """Read ``Mã đơn vị: X``, ``Năm: Y`` and ``Ngày gửi: …`` from title lines.

    Other lines are ignored. A ``Năm:`` that is not a 4-digit year raises
    :class:`thidua.ingest.read.FileRejected` (the year decides where the file counts); a ``Ngày gửi:``
    that is not a date does not (it only orders a unit's files): it is kept as ``sent_text``.
    """
    code = year = sent = sent_text = None
    for line in lines:
        if (value := _after_label(line, "ma don vi")) is not None and value:
            code = value.upper().replace(" ", "")
        elif (value := _after_label(line, "nam")) is not None and value:
            if not re.fullmatch(r"\d{4}", value):
                raise FileRejected(f"Dòng 'Năm: {value}' ở phần tiêu đề không phải là một năm (cần 4 chữ số).")
            year = int(value)
        elif (value := _after_label(line, "ngay gui")) is not None and value:
            sent = parse_sent_date(value)
            sent_text = None if sent else value
    return TitleBlock(code, year, sent, sent_text)


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


def code_from_filename(path: Path, known_codes: set[str]) -> str | None:
    """The file name's part before its first ``_``, upper-cased, when it is a registry code."""
    candidate = path.stem.split("_", 1)[0].strip().upper()
    return candidate if candidate in known_codes and _CODE.match(candidate) else None


def resolve_unit(column_codes: pd.Series, title: TitleBlock, path: Path,
                 known_codes: set[str], expected_codes: set[str], year: int) -> str:
    """The unit code of a file: the ``Mã đơn vị`` column, the title block, the file name.

    ``column_codes`` is the column's values on data rows (str, may be empty). Raises
    :class:`FileRejected` when the column holds several codes, when two sources disagree, when
    there is no code at all, or when the code is not a unit expected for ``year``.
    """
    sources: list[tuple[str, str]] = []
    codes = sorted({clean_text(c).upper() for c in column_codes.dropna() if clean_text(c)})
    if len(codes) > 1:
        raise FileRejected(f"Cột 'Mã đơn vị' có nhiều mã khác nhau ({', '.join(codes)}); "
                           f"mỗi tệp chỉ của một đơn vị.")
    if codes:
        sources.append(("cột 'Mã đơn vị'", codes[0]))
    if title.unit_code:
        sources.append(("dòng 'Mã đơn vị:' ở tiêu đề", title.unit_code))
    if from_name := code_from_filename(path, known_codes):
        sources.append(("tên tệp", from_name))
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
                           f"thành phố cấp.")
    if code not in expected_codes:
        raise FileRejected(f"Mã đơn vị '{code}' không có trong danh mục đơn vị của năm {year} "
                           f"(mã lấy từ {sources[0][0]}): theo danh mục, đơn vị này không hoạt "
                           f"động trong năm {year} (đã giải thể, sáp nhập hoặc thành lập sau).")
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
