"""Finding a year's input files and fingerprinting them (``spec/outputs.md``, manifest).

Only submissions are read (issue 9.8): whatever a unit's computer, a sync client or the
program itself leaves in the raw folder (Excel's owner files ``~$…``, hidden dot-files,
temporary and half-downloaded files, LibreOffice's ``.~lock.…#``, FIFOs and devices, links
that leave the raw folder, the program's own output folder, sub-folders that cannot be
opened) is listed with a reason (:attr:`InputFile.skipped`) and never read. A FIFO is never
opened (discovery would hang on it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The file a run keeps in its output folder (:data:`thidua.yearlock.LOCK_FILE`): a folder
#: holding it is an output folder, never a unit's data.
OUTPUT_MARKER = ".thidua.lock"

SKIP_OWNER = ("tệp khóa tạm của Excel (tên bắt đầu bằng ~$), tạo ra khi tệp đang mở; không "
              "phải dữ liệu của đơn vị")
SKIP_LOCK = ("tệp khóa tạm của LibreOffice (.~lock.…#), tạo ra khi tệp đang mở; không phải "
             "dữ liệu của đơn vị")
SKIP_HIDDEN = "tệp ẩn (tên bắt đầu bằng dấu chấm); không phải tệp đăng ký"
SKIP_HIDDEN_FOLDER = ("thư mục ẩn (tên bắt đầu bằng dấu chấm, ví dụ của phần mềm đồng bộ); "
                      "không đọc các tệp trong đó")
SKIP_TEMPORARY = ("tệp tạm hoặc tải về dở dang (đuôi .tmp, .part, .crdownload…); không phải "
                  "tệp đăng ký")
SKIP_BACKUP = ("tệp sao lưu tự động (Excel 'Backup of ….xlk', đuôi .bak); không phải tệp "
               "đăng ký, bản chính của tệp được đọc nếu có trong thư mục")
SKIP_SYSTEM = "tệp hệ thống của Windows (Thumbs.db, desktop.ini); không phải tệp đăng ký"
SKIP_SHORTCUT = ("lối tắt (shortcut) trỏ tới một tệp ở nơi khác, không phải bản thân tệp; "
                 "không đọc. Nếu đơn vị chưa có tệp nào khác, đề nghị chép chính tệp đó vào "
                 "thư mục dữ liệu")
SKIP_STREAM = ("thông tin phụ Windows ghi kèm tệp (…:Zone.Identifier, nguồn tải về của tệp), "
               "tách thành tệp riêng khi chép sang máy khác; không phải tệp đăng ký")
SKIP_SPECIAL = ("không phải tệp thông thường (FIFO, thiết bị hoặc socket); không đọc")
SKIP_OUTSIDE = "liên kết trỏ ra ngoài thư mục dữ liệu; không đọc"
SKIP_LINKED_FOLDER = "liên kết tới một thư mục; không đọc các tệp qua liên kết"
SKIP_OUTPUT = ("thư mục kết quả của chương trình nằm trong thư mục dữ liệu; không đọc như tệp "
               "của đơn vị")
SKIP_SYSTEM_FOLDER = ("thùng rác hoặc thư mục của hệ điều hành ($RECYCLE.BIN, System Volume "
                      "Information, __MACOSX…): tệp trong đó đã bị xóa hoặc do máy tạo ra; không "
                      "đọc các tệp trong đó")
SKIP_UNREADABLE_FOLDER = ("thư mục con không mở được (không có quyền đọc); các tệp trong đó "
                          "chưa được đọc, đề nghị kiểm tra quyền của thư mục")

_TEMPORARY = re.compile(r".*\.(tmp|temp|part|partial|crdownload|download)$|~.*\.tmp$",
                        re.IGNORECASE)
_SYSTEM = {"thumbs.db", "desktop.ini", "ehthumbs.db"}
#: Folders an operating system keeps on a disk or a USB stick, never a unit's: Windows' recycle
#: bins and restore points, the copies of a Mac's resource forks a zip holds, Linux's
#: ``lost+found`` (a deleted draft in ``$RECYCLE.BIN`` was counted over the unit's list:
#: fresh tester Q's R127). Hidden ones (``.Trash-1000``, ``.Trashes``) are hidden folders.
_SYSTEM_FOLDERS = {"$recycle.bin", "recycler", "recycled", "system volume information",
                   "__macosx", "lost+found", "$trash$"}
#: Backups a program made by itself: Excel's "Always create backup" (``Backup of Q-HK.xlk``)
#: and the ``.bak`` of other programs.
_BACKUP = re.compile(r".*\.(xlk|bak|wbk)$", re.IGNORECASE)
#: Shortcuts to a file kept elsewhere: Windows (``Q-HK.xlsx - Shortcut.lnk``, an Internet
#: shortcut ``.url``), macOS (``.webloc``, an alias) and Linux desktops (``.desktop``).
_SHORTCUT = re.compile(r".*\.(lnk|url|webloc|alias|desktop)$", re.IGNORECASE)
#: An NTFS alternate data stream copied off Windows as a file of its own: a file's name with
#: its extension, a colon, the stream's name (``Q-HK.xlsx:Zone.Identifier``).
_STREAM = re.compile(r".+\.[A-Za-z0-9]{1,5}:[^:]+")


@dataclass(frozen=True)
class InputFile:
    """One entry found in the raw folder.

    ``file`` is the path relative to the raw folder (POSIX separators), the name used in every
    output; ``sha256`` the hex digest of its bytes when discovered (``""`` when it could not
    be read or was skipped); ``modified`` its mtime (UTC). ``skipped`` is the Vietnamese
    reason why an entry is not a submission and is never read (``""`` for a submission).
    """

    path: Path
    file: str
    sha256: str
    size: int
    modified: dt.datetime
    skipped: str = ""


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def skip_reason(name: str) -> str:
    """Why a file named ``name`` is not a submission, by its name alone (``""``: it may be)."""
    if name.startswith("~$"):
        return SKIP_OWNER
    if name.startswith(".~lock"):
        return SKIP_LOCK
    if name.startswith("."):
        return SKIP_HIDDEN
    if _TEMPORARY.fullmatch(name):
        return SKIP_TEMPORARY
    if name.lower() in _SYSTEM:
        return SKIP_SYSTEM
    if _BACKUP.fullmatch(name):
        return SKIP_BACKUP
    if _SHORTCUT.fullmatch(name):
        return SKIP_SHORTCUT
    if _STREAM.fullmatch(name):
        return SKIP_STREAM
    return ""


def shown_name(name: str) -> str:
    """A file's relative name as every output shows it: as it is when it is text; a name of
    bytes that are not UTF-8 (a folder copied from an old Windows share or unzipped with its
    names in Windows-1258: Python keeps each such byte as a lone surrogate, which no output can
    write) read as Windows-1258, Vietnamese Windows' code page (``ph\\xe1t`` → ``phát``). The
    file is still opened by its real path. Before, such a name stopped the whole run with
    "lỗi không mong đợi (UnicodeEncodeError)"."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("cp1258", errors="replace")


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def _entry(path: Path, raw_dir: Path, skipped: str = "") -> InputFile:
    """An :class:`InputFile`; hashed only when it is a submission (never opens a FIFO)."""
    try:
        info = path.lstat() if skipped else path.stat()
    except OSError:  # a broken link: listed, and rejected when read
        info = path.lstat()
    digest = ""
    if not skipped:
        try:
            digest = sha256_of(path)
        except OSError:  # unreadable: listed, and rejected when read
            pass
    return InputFile(path=path, file=shown_name(path.relative_to(raw_dir).as_posix()),
                     sha256=digest,
                     size=info.st_size if not stat.S_ISDIR(info.st_mode) else 0,
                     modified=dt.datetime.fromtimestamp(info.st_mtime, tz=dt.timezone.utc),
                     skipped=skipped)


