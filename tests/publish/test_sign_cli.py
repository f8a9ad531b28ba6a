"""``thidua sign`` and ``thidua verify`` (issue 11.2, 11.3): the version in force is signed
into a new file beside it, never in place; verify exits 0 only when everything holds; the
signed file is what distribution sends."""

from __future__ import annotations

import json

import pytest

from archive_fixtures import pki, small_version  # noqa: F401 - fixtures
from thidua.cli import main
from thidua.deliver.mail import compose_message
from thidua.publish.outputs import publish_version
from thidua.publish.published import NotPublished, load_published
from thidua.publish.versions import version_dir

PDF, SIGNED = "bao-cao-dan-van-kheo-2024.pdf", "bao-cao-dan-van-kheo-2024-da-ky.pdf"


@pytest.fixture(scope="module")
def signed_out(small_version, pki):
    out = small_version[0]
    import os
    os.environ["THIDUA_P12_PASSWORD"] = pki.password.decode()
    try:
        first = main(["sign", "--year", "2024", "--p12", str(pki.p12), "--out", str(out)])
        again = main(["sign", "--year", "2024", "--p12", str(pki.p12), "--out", str(out)])
    finally:
        del os.environ["THIDUA_P12_PASSWORD"]
    return out, first, again


def test_sign_writes_a_signed_copy_beside_the_untouched_version(signed_out, small_version):
    out, first, again = signed_out
    assert (first, again) == (0, 0)
    folder = out / "versions" / "v1"
    assert (folder / PDF).read_bytes() == small_version[2]  # the published file is untouched
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert SIGNED not in [o["path"] for o in manifest["outputs"]]
    assert (folder / SIGNED).read_bytes() == (out / SIGNED).read_bytes()
    assert (folder / SIGNED).read_bytes().startswith(small_version[2])


def test_signing_twice_says_so_and_keeps_the_first_signature(signed_out, capsys, pki):
    out = signed_out[0]
    before = (out / SIGNED).read_bytes()
    import os
    os.environ["THIDUA_P12_PASSWORD"] = pki.password.decode()
    try:
        assert main(["sign", "--year", "2024", "--p12", str(pki.p12), "--out", str(out)]) == 0
    finally:
        del os.environ["THIDUA_P12_PASSWORD"]
    assert capsys.readouterr().out == f"Bản này đã được ký từ trước: {out / 'versions' / 'v1' / SIGNED}\n"
    assert (out / SIGNED).read_bytes() == before


def test_verify_passes_with_the_root_and_names_the_signer(signed_out, capsys, pki):
    out = signed_out[0]
    capsys.readouterr()
    assert main(["verify", str(out / SIGNED), "--trust", str(pki.ca_pem)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Người ký: Nguyễn Minh Hằng (Liên đoàn Lao động thành phố Hà Nội)"
    assert lines[3] == "Nội dung còn nguyên vẹn: có; chữ ký bao trùm cả tệp: có"
    assert lines[4] == "Chứng thư dẫn tới gốc tin cậy: có" and lines[5] == "PDF/A-3b: đạt"
    assert [line.split(" (")[0] for line in lines if line.startswith("Tệp đính kèm:")] == [
        "Tệp đính kèm: summary.json", "Tệp đính kèm: rejected.csv", "Tệp đính kèm: manifest.json"]
    assert lines[-1] == "KẾT LUẬN: chữ ký hợp lệ, tài liệu nguyên vẹn."


def test_verify_fails_on_one_changed_byte_and_on_an_unsigned_file(signed_out, capsys, pki, tmp_path):
    out = signed_out[0]
    data = bytearray((out / SIGNED).read_bytes())
    data[11] ^= 0x01
    tampered = tmp_path / "sua.pdf"
    tampered.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["verify", str(tampered), "--trust", str(pki.ca_pem)]) == 1
    said = capsys.readouterr().out.splitlines()
    assert ("Lỗi: nội dung đã bị thay đổi sau khi ký: mã băm của tệp không khớp với chữ ký "
            "(chữ ký không còn giá trị).") in said
    assert said[-1].startswith("KẾT LUẬN: KHÔNG HỢP LỆ")
    assert main(["verify", str(out / PDF), "--trust", str(pki.ca_pem)]) == 1
    assert "Lỗi: tệp không có chữ ký số." in capsys.readouterr().out.splitlines()


def test_the_signed_file_is_what_is_sent(signed_out):
    out = signed_out[0]
    published = load_published(out, 2024)
    assert published.signed and published.pdf.name == SIGNED
    message = compose_message(published, "Trần Văn Minh", "tvm@example.org",
                              "vanphong@example.org", published.pdf.read_bytes())
    attachment = next(part for part in message.iter_attachments())
    assert attachment.get_filename() == "Báo cáo Dân vận khéo năm 2024 - bản số 1 (đã ký số).pdf"
    assert attachment.get_content() == (out / "versions" / "v1" / SIGNED).read_bytes()


def test_a_signed_file_that_is_not_the_version_plus_a_signature_is_refused(tmp_path):
    folder = version_dir(tmp_path, 1)
    folder.mkdir(parents=True)
    (folder / PDF).write_bytes(b"%PDF-1.7 ban cong bo")
    import hashlib
    digest = hashlib.sha256(b"%PDF-1.7 ban cong bo").hexdigest()
    (folder / "manifest.json").write_text(json.dumps({"outputs": [{"path": PDF, "sha256": digest}]}))
    (folder / SIGNED).write_bytes(b"%PDF-1.7 mot ban khac")
    with pytest.raises(NotPublished, match="không phải bản bao-cao-dan-van-kheo-2024.pdf cộng chữ ký"):
        load_published(tmp_path, 2024)


def test_a_new_version_takes_the_old_signed_copy_off_the_top(tmp_path):
    publish_version(tmp_path, version_dir(tmp_path, 1), {PDF: b"v1", SIGNED: b"v1 + ky"})
    assert (tmp_path / SIGNED).exists()
    publish_version(tmp_path, version_dir(tmp_path, 2), {PDF: b"v2"})
    assert not (tmp_path / SIGNED).exists() and (tmp_path / PDF).read_bytes() == b"v2"
    assert (version_dir(tmp_path, 1) / SIGNED).read_bytes() == b"v1 + ky"


def test_a_wrong_password_or_no_trust_root_shows_no_traceback(signed_out, capsys, pki,
                                                             monkeypatch):
    out = signed_out[0]
    capsys.readouterr()
    assert main(["verify", str(out / SIGNED)]) == 1  # the chain cannot be vouched for
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err
    assert "Chứng thư dẫn tới gốc tin cậy: chưa kiểm tra" in captured.out
    monkeypatch.setenv("THIDUA_P12_PASSWORD", "sai-mat-khau")
    assert main(["sign", "--year", "2024", "--p12", str(pki.p12), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        f"thidua: Không mở được tệp khóa ký số {pki.p12}: sai mật khẩu hoặc tệp không phải "
        f"PKCS#12 có khóa và chứng thư (mật khẩu lấy từ THIDUA_P12_PASSWORD)."]
