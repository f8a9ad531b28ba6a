"""A file or folder name whose bytes are not UTF-8 (copied from an old Windows share, unzipped
with Windows-1258 names): shown as Windows-1258 reads it, read by its real path. Before, the
run stopped with "lỗi không mong đợi (UnicodeEncodeError)" (``docs/contracts.md``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from helpers import row, write_xlsx
from thidua.ingest.discover import discover_files, shown_name
from thidua.ingest.files import ingest_file


def test_a_name_of_other_bytes_is_shown_as_windows_1258_reads_it():
    assert shown_name("Q-BD_phát.xlsx") == "Q-BD_phát.xlsx"
    assert shown_name(os.fsdecode(b"Q-BD_ph\xe1t_2024.xlsx")) == "Q-BD_phát_2024.xlsx"
    assert shown_name(os.fsdecode(b"th\xf0 m\xf5c/Q-BD.xlsx")) == "thđ mơc/Q-BD.xlsx"


def test_such_a_file_is_listed_and_read(tmp_path, context):
    raw = tmp_path / "raw"
    made = write_xlsx(tmp_path / "made.xlsx", [row(stt=1)], title=["Mã đơn vị: Q-BD", "Năm: 2024"])
    folder = Path(os.fsdecode(os.fsencode(raw) + b"/\xd0\xf8t 1"))
    folder.mkdir(parents=True)
    target = Path(os.fsdecode(os.fsencode(folder) + b"/Q-BD_ph\xe1t_2024.xlsx"))
    target.write_bytes(made.read_bytes())
    [found] = discover_files(raw)
    assert found.file == "Đøt 1/Q-BD_phát_2024.xlsx"
    json.dumps(found.file, ensure_ascii=False).encode("utf-8")  # any output can write it
    result = ingest_file(found, context)
    assert result.status == "used" and result.rows["valid"] == 1
