"""A registration card laid out vertically, each label alone on its row and its value on the
row under it (``TÊN MÔ HÌNH`` over ``Bữa cơm Công đoàn``, the value merged across), one card
per sheet or stacked: read as the cards written ``label | value`` are (fresh tester J's J085:
the whole file rejected "Không tìm thấy dòng tiêu đề"; ``thidua.ingest.formsheet.value_below``)."""

from __future__ import annotations

from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.formsheet import as_table, forms

TITLE = [["LĐLĐ QUẬN BA ĐÌNH"], ['PHIẾU ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024'],
         ["Mã đơn vị: Q-BD"], ["Năm: 2024"], []]


def card(model, field, type_, registrant, position=None, colon=""):
    lines = [("TÊN MÔ HÌNH", model), ("LĨNH VỰC", field), ("HÌNH THỨC", type_),
             ("TÊN TẬP THỂ/CÁ NHÂN", registrant), ("CHỨC VỤ", position),
             ("CẤP CÔNG ĐOÀN", "Cấp trên trực tiếp cơ sở"),
             ("THỜI GIAN THỰC HIỆN", "01/2024 - 12/2024"), ("KẾT QUẢ", "Hoàn thành")]
    return [row for label, value in lines for row in ([label + colon], [value])]


def test_a_vertical_card_gives_each_label_the_value_under_it():
    grid = [*TITLE, *card("Mái ấm công đoàn", "Kinh tế", "Tập thể", "CĐCS Trường A")]
    assert forms(grid) == [(5, 20, {
        "model": "Mái ấm công đoàn", "field": "Kinh tế", "type": "Tập thể",
        "registrant": "CĐCS Trường A", "position": "", "level": "Cấp trên trực tiếp cơ sở",
        "period": "01/2024 - 12/2024", "result": "Hoàn thành"})]
    out, placed = as_table(grid)
    assert placed == [(5, 20, 6)]
    assert all(not any(row) for row in out[7:21])  # the card's rows emptied, the last too


def test_one_card_per_sheet_each_a_registration(tmp_path, context):
    sheets = [Sheet("Phiếu 1", [*TITLE, *card("Mái ấm công đoàn", "Kinh tế", "Tập thể",
                                              "CĐCS Trường Tiểu học số 1")]),
              Sheet("Phiếu 2", [*TITLE, *card("Sáng kiến cải tiến quy trình", "Kinh tế",
                                              "Cá nhân", "Ngô Thị Hạnh", "Chủ tịch CĐCS",
                                              colon=":")]),
              Sheet("Phiếu 3", [*TITLE, *card("Đối thoại định kỳ", "Văn hóa - xã hội",
                                              "Tập thể", "CĐCS Trường Tiểu học số 3")])]
    path = tmp_path / "Q-BD_2024.xlsx"
    write_xlsx(path, sheets)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit) == ("used", "Q-BD")
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    valid = result.registrations
    assert valid["model"].tolist() == ["Mái ấm công đoàn", "Sáng kiến cải tiến quy trình",
                                       "Đối thoại định kỳ"]
    assert valid["type"].tolist() == ["collective", "individual", "collective"]
    assert valid["position"].tolist()[1] == "Chủ tịch CĐCS"
    assert valid["result"].tolist() == ["hoan_thanh"] * 3


def test_a_label_alone_keeps_no_heading_signature_or_label_as_its_value():
    grid = [*TITLE, ["Tên mô hình"], ["Bữa cơm"], ["Lĩnh vực"], ["Kinh tế"], ["Hình thức"],
            ["Tập thể"], ["Tên tập thể/cá nhân"], ["CĐCS A"], ["Ghi chú:"], ["Người lập biểu"]]
    assert forms(grid)[0][2]["note"] == ""
    titled = [*grid[:-2], ["Ghi chú"], ["Năm: 2024"]]  # a title line is no value either
    assert forms(titled)[0][2]["note"] == ""
    # a label over another label: both empty, never one the other's value
    guide = [["Tên mô hình"], ["Lĩnh vực"], ["Hình thức"], ["Tên tập thể/cá nhân"]]
    assert forms(guide) == []
    # a column guide laid out so is no card: its field reads as no value
    options = [["Tên mô hình"], ["ghi ngắn gọn"], ["Lĩnh vực"], ["KT, VHXH, ANQP, XDHTCT"],
               ["Hình thức"], ["Tập thể hoặc Cá nhân"], ["Tên tập thể/cá nhân"], ["ghi rõ"]]
    assert forms(options) == []
