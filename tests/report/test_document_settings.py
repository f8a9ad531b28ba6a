"""The report's settings file (issue 11.4): data/reference/report.toml is read, checked, and
every mistake refused in one Vietnamese line naming the file and the key."""

from __future__ import annotations

import pytest

from thidua.report.document_settings import (
    DEFAULT_SETTINGS,
    SettingsError,
    load_document_settings,
)

GOOD = DEFAULT_SETTINGS.read_text(encoding="utf-8")


def write(tmp_path, text: str):
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_settings_name_the_signer_and_the_recipients():
    settings = load_document_settings()
    assert settings.signer_name == "Nguyễn Minh Hằng"
    assert (settings.signer_authority, settings.signer_title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert settings.code == "BC-LĐLĐ" and settings.printed_number == "……"
    assert settings.recipients[-1] == "Lưu: VT, TG."
    assert settings.timestamp_url == ""


def test_number_given_at_issue_time_overrides_the_file_and_changes_the_fingerprint():
    plain, numbered = load_document_settings(), load_document_settings(number="125")
    assert numbered.number == numbered.printed_number == "125"
    assert plain.sha256 != numbered.sha256


@pytest.mark.parametrize("old, new, said", [
    ('name = "Nguyễn Minh Hằng"', "", "thiếu khóa 'signer.name' (họ và tên người ký, một dòng chữ)."),
    ('name = "Nguyễn Minh Hằng"', 'name = ""', "khóa 'signer.name' cần họ và tên người ký, một dòng chữ."),
    ('number = ""', 'number = "12a"', "khóa 'document.number': số văn bản '12a' không hợp lệ; cần chữ số, ví dụ 125 (hoặc để trống)."),
    ('number = ""', 'number = 125', "khóa 'document.number' cần số văn bản: chữ số (ví dụ \"125\") hoặc để trống."),
    ('timestamp_url = ""', 'timestamp_url = "ftp://tsa"', "khóa 'signature.timestamp_url' cần địa chỉ http(s):// của máy chủ dấu thời gian, hoặc để trống."),
    ('title = "PHÓ CHỦ TỊCH"', 'title = "PHÓ CHỦ TỊCH"\nten = "x"', "khóa 'signer.ten' không được biết; các khóa có thể dùng:"),
])
def test_a_wrong_key_is_refused_naming_file_and_key(tmp_path, old, new, said):
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(SettingsError) as caught:
        load_document_settings(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {said}"), message
    assert "\n" not in message


def test_an_empty_recipients_list_is_refused(tmp_path):
    start = GOOD.index("list = [")
    path = write(tmp_path, GOOD[:start] + "list = []\n" + GOOD[GOOD.index("]", start) + 1:])
    with pytest.raises(SettingsError, match="khóa 'recipients.list' cần danh sách nơi nhận"):
        load_document_settings(path)


def test_a_file_that_is_not_toml_or_missing_is_refused(tmp_path):
    path = write(tmp_path, "[signer\nname = 1")
    with pytest.raises(SettingsError) as broken:
        load_document_settings(path)
    assert str(broken.value) == f"Tệp thiết lập báo cáo {path} không đúng dạng TOML ở dòng 1, cột 8."
    with pytest.raises(SettingsError) as missing:
        load_document_settings(tmp_path / "khong-co.toml")
    assert str(missing.value) == f"Không đọc được tệp thiết lập báo cáo {tmp_path / 'khong-co.toml'}: không tồn tại."
    latin = tmp_path / "latin.toml"
    latin.write_bytes("[signer]\nname = 'Nguyên'\n".encode("cp1258"))
    with pytest.raises(SettingsError) as not_utf8:
        load_document_settings(latin)
    assert str(not_utf8.value) == (f"Tệp thiết lập báo cáo {latin} không phải văn bản UTF-8 (byte lạ ở vị "
                                   f"trí 21); hãy lưu lại dạng UTF-8.")


def test_a_bad_number_on_the_command_line_names_the_option():
    with pytest.raises(SettingsError, match="^--number: số văn bản 'số 5' không hợp lệ"):
        load_document_settings(number="số 5")


def test_edited_settings_or_a_new_number_make_a_new_version(context):
    """The fingerprint that decides "unchanged" covers report.toml and --number."""
    from thidua.pipeline import Plan

    def plan(settings):
        return Plan(2024, [], None, context, "registry", "program", settings=settings)
    plain = plan(load_document_settings())
    assert plain.fingerprint(None) == plan(load_document_settings()).fingerprint(None)
    assert plain.fingerprint(None) != plan(load_document_settings(number="125")).fingerprint(None)
