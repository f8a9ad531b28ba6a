"""What a disk or a USB stick holds besides a unit's files: recycle bins and system folders
are listed, never read (a deleted draft in ``$RECYCLE.BIN`` was counted over the unit's list:
fresh tester Q's R127); a name with spaces or a dot after its suffix is read by its suffix
(``Q-DD.xlsx `` from a zip made on a Mac was rejected as the format ``'.xlsx '``: R147).
``thidua/ingest/discover.py`` (``_SYSTEM_FOLDERS``, ``form_suffix``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import row, write_xlsx
from thidua.ingest import discover
from thidua.ingest.discover import discover_files, form_suffix
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.selection import select_submissions

ROWS = [row(stt=i, model=f"Mô hình số {i} của đơn vị") for i in range(1, 4)]


@pytest.mark.parametrize("folder", ["$RECYCLE.BIN/S-1-5-21-1000", "RECYCLER", "Recycled",
                                    "System Volume Information", "__MACOSX", "lost+found",
                                    "Q-DD nộp/$Recycle.Bin"])
def test_a_system_folder_is_listed_and_never_read(tmp_path, context, folder):
    write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    write_xlsx(tmp_path / folder / "$RAB12CD.xlsx", ROWS[:1],
               title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    found = {f.file: f.skipped for f in discover_files(tmp_path)}
    bin_folder = folder.split("/S-1")[0]  # the bin itself, not the user's folder inside it
    assert found.get(bin_folder) == discover.SKIP_SYSTEM_FOLDER
    assert not [f for f in found if f.endswith("$RAB12CD.xlsx")]
    results = select_submissions([ingest_file(f, context) for f in discover_files(tmp_path)
                                  if not f.skipped])
    assert [(r.file, r.status, r.rows["valid"]) for r in results] == [("Q-DD_dk.xlsx", USED, 3)]


@pytest.mark.parametrize("name, suffix", [
    ("Q-DD.xlsx ", ".xlsx"), ("Q-DD.XLSX", ".xlsx"), ("Q-DD.xlsx.", ".xlsx"),
    ("Q-DD.xlsx . ", ".xlsx"), ("Q-DD.csv  ", ".csv"), ("Q-DD", ""), ("Q-DD.tar.gz", ".gz"),
])
def test_form_suffix(name, suffix):
    assert form_suffix(Path(name)) == suffix


def test_a_name_with_a_space_after_its_suffix_is_read(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    spaced = path.rename(tmp_path / "Q-DD_dk.xlsx ")
    [found] = discover_files(tmp_path)
    assert found.file == spaced.name and not found.skipped
    result = ingest_file(found, context)
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-DD", 3)
