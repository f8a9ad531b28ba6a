"""Pictures pasted into a workbook: photos of the signed and stamped paper list, a logo, a
scan. They are decoration, never read, but they make the file large: 12 phone photos make
an `.xlsx` of 8 rows weigh 52 MB, over :data:`thidua.ingest.limits.MAX_FILE_BYTES`, and the
whole file was rejected with advice to delete "sheets and cells" (fresh tester K's K197).

A workbook package (`.xlsx`, `.ods` and their kin) whose size is over the limit only by its
pictures (:data:`PICTURE_FOLDERS`, sizes from the zip's directory, read without the file's
bytes) is read whole, up to :data:`MAX_PICTURED_FILE_BYTES`, and the unit is told
(:func:`pictures_note`); one that is over the limit otherwise is rejected as before, its
pictures named when they are part of its size. The parts a parser reads stay under the
package limits of :mod:`thidua.ingest.prescan`. An extension of ``spec/submission-form.md``,
"The file" (``docs/contracts.md``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from thidua.ingest.discover import form_suffix
from thidua.ingest.limits import MAX_FILE_BYTES, size

#: Folders of a package holding pictures and embedded objects, never read as cells
#: (Excel's ``xl/media/``, ``xl/embeddings/``; LibreOffice's ``Pictures/``).
PICTURE_FOLDERS = ("xl/media/", "xl/embeddings/", "Pictures/", "media/")
#: A package over :data:`MAX_FILE_BYTES` by its pictures is read up to this size.
MAX_PICTURED_FILE_BYTES = 250_000_000
#: The suffixes of a zip package.
PACKAGE_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".ods", ".ots")


def picture_parts(archive: zipfile.ZipFile) -> tuple[int, int]:
    """``(how many, compressed bytes)`` of the package's picture parts (:data:`PICTURE_FOLDERS`)."""
    found = [i for i in archive.infolist() if i.filename.startswith(PICTURE_FOLDERS)
             and not i.is_dir()]
    return len(found), sum(i.compress_size for i in found)


def _pictures_in(source: Path | bytes) -> tuple[int, int]:
    """:func:`picture_parts` of a file or bytes; ``(0, 0)`` when it is no zip package."""
    try:
        with zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source)) as archive:
            return picture_parts(archive)
    except (zipfile.BadZipFile, ValueError, OSError):
        return 0, 0


def readable_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """How many bytes of ``path``, a file over ``limit`` (:data:`MAX_FILE_BYTES`), may be
    read: the whole file when it is a package over ``limit`` only by its pictures and under
    :data:`MAX_PICTURED_FILE_BYTES`, else ``limit``."""
    if form_suffix(path) not in PACKAGE_SUFFIXES:
        return limit
    try:
        file_size = path.stat().st_size
    except OSError:
        return limit
    if file_size <= limit or file_size > MAX_PICTURED_FILE_BYTES:
        return limit
    return file_size if file_size - _pictures_in(path)[1] <= limit else limit


def pictures_said(path: Path) -> str:
    """`` (trong đó 12 ảnh dán vào bảng tính: 52,0 MB, đề nghị xóa ảnh)`` for a package holding pictures, to
    name them in the rejection of a file over the size limit; ``""`` otherwise."""
    if form_suffix(path) not in PACKAGE_SUFFIXES:
        return ""
    count, weight = _pictures_in(path)
    return (f" (trong đó {count} ảnh dán vào bảng tính: {size(weight)}, đề nghị xóa ảnh)"
            if count else "")


def pictures_note(data: bytes) -> str | None:
    """The line telling a unit that its file was read without its pictures, for bytes over
    :data:`MAX_FILE_BYTES` (read by :func:`readable_bytes`); ``None`` otherwise."""
    if len(data) <= MAX_FILE_BYTES:
        return None
    count, weight = _pictures_in(data)
    return (f"Tệp nặng {size(len(data))}, trong đó {count} ảnh dán vào bảng tính nặng "
            f"{size(weight)}: đã đọc các dòng đăng ký, ảnh không được đọc. Lần sau đề nghị "
            f"không dán ảnh (ảnh chụp danh sách có chữ ký, con dấu) vào biểu mà gửi riêng.")
