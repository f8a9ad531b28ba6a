"""Which unit sent a file, for which year, and when (``spec/submission-form.md``,
"Title block", "Which unit and which year", "Corrections")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from flows.read import FileRejected
from flows.text import clean_text, match_key

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")


@dataclass(frozen=True)
class TitleBlock:
    """What the title block says: ``Mã đơn vị:``, ``Năm:`` and ``Ngày gửi:`` lines (or None)."""

    unit_code: str | None = None
    year: int | None = None
    sent_date: dt.date | None = None


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


def parse_title(lines: list[str]) -> TitleBlock:
    """Read ``Mã đơn vị: X``, ``Năm: Y`` and ``Ngày gửi: dd/mm/yyyy`` from title lines.

    Other lines are ignored. A ``Năm:`` that is not a 4-digit year, or a ``Ngày gửi:`` that
    is not a date, raises :class:`flows.read.FileRejected`.
    """
    code = year = sent = None
    for line in lines:
        if (value := _after_label(line, "ma don vi")) is not None and value:
            code = value.upper().replace(" ", "")
        elif (value := _after_label(line, "nam")) is not None and value:
            if not re.fullmatch(r"\d{4}", value):
                raise FileRejected(f"Dòng 'Năm: {value}' ở phần tiêu đề không phải là một năm (cần 4 chữ số).")
            year = int(value)
        elif (value := _after_label(line, "ngay gui")) is not None and value:
            m = re.match(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", value)
            try:
                sent = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
            except ValueError:
                sent = None
            if sent is None:
                raise FileRejected(f"Dòng 'Ngày gửi: {value}' ở phần tiêu đề không phải ngày dạng dd/mm/yyyy.")
    return TitleBlock(code, year, sent)


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
        raise FileRejected("Không xác định được đơn vị gửi: cần cột 'Mã đơn vị', dòng 'Mã đơn vị: …' "
                           "ở tiêu đề, hoặc tên tệp bắt đầu bằng mã đơn vị (ví dụ Q-DD_dang-ky.xlsx).")
    if len({code for _, code in sources}) > 1:
        said = "; ".join(f"{where}: {code}" for where, code in sources)
        raise FileRejected(f"Mã đơn vị không thống nhất ({said}).")
    code = sources[0][1]
    if code not in expected_codes:
        raise FileRejected(f"Mã đơn vị '{code}' không có trong danh mục đơn vị của năm {year}.")
    return code


def resolve_year(title: TitleBlock, folder_year: int) -> int:
    """The report year: the title's ``Năm:`` line, else the folder's year.

    Raises :class:`FileRejected` when both are present and disagree.
    """
    if title.year is not None and title.year != folder_year:
        raise FileRejected(f"Năm ở tiêu đề ({title.year}) khác năm của thư mục ({folder_year}); "
                           f"đề nghị kiểm tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")
    return folder_year
