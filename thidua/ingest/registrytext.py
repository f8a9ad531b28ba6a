"""The text of a unit registry file as Excel saves it: its encoding and its separator.

Source: ``shared/spec/unit-registry.md`` (a UTF-8 CSV); an extension in ``docs/contracts.md``
(``## unit-registry.md``, "Registry saved by Excel"; fresh tester W's W902):

- the text is UTF-8, with or without a byte-order mark, or UTF-16 with its byte-order mark
  (Excel's "Unicode Text"); anything else is refused (:func:`registry_text`), naming the line
  of the first byte that is not UTF-8 and the encoding it was likely saved in (Excel's
  "CSV (Comma delimited)" under a Vietnamese Windows: Windows-1258), or saying it is a
  spreadsheet (``.xlsx``, ``.xls``) rather than a CSV;
- a UTF-8 text misread once in a Windows code page and saved again (``LiÃªn Ä‘oÃ n``) is
  refused, naming the line (its names would reach the report garbled);
- the separator is ``,``, ``;`` (Excel's CSV where ``,`` is the decimal mark) or a tab
  (Excel's "Unicode Text"), decided by the header line alone (:func:`separator`): the one
  that splits it into the most column names of the registry, ``,`` on a tie or when none
  does. The ``successors`` cell's own ``;`` never decides (it is not in the header).
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from schemas.registry import REGISTRY_SCHEMA
from thidua.reasons import os_reason

#: The separators a registry may use, in the order a tie is settled, with their Vietnamese
#: names (for messages about a cell holding one).
SEPARATORS = {",": "dấu phẩy", ";": "dấu chấm phẩy", "\t": "dấu tab"}

#: What a registry that cannot be read as text is asked to become (the wording of the units'
#: own CSV refusals, :mod:`thidua.ingest.read`).
SAVE_AS = "hãy mở bằng Excel và lưu dạng 'CSV UTF-8 (Comma delimited)'"

#: The first bytes of a spreadsheet saved as a workbook, not as text.
_WORKBOOKS = ((b"PK\x03\x04", "tệp bảng tính .xlsx/.ods"), (b"\xd0\xcf\x11\xe0", "tệp Excel .xls"))


class RegistryError(Exception):
    """The registry cannot be used; ``str(exc)`` says why, in Vietnamese. (Defined here, where
    the file is first read; :mod:`thidua.ingest.registry` gives it to every other module.)"""


def registry_text(path: Path) -> str:
    """The text of the registry at ``path``: UTF-8 (a byte-order mark dropped) or UTF-16 with
    its byte-order mark. Raises :class:`RegistryError` when the file cannot be read (the
    system's reason), is a workbook (``.xlsx``, ``.xls``), is not UTF-8 (the line of the
    first byte that is not, and the encoding :func:`thidua.ingest.legacy.decode_bytes` finds
    most Vietnamese: ``Windows-1258``, ``TCVN3 (ABC)``, ``VNI``), or is UTF-8 misread in a
    Windows code page and saved again (:func:`thidua.ingest.legacy.detect_mojibake`, over
    its lines)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegistryError(f"Không đọc được danh mục đơn vị {path}: {os_reason(exc)}") from exc
    for magic, kind in _WORKBOOKS:
        if data.startswith(magic):
            raise RegistryError(f"Danh mục đơn vị {path} là {kind}, không phải CSV: {SAVE_AS}.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise RegistryError(f"Danh mục đơn vị {path} bắt đầu như văn bản UTF-16 nhưng bị "
                                    f"hỏng ở byte {exc.start}: {SAVE_AS}.") from exc
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        from thidua.ingest.legacy import decode_bytes  # only for a file refused

        line = body[:exc.start].count(b"\n") + 1
        raise RegistryError(
            f"Danh mục đơn vị {path} không phải văn bản UTF-8: dòng {line} có byte "
            f"0x{body[exc.start]:02X} không đọc được (tệp có lẽ được lưu theo bảng mã "
            f"{decode_bytes(body)[1]}); cần CSV mã UTF-8: {SAVE_AS}.") from exc
    _refuse_misread(path, text)
    return text


def _refuse_misread(path: Path, text: str) -> None:
    """Raise :class:`RegistryError` when ``text`` is UTF-8 read once in a Windows code
    page and saved again, naming the first line that shows it."""
    if text.isascii():
        return
    from thidua.ingest.legacy import detect_mojibake, looks_misread

    lines = text.splitlines()
    if (name := detect_mojibake(lines)) is None:
        return
    number, line = next((n, line) for n, line in enumerate(lines, 1) if looks_misread(line, name))
    raise RegistryError(
        f"Chữ tiếng Việt trong danh mục đơn vị {path} bị lỗi mã từ dòng {number} (ví dụ "
        f"'{line[:60]}'): tệp UTF-8 đã bị mở bằng bảng mã {name} rồi lưu lại; hãy dùng tệp gốc, "
        f"hoặc mở tệp bằng Excel qua Dữ liệu > Từ Văn bản/CSV, chọn mã 65001: Unicode (UTF-8), "
        f"rồi lưu dạng 'CSV UTF-8 (Comma delimited)'.")


def separator(header: str) -> str:
    """The separator of a registry whose header line is ``header`` (one of
    :data:`SEPARATORS`): the one that splits it (as :mod:`csv` reads a line, quotes
    respected) into the most of the registry's column names, the first of :data:`SEPARATORS`
    on a tie, ``,`` when none gives any. ``code;name;level;…`` → ``;``."""
    names = set(REGISTRY_SCHEMA.columns)

    def found(sep: str) -> int:
        cells = next(csv.reader([header], delimiter=sep), [])
        return len(names & set(cells))

    return max(SEPARATORS, key=lambda sep: (found(sep), -list(SEPARATORS).index(sep)))
