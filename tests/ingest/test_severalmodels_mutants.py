"""Several models in one ``Tên mô hình`` cell (:mod:`thidua.ingest.severalmodels`), on values
and frames built in this process (the file-reading tests of ``test_several_models.py`` run
:func:`several_models` and its note in the parsing worker, which a mutation run cannot see):
each numbering and bullet, the bounds of a name, the rows left alone, the note word for word."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.severalmodels import models_in_cell, several_models, several_models_note


@pytest.mark.parametrize("text, models", [
    ("1/ Bữa cơm công đoàn\r\n2/ Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("1 . Bữa cơm\u20282 .  Áo ấm.", ["Bữa cơm", "Áo ấm"]),  # five letters: a name
    ("1. Bữa cơm\n2. Áo ấ", None),  # four
    ("\n1. Bữa cơm công đoàn\n\n  2. Mái ấm công đoàn ; \n", ["Bữa cơm công đoàn",
                                                             "Mái ấm công đoàn"]),
    # no space after the number: a letter follows it (fresh tester N's neighbours of N206)
    ("1.Bữa cơm công đoàn\n2.Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("1.500 hộ được hỗ trợ\n2.000 suất quà", None),  # a number, not a rank
    ("1. Bữa cơm công đoàn\n2. Mái ấm\n3. Góc sách\n4. Tủ sách\n5. Chợ phiên\n6. Tết sum vầy"
     "\n7. Áo ấm\n8. Sữa học đường\n9. Quỹ khuyến học\n10. Bếp ăn\n11. Vườn rau",
     ["Bữa cơm công đoàn", "Mái ấm", "Góc sách", "Tủ sách", "Chợ phiên", "Tết sum vầy",
      "Áo ấm", "Sữa học đường", "Quỹ khuyến học", "Bếp ăn", "Vườn rau"]),
    ("1. Bữa cơm công đoàn\n1. Mái ấm công đoàn", None),  # numbered twice
    ("0. Bữa cơm công đoàn\n1. Mái ấm công đoàn", None),
    ("- Bữa cơm công đoàn,\n-Mái ấm công đoàn.", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("+ Bữa cơm công đoàn\n+ Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("* Bữa cơm công đoàn\n* Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("– Bữa cơm công đoàn\n– Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("▪ Bữa cơm công đoàn\n▪ Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("● Bữa cơm công đoàn\n● Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
    ("- Bữa cơm công đoàn\n- Góc", None),
    ("1. Hội diễn lần thứ X;\n2. Hội thao CNVC lần thứ IX.",  # only ``;,.`` taken off the end
     ["Hội diễn lần thứ X", "Hội thao CNVC lần thứ IX"]),
    ("1. Bữa cơm công đoàn\n- Mái ấm công đoàn", None),  # a number and a bullet
    ("- Bữa cơm công đoàn\nMái ấm công đoàn", None),
])
def test_each_numbering_and_bullet(text, models):
    assert models_in_cell(text) == models


def _frames(models: dict[int, str], registrants: dict[int, str] | None = None):
    registrants = registrants or {r: "CĐCS Công ty May 10" for r in models}
    valid = pd.DataFrame({"model": list(models.values()), "field": "KT", "type": "collective",
                          "registrant": list(registrants.values())}, index=list(models))
    raw = pd.DataFrame({"model": list(models.values())}, index=list(models))
    return valid, raw


def test_a_row_of_several_models_is_one_row_per_model():
    valid, raw = _frames({5: "Bữa cơm công đoàn",
                          6: "1. Bữa cơm Công đoàn\n2. Mái ấm công đoàn\n3. Góc sách",
                          7: "- Tủ sách pháp luật\n- Chợ phiên"})
    out, split = several_models(valid, raw)
    assert out.index.tolist() == [5, 6, 6, 7, 7]
    assert out["model"].tolist() == ["Bữa cơm công đoàn", "Mái ấm công đoàn", "Góc sách",
                                     "Tủ sách pháp luật", "Chợ phiên"]
    assert out["registrant"].tolist() == ["CĐCS Công ty May 10"] * 5
    assert split == {6: [("Bữa cơm Công đoàn", 5), ("Mái ấm công đoàn", None),
                         ("Góc sách", None)],
                     7: [("Tủ sách pháp luật", None), ("Chợ phiên", None)]}


def test_rows_left_alone():
    valid, raw = _frames({6: "1. Bữa cơm công đoàn\n2. Mái ấm công đoàn"})
    for v, r in ((valid.iloc[:0], raw), (valid, raw.drop(columns="model")),
                 (valid, raw.rename(index={6: 7}))):
        out, split = several_models(v, r)
        assert out is v and split == {}
    # a row already split into several people: its index repeated, left as it is
    people = pd.concat([valid, valid])
    people["registrant"] = ["Nguyễn Văn An", "Trần Thị Bình"]
    out, split = several_models(people, raw)
    assert out is people and split == {}
    # beside it, another row is still read
    both = pd.concat([people, _frames({7: "- Tủ sách pháp luật\n- Chợ phiên"})[0]])
    raw2 = pd.concat([raw, _frames({7: "- Tủ sách pháp luật\n- Chợ phiên"})[1]])
    out, split = several_models(both, raw2)
    assert out.index.tolist() == [6, 6, 7, 7]
    assert split == {7: [("Tủ sách pháp luật", None), ("Chợ phiên", None)]}
    plain, raw3 = _frames({5: "Bữa cơm công đoàn", 6: "Mái ấm"})
    assert several_models(plain, raw3) == (plain, {})


def test_the_note_word_for_word():
    assert several_models_note({}) is None
    assert several_models_note({9: [("Tủ sách", None), ("Chợ phiên", None)],
                                6: [("Bữa cơm", 5), ("Mái ấm", None)]}) == (
        "Ô 'Tên mô hình' ghi nhiều mô hình, mỗi dòng trong ô một mô hình có đánh số hoặc gạch "
        "đầu dòng: mỗi mô hình được tính là một đăng ký của cùng tập thể/cá nhân, mang số dòng "
        "của ô ấy (dòng 6: Bữa cơm: trùng với dòng 5, không tính lại, Mái ấm; dòng 9: Tủ sách, "
        "Chợ phiên). Đề nghị từ nay ghi mỗi mô hình một dòng.")
