"""An NTFS alternate data stream copied off Windows as a file of its own
(``Q-HK_dk.xlsx:Zone.Identifier``, what copying a downloaded file into WSL or some unzip
tools leave beside it) is skipped as Windows' own, never a rejected newer file of the unit
(the seventh tester's F7; ``spec/outputs.md``: every input file accounted for)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from thidua.ingest import discover
from thidua.ingest.discover import discover_files, skip_reason


@pytest.mark.parametrize("name", [
    "Q-HK_dk.xlsx:Zone.Identifier", "Q-HK_dk.xls:Zone.Identifier", "bao cao.xlsx:SmartScreen",
    "Q-HK_dk.csv:com.dropbox.attributes"])
def test_an_alternate_stream_is_skipped_as_windows_own(name):
    assert skip_reason(name) == discover.SKIP_STREAM


@pytest.mark.parametrize("name", ["Q-HK_dk.xlsx", "Q-HK: bản sửa.xlsx", "Zone.Identifier.xlsx"])
def test_a_file_with_a_colon_in_its_own_name_is_still_a_submission(name):
    assert skip_reason(name) == ""


def test_the_stream_beside_a_file_is_listed_skipped_and_the_file_read(tmp_path):
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", [["Mã đơn vị: Q-HK"], HEADER, *regs(2)])])
    (tmp_path / "Q-HK_dk.xlsx:Zone.Identifier").write_text("[ZoneTransfer]\r\nZoneId=3\r\n")
    found = {f.file: f.skipped for f in discover_files(tmp_path)}
    assert found == {"Q-HK_dk.xlsx": "", "Q-HK_dk.xlsx:Zone.Identifier": discover.SKIP_STREAM}


@pytest.mark.parametrize("name", [
    "Q-HK_2024.xlsx - Shortcut.lnk", "Q-BD_2024.xlsx.lnk", "Q-HK_dk.xlsx - Lối tắt.LNK",
    "Biểu mẫu DVK.url", "Q-HK.xlsx.webloc", "Q-HK.xlsx alias.alias", "Q-HK.desktop"])
def test_a_shortcut_is_skipped_never_a_rejected_file_of_the_unit(name):
    assert skip_reason(name) == discover.SKIP_SHORTCUT


@pytest.mark.parametrize("name", ["Q-HK_lnk.xlsx", "Q-HK.lnk.xlsx", "url.csv", "Q-HK_desktop.ods"])
def test_a_name_holding_a_shortcut_word_is_still_a_submission(name):
    assert skip_reason(name) == ""


def test_a_shortcut_beside_the_file_is_listed_skipped_and_the_file_read(tmp_path):
    write_xlsx(tmp_path / "Q-HK_2024.xlsx", [Sheet("DS", [["Mã đơn vị: Q-HK"], HEADER, *regs(2)])])
    (tmp_path / "Q-HK_2024.xlsx - Shortcut.lnk").write_bytes(
        b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F" + bytes(60))
    found = {f.file: f.skipped for f in discover_files(tmp_path)}
    assert found == {"Q-HK_2024.xlsx": "", "Q-HK_2024.xlsx - Shortcut.lnk": discover.SKIP_SHORTCUT}


@pytest.mark.parametrize("name", ["Backup of Q-HK_2024.xlk", "Q-HK_2024.xlsx.bak", "Q-HK.BAK",
                                  "Backup of DVK.XLK"])
def test_a_programs_own_backup_is_skipped(name):
    """Excel's "Always create backup" writes ``Backup of … .xlk`` beside the file: it was
    rejected as a format and listed in ``rejected.csv`` (fresh tester K's K153)."""
    assert skip_reason(name) == discover.SKIP_BACKUP


@pytest.mark.parametrize("name", ["Backup of Q-HK_2024.xlsx", "Q-HK_bak.xlsx", "xlk.csv"])
def test_a_workbook_named_backup_is_still_a_submission(name):
    assert skip_reason(name) == ""