def _classify(path: Path, raw_root: Path) -> tuple[str, bool]:
    """``(skip reason, is a folder to walk)`` of one entry of the raw folder."""
    if reason := skip_reason(path.name):
        return reason, False
    if path.is_symlink():
        target = path.resolve()
        if not _inside(target, raw_root):
            return SKIP_OUTSIDE, False
        if target.is_dir():
            return SKIP_LINKED_FOLDER, False
    try:
        mode = path.stat().st_mode
    except OSError:
        return "", False  # a broken link inside the folder: rejected when read
    if stat.S_ISDIR(mode):
        return "", True
    if not stat.S_ISREG(mode):
        return SKIP_SPECIAL, False
    return "", False


def form_suffix(path: Path) -> str:
    """A file's suffix in lower case, spaces and dots after it left out (``Q-DD.xlsx `` from a
    zip made on a Mac or a name typed by hand, ``Q-DD.XLSX.``: fresh tester Q's R147, rejected
    as the format ``'.xlsx '``)."""
    return Path(path.name.rstrip(" .")).suffix.lower()


def discover_files(raw_dir: Path, exclude: Iterable[Path] = ()) -> list[InputFile]:
    """Every entry under ``raw_dir`` (sub-folders included), sorted by relative path.

    Submissions (``skipped == ""``) are regular files, or links to files inside ``raw_dir``,
    whatever their suffix: files that are not spreadsheets, cannot be read or are broken links
    are rejected later with a reason. Everything else is listed once with its
    :attr:`InputFile.skipped` reason and never opened (module docstring): a folder in
    ``exclude`` (the run's output and cache folders) or holding :data:`OUTPUT_MARKER`, a hidden
    folder, a recycle bin or other system folder (:data:`_SYSTEM_FOLDERS`) and a folder that
    cannot be opened are one entry each, their content unread.
    Source: issue 9.8; ``spec/submission-form.md``, "The file".
    """
    root = raw_dir.resolve()
    excluded = {Path(p).resolve() for p in exclude}
    found: list[InputFile] = []
    pending = [raw_dir]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries)
        except OSError:
            found.append(_entry(folder, raw_dir, SKIP_UNREADABLE_FOLDER))
            continue
        for name in names:
            path = folder / name
            reason, is_folder = _classify(path, root)
            if is_folder:
                resolved = path.resolve()
                if resolved in excluded or (path / OUTPUT_MARKER).exists():
                    found.append(_entry(path, raw_dir, SKIP_OUTPUT))
                elif name.startswith("."):
                    found.append(_entry(path, raw_dir, SKIP_HIDDEN_FOLDER))
                elif name.lower() in _SYSTEM_FOLDERS:
                    found.append(_entry(path, raw_dir, SKIP_SYSTEM_FOLDER))
                else:
                    pending.append(path)
                continue
            if reason == SKIP_HIDDEN and path.is_dir() and not path.is_symlink():
                reason = SKIP_HIDDEN_FOLDER
            found.append(_entry(path, raw_dir, reason))
    return sorted(found, key=lambda f: Path(f.file).parts)
