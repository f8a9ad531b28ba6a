"""A line naming the representative or contact of the registration above it (fresh tester H's
H64: ``Đại diện: Nguyễn Văn An`` | ``Chủ tịch CĐCS`` under each collective's row was taken
for a second person of the collective's model and rejected asking its type) is part of that
registration: ignored (``continuation``), told, never rejected, its text joined to no cell
(:mod:`thidua.ingest.contacts`). A person's row without a label stays a second person."""

from __future__ import annotations

import pytest

from corpus_rows import reg, signature, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.contacts import is_contact
from thidua.ingest.files import ingest_file

BLANK = [None] * 11


def line(name: str | None, position: str | None = None, model: str | None = None) -> list:
    row = list(BLANK)
    row[1], row[4], row[5] = model, name, position
    return row


def _ingest(tmp_path, context, rows):
    path = tmp_path / "Q-BD_dk.xlsx"
    write_xlsx(path, [titled("Q-BD", rows)])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("text", [
    "Đại diện: Nguyễn Văn An", "Người đại diện - Trần Thị Hoa", "ĐẦU MỐI: Lê Minh Tuấn",
    "Liên hệ: 0912 345 678", "(Đại diện: Nguyễn Văn An)", "Đại diện tập thể: Nguyễn Văn An",
    "Người liên hệ:", "Đại diện", "SĐT: 0912 345 678", "Email: cdcs@truong.edu.vn",
    "Người phụ trách: Phạm Thị Hoa",
])
def test_a_contact_s_label(text):
    assert is_contact(text)


@pytest.mark.parametrize("text", [
    "Nguyễn Văn An", "Đại diện cho người lao động tại doanh nghiệp", "Liên hệ thực tiễn",
    "Người lập biểu: Nguyễn Thị Hoa", "Công đoàn cơ sở Trường THCS Lê Lợi", "Đầu mối giao thông",
    "Đại diện nhóm nữ công cơ sở", "Dtech Việt Nam",
])
def test_no_contact_s_label(text):
    assert not is_contact(text)


def test_the_representative_under_each_collective_is_ignored_and_told(tmp_path, context):
    rows = [reg(0), line("Đại diện: Nguyễn Văn An", "Chủ tịch CĐCS"), reg(1),
            reg(2, stt=3), line("Người liên hệ - Trần Thị Hoa", "ĐT 0912 345 678"),
            line("ĐT: 0912 345 678"), reg(3, stt=4),
            line(None, None, model="Đầu mối: Lê Minh Tuấn"), *signature()]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.ignored["continuation"] == 4
    frame = result.registrations
    assert frame["registrant"].tolist() == ["CĐCS Công ty TNHH Ánh Dương", "Trần Văn Minh",
                                            "CĐCS Bệnh viện Đa khoa Sông Hồng", "Phạm Văn Đức"]
    assert frame.loc[13, "model"] == "Góp vốn xoay vòng giúp đoàn viên khó khăn"  # not joined
    assert ("Các dòng ghi người đại diện hoặc người liên hệ (không có STT, lĩnh vực, hình thức) "
            "được đọc cùng đăng ký ngay trên, không tính là đăng ký riêng: dòng 8 ('Đại diện: "
            "Nguyễn Văn An', của đăng ký dòng 7), dòng 11 ('Người liên hệ - Trần Thị Hoa', của "
            "đăng ký dòng 10), dòng 12 ('ĐT: 0912 345 678', của đăng ký dòng 10), dòng 14 "
            "('Đầu mối: Lê Minh Tuấn', của đăng ký dòng 13). Nếu đó là một đăng ký riêng, đề "
            "nghị ghi đủ STT, tên mô hình, lĩnh vực, hình thức và bỏ chữ ghi trước tên."
            ) in result.readings


def test_after_a_blank_row_it_names_no_registration(tmp_path, context):
    rows = [reg(0), [], line("Đầu mối: Lê Minh Tuấn", "Chủ tịch CĐCS"), reg(1)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 0)
    assert any("riêng: dòng 9 ('Đầu mối: Lê Minh Tuấn'). Nếu" in n for n in result.readings)


@pytest.mark.parametrize("row, rejected", [
    (line("Nguyễn Văn An", "Chủ tịch CĐCS"), 1),  # a person without a label: its type asked
    (line("Đại diện cho người lao động", "Chủ tịch CĐCS"), 1),  # no colon: a name
])
def test_look_alikes_stay_second_people(tmp_path, context, row, rejected):
    result = _ingest(tmp_path, context, [reg(0), row, reg(1)])
    assert (result.rows["valid"], result.rows["rejected"]) == (2, rejected)
    assert result.ignored.get("continuation", 0) == 0
    assert list(result.rejections["column"]) == ["Hình thức"]


def test_a_labelled_row_with_its_own_type_is_no_contact_line(tmp_path, context):
    row = line("Đại diện: Nguyễn Văn An", "Chủ tịch CĐCS")
    row[3] = "Cá nhân"  # a choice of its own: a registration (rejected lacking its model)
    result = _ingest(tmp_path, context, [reg(0), row, reg(1)])
    assert result.ignored.get("continuation", 0) == 0
    assert result.rows["rejected"] == 1
