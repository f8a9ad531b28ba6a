"""The report's document settings: issuing body, document number, signer, the "Nơi nhận" list
and the signature's timestamp server, from ``data/reference/report.toml`` (the office edits it).

Thể thức of Nghị định 30/2020/NĐ-CP, Phụ lục I: the number line "Số: …/BC-LĐLĐ" (mục II.3),
the signer's authority, title and full name (mục II.7), the "Nơi nhận" list (mục II.9).
``spec/outputs.md``, "The report's settings", lists the keys.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from thidua.settings import REPO_ROOT
from thidua.reasons import os_reason, toml_reason

#: The default settings file.
DEFAULT_SETTINGS = REPO_ROOT / "data" / "reference" / "report.toml"

#: What the number line prints until the clerk assigns a number (ND30 leaves it blank).
NO_NUMBER = "……"

#: ``(table, key)`` → (required?, what is expected, in Vietnamese): every key the file may hold.
_KEYS: dict[tuple[str, str], tuple[bool, str]] = {
    ("issuer", "parent"): (True, "tên cơ quan chủ quản, một dòng chữ"),
    ("issuer", "name"): (True, "tên cơ quan ban hành, một dòng chữ"),
    ("issuer", "full_name"): (True, "tên đầy đủ của cơ quan, một dòng chữ"),
    ("issuer", "code"): (True, "ký hiệu văn bản, ví dụ \"BC-LĐLĐ\""),
    ("document", "number"): (False, "số văn bản: chữ số (ví dụ \"125\") hoặc để trống"),
    ("signer", "authority"): (False, "thẩm quyền ký, ví dụ \"KT. CHỦ TỊCH\", hoặc để trống"),
    ("signer", "title"): (True, "chức vụ người ký, một dòng chữ"),
    ("signer", "name"): (True, "họ và tên người ký, một dòng chữ"),
    ("recipients", "list"): (True, "danh sách nơi nhận, mỗi phần tử một dòng chữ"),
    ("signature", "timestamp_url"): (False, "địa chỉ http(s):// của máy chủ dấu thời gian, hoặc để trống"),
}


class SettingsError(ValueError):
    """The settings file is missing or wrong; ``str(exc)`` is one Vietnamese line naming the
    file and the key, and what is expected."""


@dataclass(frozen=True)
class DocumentSettings:
    """What the report says about its issuer and signer (ND30, Phụ lục I).

    ``number``: the document number, digits, or ``""`` (printed :data:`NO_NUMBER`);
    ``recipients``: the "Nơi nhận" lines; ``timestamp_url``: an RFC 3161 server for a
    PAdES B-T signature, or ``""`` (B-B); ``sha256``: hex SHA-256 of the file's bytes, so
    that an edited file makes a new version.
    """

    issuer_parent: str
    issuer: str
    issuer_full_name: str
    code: str
    number: str
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    timestamp_url: str = ""
    sha256: str = ""

    @property
    def printed_number(self) -> str:
        """The number as the header prints it: the number, or :data:`NO_NUMBER`."""
        return self.number or NO_NUMBER


def _line(value: object) -> bool:
    return isinstance(value, str) and value.strip() == value and "\n" not in value and value != ""


def check_number(number: str, where: str) -> str:
    """``number`` when it is a document number (digits, 1–6 of them, not all zeros) or ``""``;
    raises :class:`SettingsError` naming ``where`` otherwise (ND30, mục II.3: Arabic numerals)."""
    if number == "" or (number.isascii() and number.isdigit() and len(number) <= 6
                        and int(number) > 0):
        return number
    raise SettingsError(f"{where}: số văn bản '{number}' không hợp lệ; cần chữ số, ví dụ 125 "
                        f"(hoặc để trống).")


def load_document_settings(path: Path = DEFAULT_SETTINGS, number: str | None = None) -> DocumentSettings:
    """Read and check ``path`` (TOML, UTF-8); ``number`` (``--number``) overrides
    ``[document] number``.

    Raises :class:`SettingsError` when the file cannot be read or parsed, a required key is
    missing, a key is unknown, or a value has the wrong shape (message: file, ``table.key``,
    what is expected).
    """
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise SettingsError(f"Không đọc được tệp thiết lập báo cáo {path}: "
                            f"{os_reason(exc)}.") from exc
    except UnicodeDecodeError as exc:
        raise SettingsError(f"Tệp thiết lập báo cáo {path} không phải văn bản UTF-8 (byte lạ ở "
                            f"vị trí {exc.start}); hãy lưu lại dạng UTF-8.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"Tệp thiết lập báo cáo {path} {toml_reason(exc)}.") from exc
    for table, content in data.items():
        if not isinstance(content, dict):
            raise SettingsError(f"{path}: mục '{table}' phải là một bảng [{table}].")
        for key in content:
            if (table, key) not in _KEYS:
                raise SettingsError(f"{path}: khóa '{table}.{key}' không được biết; các khóa "
                                    f"có thể dùng: {', '.join(f'{t}.{k}' for t, k in _KEYS)}.")
    values = {}
    for (table, key), (required, expected) in _KEYS.items():
        value = data.get(table, {}).get(key)
        if value is None:
            if required:
                raise SettingsError(f"{path}: thiếu khóa '{table}.{key}' ({expected}).")
            value = ""
        elif key == "list":
            if (not isinstance(value, list) or not value
                    or not all(_line(v) for v in value)):
                raise SettingsError(f"{path}: khóa '{table}.{key}' cần {expected}.")
            value = tuple(value)
        elif not isinstance(value, str) or (required and not _line(value)) or "\n" in value:
            raise SettingsError(f"{path}: khóa '{table}.{key}' cần {expected}.")
        values[(table, key)] = value
    url = values[("signature", "timestamp_url")].strip()
    if url and not url.startswith(("http://", "https://")):
        raise SettingsError(f"{path}: khóa 'signature.timestamp_url' cần "
                            f"{_KEYS[('signature', 'timestamp_url')][1]}.")
    doc_number = check_number(values[("document", "number")].strip(), f"{path}: khóa 'document.number'")
    if number is not None:
        doc_number = check_number(number.strip(), "--number")
    return DocumentSettings(
        issuer_parent=values[("issuer", "parent")], issuer=values[("issuer", "name")],
        issuer_full_name=values[("issuer", "full_name")], code=values[("issuer", "code")],
        number=doc_number, signer_authority=values[("signer", "authority")].strip(),
        signer_title=values[("signer", "title")], signer_name=values[("signer", "name")],
        recipients=values[("recipients", "list")], timestamp_url=url,
        sha256=hashlib.sha256(path.read_bytes() + f"|{doc_number}".encode()).hexdigest())
