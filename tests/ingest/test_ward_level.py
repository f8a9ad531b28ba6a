"""A ``Cấp công đoàn`` naming the ward or commune (``Phường``, ``Cấp xã``) is no accepted
value; its rejection asks whether it is the level it has in the report year: a grassroots
union until 2024, the level directly above grassroots from the 2025 reform on
(``thidua/ingest/wardlevel.py``, ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import UnitContext, ingest_file
from thidua.ingest.wardlevel import ward_level

LEVEL, PERIOD = HEADER.index("Cấp công đoàn"), HEADER.index("Thời gian thực hiện")
WARD_WORDS = ["Phường", "Xã", "phường", "XÃ", "Cấp phường", "Cấp xã", "cap xa", "Phuong",
              "Xã/phường", "Phường, xã", "Cấp xã, phường", "Xã (phường)", "Công đoàn phường",
              "CĐ xã", "Công đoàn xã, phường", "Thị trấn", "Cấp xã, phường, thị trấn",
              "Phường/Xã/Thị trấn", "Cấp phường xã", "Phuwowngf", "Caaps xax"]


@pytest.mark.parametrize("text", WARD_WORDS)
def test_a_ward_or_commune_is_grassroots_until_2024_and_above_it_from_2025(text):
    assert ward_level(text, 2024) == "co_so"
    assert ward_level(text, 2023) == "co_so"
    assert ward_level(text, 2025) == "cap_tren_co_so"
    assert ward_level(text, 2026) == "cap_tren_co_so"


@pytest.mark.parametrize("text", ["CĐCS phường", "Cơ sở phường", "CĐCS thị trấn",
                                  "CĐCS xã, phường"])
def test_the_grassroots_union_of_a_ward_is_grassroots_in_every_year(text):
    assert ward_level(text, 2024) == ward_level(text, 2025) == "co_so"


@pytest.mark.parametrize("text", ["Cơ sở", "Quận", "Thành phố", "TT", "Tổ", "Kinh tế",
                                  "Phường Ba Đình", "Xã hội", "Phòng", "", None, 3,
                                  "Cấp", "Công đoàn"])
def test_anything_else_is_not_a_ward_level(text):
    assert ward_level(text, 2024) is None
    assert ward_level(text, 2025) is None


def _ingest(tmp_path, context, levels: list[str], year: int, code: str):
    rows = [reg(i) for i in range(len(levels))]
    for r, level in zip(rows, levels):
        r[LEVEL], r[PERIOD] = level, f"01/{year} - 12/{year}"
    path = tmp_path / f"{code}_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [[f"Mã đơn vị: {code}"], [f"Năm: {year}"], HEADER, *rows])])
    return ingest_file(input_file(path), context)


EXPECTED = ("'{value}' không hợp lệ ở cột 'Cấp công đoàn': cần Thành phố, Cấp trên trực tiếp cơ sở "
            "(Cấp trên cơ sở) hoặc Cơ sở.")


def test_a_2024_file_rejects_a_ward_asking_whether_it_is_grassroots(tmp_path, context):
    result = _ingest(tmp_path, context, ["Phường", "Cơ sở", "Cấp xã"], 2024, "Q-HK")
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 2)
    hint = " Năm 2024, công đoàn ở phường, xã là công đoàn cơ sở: có phải là 'Cơ sở'?"
    assert result.rejections[["row", "column", "error"]].values.tolist() == [
        [4, "Cấp công đoàn", EXPECTED.format(value="Phường") + hint],
        [6, "Cấp công đoàn", EXPECTED.format(value="Cấp xã") + hint]]


def test_a_2025_file_rejects_a_ward_asking_whether_it_is_above_grassroots(tmp_path, registry):
    context = UnitContext.for_year(registry, 2025)
    result = _ingest(tmp_path, context, ["Phường", "Cơ sở", "CĐCS phường"], 2025, "P-BADINH")
    assert result.unit == "P-BADINH"
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 2)
    assert result.rejections["error"].tolist() == [
        EXPECTED.format(value="Phường") + " Từ năm 2025, công đoàn xã, phường là cấp trên trực "
        "tiếp cơ sở: có phải là 'Cấp trên trực tiếp cơ sở'?",
        EXPECTED.format(value="CĐCS phường") + " Công đoàn cơ sở ở phường, xã: có phải là 'Cơ "
        "sở'?"]


def test_a_level_of_nothing_known_is_rejected_without_a_hint(tmp_path, context):
    result = _ingest(tmp_path, context, ["Phòng ban", "Cơ sở"], 2024, "Q-HK")
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 1)
    assert result.rejections["error"].tolist() == [EXPECTED.format(value="Phòng ban")]


def test_a_ward_s_text_that_reads_as_a_level_is_no_ward_level():
    """``Công đoàn cơ sở xã`` reads as ``Cơ sở`` already: counted, never asked."""
    assert ward_level("Công đoàn cơ sở xã", 2025) is None
    assert ward_level("Công đoàn cơ sở xã", 2024) is None
