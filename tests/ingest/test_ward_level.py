"""A ``Cấp công đoàn`` naming the ward or commune (``Phường``, ``Cấp xã``) is read with the
report year: a grassroots union until 2024, the level directly above grassroots from the 2025
reform on; counted and told, never rejected (``thidua/ingest/wardlevel.py``,
``docs/contracts.md``)."""

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


def test_a_2024_file_counts_a_ward_as_grassroots_and_tells_it(tmp_path, context):
    result = _ingest(tmp_path, context, ["Phường", "Cơ sở", "Cấp xã", "Phường"], 2024, "Q-HK")
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["level"].tolist() == ["co_so"] * 4
    assert result.interpreted == 3
    told = [n for n in result.readings if "Cấp công đoàn" in n]
    assert told == ["Cột 'Cấp công đoàn': 'Phường' (dòng 4, 7) đã hiểu là 'Cơ sở'; nếu không "
                    "đúng, đề nghị sửa lại và gửi lại.",
                    "Cột 'Cấp công đoàn': 'Cấp xã' (dòng 6) đã hiểu là 'Cơ sở'; nếu không đúng, "
                    "đề nghị sửa lại và gửi lại."]


def test_a_2025_file_counts_a_ward_as_above_grassroots(tmp_path, registry):
    context = UnitContext.for_year(registry, 2025)
    result = _ingest(tmp_path, context, ["Phường", "Cơ sở", "CĐCS phường"], 2025, "P-BADINH")
    assert result.unit == "P-BADINH"
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.registrations["level"].tolist() == ["cap_tren_co_so", "co_so", "co_so"]
    assert any("'Phường' (dòng 4) đã hiểu là 'Cấp trên trực tiếp cơ sở'" in n
               for n in result.readings)


def test_a_level_of_nothing_known_is_still_rejected(tmp_path, context):
    result = _ingest(tmp_path, context, ["Phòng ban", "Cơ sở"], 2024, "Q-HK")
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 1)
    assert result.rejections["column"].tolist() == ["Cấp công đoàn"]
