"""Workbooks encrypted with Excel's own default password, opened as Excel opens them
(``spec/submission-form.md``, "The file"; extension in ``docs/contracts.md``).

Excel encrypts a workbook with the fixed password ``VelvetSweatshop`` when it is only
protected (structure, windows, or "read-only recommended" in the old ``.xls`` format), and
some tools that "protect" a file do the same. Excel opens such a file without asking for any
password, so the unit never knew there was one: rejecting it "đặt mật khẩu" asked for a
password nobody had (fresh tester K's K021). A file encrypted with any other password is
still rejected, asking the unit to remove it.

Decryption is msoffcrypto-tool's (ECMA-376 agile and standard encryption of ``.xlsx``, RC4
and CryptoAPI of ``.xls``).
"""

from __future__ import annotations

import io

#: The password Excel uses when the user gave none (Microsoft's [MS-OFFCRYPTO] 2.3.7.7).
EXCEL_DEFAULT_PASSWORD = "VelvetSweatshop"
#: Told to the unit whose workbook was opened with it.
OPENED_NOTE = ("Tệp được Excel mã hoá bằng mật khẩu mặc định (khi sổ làm việc được bảo vệ cấu "
               "trúc hoặc 'khuyên chỉ đọc'): đã mở được như Excel mở. Lần sau đề nghị bỏ bảo "
               "vệ (Xem lại > Bảo vệ sổ làm việc) trước khi gửi.")


def opened_with_default_password(data: bytes) -> bytes | None:
    """The decrypted bytes of an encrypted Office workbook (an OLE container: an encrypted
    ``.xlsx`` package, or an ``.xls`` with a ``FILEPASS`` record) when Excel's default
    password opens it; ``None`` when ``data`` is not encrypted, not a format msoffcrypto
    knows, or needs another password. Never raises."""
    import msoffcrypto

    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        if not office.is_encrypted():
            return None
        office.load_key(password=EXCEL_DEFAULT_PASSWORD)
        out = io.BytesIO()
        office.decrypt(out)
    except Exception:  # msoffcrypto's own errors, a wrong key, a damaged container, olefile's
        return None
    return out.getvalue() or None
