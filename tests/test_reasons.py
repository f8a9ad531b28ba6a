"""System and parser errors become Vietnamese reasons with their place (``thidua.reasons``):
the English text of an ``OSError``, a JSON, TOML or CSV error never reaches the user."""

from __future__ import annotations

import errno
import io
import json
import tomllib

import pandas as pd
import pytest

from thidua.reasons import OS_REASONS, csv_reason, json_reason, os_reason, toml_reason


@pytest.mark.parametrize("number, said", [
    (errno.ENOENT, "không tồn tại"),
    (errno.EACCES, "không có quyền truy cập"),
    (errno.ENOSPC, "ổ đĩa đã đầy"),
    (errno.EROFS, "ổ đĩa chỉ cho phép đọc"),
    (errno.EISDIR, "là một thư mục, không phải tệp"),
    (errno.ENOTDIR, "một phần của đường dẫn không phải thư mục"),
    (errno.ENAMETOOLONG, "tên tệp quá dài"),
])
def test_an_os_error_is_told_by_its_number(number, said):
    assert os_reason(OSError(number, "English words")) == said


def test_an_unknown_or_missing_error_number_is_still_vietnamese():
    assert os_reason(OSError(errno.ECHILD, "No child processes")) == f"lỗi hệ thống (mã {errno.ECHILD})"
    assert os_reason(OSError("no number")) == "lỗi hệ thống"
    assert errno.ECHILD not in OS_REASONS


def test_a_real_missing_file_and_a_folder_read_as_a_file(tmp_path):
    with pytest.raises(OSError) as missing:
        (tmp_path / "khong-co.json").read_text()
    with pytest.raises(OSError) as folder:
        tmp_path.read_text()
    assert os_reason(missing.value) == "không tồn tại"
    assert os_reason(folder.value) == "là một thư mục, không phải tệp"


JSON = (json.loads, json.JSONDecodeError, json_reason)
TOML = (tomllib.loads, tomllib.TOMLDecodeError, toml_reason)


@pytest.mark.parametrize("parser, text, said", [
    (JSON, "{bad", "không đúng dạng JSON ở dòng 1, cột 2"),
    (JSON, '{\n  "year": 2024,\n  "x": }', "không đúng dạng JSON ở dòng 3, cột 8"),
    (JSON, "", "không đúng dạng JSON ở dòng 1, cột 1"),
    (TOML, "x = 1\ny = = 2\n", "không đúng dạng TOML ở dòng 2, cột 5"),
    (TOML, "[document]\nnumber = \"12/BC\n", "không đúng dạng TOML ở dòng 2, cột 16"),
    (TOML, "a = [", "không đúng dạng TOML ở cuối tệp (có bảng, chuỗi hoặc giá trị chưa đóng)"),
])
def test_json_and_toml_are_placed_by_line_and_column(parser, text, said):
    parse, error, reason = parser
    with pytest.raises(error) as caught:
        parse(text)
    assert reason(caught.value) == said


def test_a_toml_error_without_a_place_is_still_vietnamese():
    assert toml_reason(ValueError("Something odd")) == "không đúng dạng TOML"


@pytest.mark.parametrize("text, skip, said", [
    ('a,b\n1,2\n"3,4\n5,6\n', 0,
     "dấu ngoặc kép mở ở dòng 3 không được đóng (mỗi ô có dấu phẩy hoặc xuống dòng phải nằm giữa "
     "hai dấu ngoặc kép)"),
    ('# c\n# c\na,b\n1,2\n"3,4\n', 2,
     "dấu ngoặc kép mở ở dòng 5 không được đóng (mỗi ô có dấu phẩy hoặc xuống dòng phải nằm giữa "
     "hai dấu ngoặc kép)"),
    ("a,b\n1,2\n3,4,5\n", 0,
     "dòng 3 có 3 ô, nhiều hơn 2 cột của dòng tiêu đề (ô có dấu phẩy phải nằm giữa hai dấu ngoặc kép)"),
    ("# c\na,b\n1,2\n3,4,5,6\n", 1,
     "dòng 4 có 4 ô, nhiều hơn 2 cột của dòng tiêu đề (ô có dấu phẩy phải nằm giữa hai dấu ngoặc kép)"),
])
def test_csv_errors_name_the_line_of_the_whole_file(text, skip, said):
    with pytest.raises(pd.errors.ParserError) as caught:
        pd.read_csv(io.StringIO(text), dtype="str", skiprows=skip)
    assert csv_reason(caught.value) == said


def test_an_unknown_csv_error_is_still_vietnamese():
    assert csv_reason(ValueError("odd")) == "không đúng dạng CSV (dấu phẩy hoặc dấu ngoặc kép đặt sai)"
