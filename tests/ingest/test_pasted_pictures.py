"""Pictures pasted into a workbook (photos of the signed paper list) make it large, not its
list: a package over the size limit only by its pictures is read, told; one over it
otherwise is rejected, its pictures named (fresh tester K's K197; :mod:`thidua.ingest.pictures`).
The limit is made small here; the rule is the same at 50 MB."""

from __future__ import annotations

import os
import random
import zipfile

import pytest

from helpers import row, write_xlsx
from thidua.ingest import pictures, read
from thidua.ingest.isolation import checked_parse
from thidua.ingest.pictures import pictures_note, pictures_said, readable_bytes
from thidua.ingest.workbook import FileRejected

LIMIT = 40_000


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(pictures, "MAX_FILE_BYTES", LIMIT)
    monkeypatch.setattr(read, "MAX_FILE_BYTES", LIMIT)


def _book(tmp_path, name="Q-HD_2024.xlsx", photos=0, photo_bytes=30_000, padding=0):
    """A form of 3 rows with ``photos`` incompressible pictures in ``xl/media/`` and
    ``padding`` bytes of a part that is not a picture."""
    path = write_xlsx(tmp_path / name, [row(model=f"Mô hình số {i}", stt=i) for i in (1, 2, 3)],
                      title=["Mã đơn vị: Q-HD", "Năm: 2024"])
    noise = random.Random(7)
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(photos):
            archive.writestr(f"xl/media/image{i + 1}.jpeg", noise.randbytes(photo_bytes))
        if padding:
            archive.writestr("customXml/item9.xml", noise.randbytes(padding))
    return path


def test_a_package_over_the_limit_only_by_its_pictures_is_read_whole(tmp_path, small_limit):
    path = _book(tmp_path, photos=3)
    assert os.path.getsize(path) > 2 * LIMIT
    assert readable_bytes(path, LIMIT) == os.path.getsize(path)
    data = read.read_bytes(path)
    assert len(data) == os.path.getsize(path)
    parsed = checked_parse(data, ".xlsx")
    assert parsed.remarks[0] == (
        f"Tệp nặng {pictures.size(len(data))}, trong đó 3 ảnh dán vào bảng tính nặng 90,0 KB: "
        "đã đọc các dòng đăng ký, ảnh không được đọc. Lần sau đề nghị không dán ảnh (ảnh "
        "chụp danh sách có chữ ký, con dấu) vào biểu mà gửi riêng.")
    assert [s.sheet for s in parsed.sheets] == ["Danh sách"]


def test_a_package_over_the_limit_by_more_than_its_pictures_is_rejected_naming_them(
        tmp_path, small_limit):
    path = _book(tmp_path, photos=1, padding=50_000)
    assert readable_bytes(path, LIMIT) == LIMIT
    with pytest.raises(FileRejected) as rejected:
        read.read_bytes(path)
    assert str(rejected.value).startswith(
        "Tệp vượt quá giới hạn dung lượng tệp: hơn 40,0 KB (trong đó 1 ảnh dán vào bảng tính: "
        "30,0 KB, đề nghị xóa ảnh) (giới hạn 40,0 KB); đề nghị chỉ giữ biểu DVK-01")


def test_a_large_file_without_pictures_is_rejected_as_before(tmp_path, small_limit):
    path = _book(tmp_path, padding=60_000)
    assert pictures_said(path) == ""
    with pytest.raises(FileRejected) as rejected:
        read.read_bytes(path)
    assert str(rejected.value).startswith(
        "Tệp vượt quá giới hạn dung lượng tệp: hơn 40,0 KB (giới hạn 40,0 KB); đề nghị")


def test_only_a_package_and_only_up_to_its_own_limit(tmp_path, small_limit, monkeypatch):
    path = _book(tmp_path, photos=3)
    csv = tmp_path / "Q-HD.csv"
    csv.write_bytes(path.read_bytes())
    assert readable_bytes(csv, LIMIT) == LIMIT  # named .csv: no package
    assert readable_bytes(path, os.path.getsize(path)) == os.path.getsize(path)  # not over it
    monkeypatch.setattr(pictures, "MAX_PICTURED_FILE_BYTES", os.path.getsize(path) - 1)
    assert readable_bytes(path, LIMIT) == LIMIT


def test_a_file_under_the_limit_gets_no_note(tmp_path, small_limit):
    data = _book(tmp_path, photos=1, photo_bytes=1_000).read_bytes()
    assert len(data) < LIMIT and pictures_note(data) is None
    assert pictures.picture_parts(zipfile.ZipFile(tmp_path / "Q-HD_2024.xlsx")) == (1, 1_000)


def test_libreoffice_pictures_are_pictures_too(tmp_path):
    path = tmp_path / "Q-HD.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
        archive.writestr("Pictures/1000000001.jpg", b"\xff" * 700)
        archive.writestr("xl/embeddings/oleObject1.bin", b"\x00" * 300)
    with zipfile.ZipFile(path) as archive:
        assert pictures.picture_parts(archive) == (2, 1_000)
    assert pictures_said(path) == (" (trong đó 2 ảnh dán vào bảng tính: 1,0 KB, đề nghị "
                                   "xóa ảnh)")


def test_the_limits_just_inside_and_just_outside(tmp_path, monkeypatch):
    """The mutation run's survivors: each bound taken on both sides."""
    path = _book(tmp_path, photos=2)
    size = os.path.getsize(path)
    weight = pictures.picture_parts(zipfile.ZipFile(path))[1]
    assert readable_bytes(path, size - weight) == size  # over only by its pictures, exactly
    assert readable_bytes(path, size - weight - 1) == size - weight - 1
    monkeypatch.setattr(pictures, "MAX_PICTURED_FILE_BYTES", size)
    assert readable_bytes(path, LIMIT) == size  # at the largest read whole
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"x" * (LIMIT + 1))  # no zip: no picture, nothing more read
    assert readable_bytes(broken, LIMIT) == LIMIT and pictures_said(broken) == ""
    csv = tmp_path / "Q-HD.csv"
    csv.write_bytes(path.read_bytes())
    assert pictures_said(csv) == ""
    data = path.read_bytes()
    monkeypatch.setattr(pictures, "MAX_FILE_BYTES", len(data))
    assert pictures_note(data) is None
    monkeypatch.setattr(pictures, "MAX_FILE_BYTES", len(data) - 1)
    assert pictures_note(data).startswith("Tệp nặng")
