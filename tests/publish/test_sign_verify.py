"""The report is signed (PAdES, pyHanko) and checked as a recipient would (issue 11.2, 11.3,
11.5): the tests make their own CA and signer, sign, verify, tamper, and verify again."""

from __future__ import annotations

import datetime as dt
import io

import pikepdf
import pytest

from archive_fixtures import other_pki, pki, small_version  # noqa: F401 - fixtures
from thidua.publish.pdfa import pdfa_problems
from thidua.publish.sign import (
    SignatureLook,
    SigningError,
    load_signer,
    p12_password,
    sign_pdf,
)
from thidua.publish.verify import load_trust_roots, verification_lines, verify_pdf
from thidua.report.render import html_to_pdf

SIGNED_AT = dt.datetime(2024, 12, 10, 2, 30, 5, tzinfo=dt.timezone.utc)  # 09:30:05 in Hà Nội
LOOK = SignatureLook("PHÓ CHỦ TỊCH", "Liên đoàn Lao động thành phố Hà Nội")


@pytest.fixture(scope="module")
def signed(small_version, pki, tmp_path_factory):
    path = tmp_path_factory.mktemp("ky") / "da-ky.pdf"
    signer = load_signer(pki.p12, pki.password)
    path.write_bytes(sign_pdf(small_version[2], signer, LOOK, now=SIGNED_AT))
    return path


def stamp_text(pdf: bytes) -> list[str]:
    """The text of the signature's appearance, from its ``/ActualText`` marks."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        field = document.Root.AcroForm.Fields[0]
        texts = []

        def walk(stream):
            for operands, operator in pikepdf.parse_content_stream(stream):
                if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                        and "/ActualText" in operands[1]:
                    texts.append(str(operands[1].ActualText))
            for xobject in (stream.get("/Resources") or {}).get("/XObject", {}).values():
                walk(xobject)
        walk(field.AP.N)
        return texts


def test_a_signed_report_verifies_against_its_root(signed, pki):
    found = verify_pdf(signed, load_trust_roots([pki.ca_pem]))
    assert found.problems == [] and found.ok
    assert found.signer == "Nguyễn Minh Hằng"
    assert found.organisation == "Liên đoàn Lao động thành phố Hà Nội"
    assert found.signed_at.isoformat() == "2024-12-10T09:30:05+07:00"
    assert found.intact and found.whole_file and found.trusted
    assert sorted(found.attachments) == ["manifest.json", "rejected.csv", "summary.json"]
    assert verification_lines(found)[-1] == "KẾT LUẬN: chữ ký hợp lệ, tài liệu nguyên vẹn."


def test_signing_keeps_every_pdfa_requirement_and_the_unsigned_bytes(signed, small_version):
    data = signed.read_bytes()
    assert pdfa_problems(data, ("summary.json", "rejected.csv", "manifest.json")) == []
    assert data.startswith(small_version[2])  # an incremental update
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_metadata() as meta:
        assert meta["pdf:Producer"] == str(pdf.docinfo["/Producer"])
        assert meta["pdfaid:part"] == "3"


def test_the_visible_signature_says_who_in_what_capacity_for_whom_and_when(signed):
    assert stamp_text(signed.read_bytes()) == [
        "Ký bởi: Nguyễn Minh Hằng", "Chức vụ: PHÓ CHỦ TỊCH",
        "Cơ quan: Liên đoàn Lao động thành phố Hà Nội", "Ngày ký: 10/12/2024 09:30:05 +07:00"]


def test_the_signature_sits_in_the_signature_block_above_the_signers_name(signed):
    from pypdf import PdfReader

    reader = PdfReader(signed)
    with pikepdf.open(signed) as pdf:
        field = pdf.Root.AcroForm.Fields[0]
        page = [p.objgen for p in pdf.pages].index(field.P.objgen)
        x1, y1, x2, y2 = (float(v) for v in field.Rect)
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(text.strip(), (tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
    reader.pages[page].extract_text(visitor_text=visit)
    name_y = found["Nguyễn Minh Hằng"][1]
    title_y = found["PHÓ CHỦ TỊCH"][1]
    assert name_y < y1 < y2 < title_y  # between the title and the name
    assert x1 < found["Nguyễn Minh Hằng"][0] < x2


def test_one_byte_changed_after_signing_fails_in_vietnamese(signed, pki, tmp_path):
    data = bytearray(signed.read_bytes())
    data[11] ^= 0x01  # a byte of the header's binary comment: still a readable PDF
    tampered = tmp_path / "sua-mot-byte.pdf"
    tampered.write_bytes(bytes(data))
    found = verify_pdf(tampered, load_trust_roots([pki.ca_pem]))
    assert not found.ok and not found.intact and found.trusted is None
    assert ("nội dung đã bị thay đổi sau khi ký: mã băm của tệp không khớp với chữ ký "
            "(chữ ký không còn giá trị).") in found.problems


def test_a_byte_changed_inside_the_attached_data_fails_too(signed, pki, tmp_path):
    data = bytearray(signed.read_bytes())
    middle = len(data) // 3
    data[middle] = (data[middle] + 1) % 256
    tampered = tmp_path / "sua-giua.pdf"
    tampered.write_bytes(bytes(data))
    found = verify_pdf(tampered, load_trust_roots([pki.ca_pem]))
    assert not found.ok
    assert any("bị thay đổi" in p or "bị sửa" in p or "hỏng" in p for p in found.problems)


def test_bytes_appended_after_signing_are_not_covered(signed, pki, tmp_path):
    appended = tmp_path / "them.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n% them sau khi ky\n")
    found = verify_pdf(appended, load_trust_roots([pki.ca_pem]))
    assert not found.ok
    assert "tệp có phần được thêm vào sau khi ký, không được chữ ký bảo vệ." in found.problems


def test_a_signer_from_another_ca_is_not_trusted(small_version, pki, other_pki, tmp_path):
    path = tmp_path / "ca-la.pdf"
    path.write_bytes(sign_pdf(small_version[2], load_signer(other_pki.p12, other_pki.password), LOOK))
    found = verify_pdf(path, load_trust_roots([pki.ca_pem]))
    assert found.intact and found.trusted is False and not found.ok
    assert any("không dẫn tới chứng thư gốc tin cậy" in p for p in found.problems)
    assert verify_pdf(path, load_trust_roots([other_pki.ca_pem])).ok


def test_without_a_trust_root_the_chain_is_not_vouched_for(signed):
    found = verify_pdf(signed, [])
    assert found.intact and found.trusted is None and not found.ok
    assert found.problems == ["chưa kiểm tra chuỗi chứng thư: hãy cho chứng thư gốc tin cậy "
                              "bằng --trust TỆP.pem."]


def test_an_unsigned_report_does_not_pass(small_version, pki, tmp_path):
    path = tmp_path / "chua-ky.pdf"
    path.write_bytes(small_version[2])
    found = verify_pdf(path, load_trust_roots([pki.ca_pem]))
    assert found.problems == ["tệp không có chữ ký số."] and found.pdfa == []


def test_a_signed_report_cannot_be_signed_again(signed, pki):
    with pytest.raises(SigningError, match="không có ô chữ ký trống 'ChuKy'"):
        sign_pdf(signed.read_bytes(), load_signer(pki.p12, pki.password), LOOK)


def test_a_pdf_without_the_signature_field_is_refused(pki):
    pdf = html_to_pdf('<html lang="vi"><body><p>Không có ô ký</p></body></html>')
    with pytest.raises(SigningError, match="không phải báo cáo do thidua lập"):
        sign_pdf(pdf, load_signer(pki.p12, pki.password), LOOK)


def test_a_wrong_password_is_refused_naming_the_file(pki):
    with pytest.raises(SigningError) as caught:
        load_signer(pki.p12, b"sai-mat-khau")
    assert str(caught.value).startswith(f"Không mở được tệp khóa ký số {pki.p12}")
    assert "THIDUA_P12_PASSWORD" in str(caught.value)


def test_the_password_comes_from_the_environment_or_a_named_secret():
    assert p12_password({"THIDUA_P12_PASSWORD": "bí-mật"}) == "bí-mật".encode()
    assert p12_password({"THIDUA_P12_SECRET": "khoa-ky"}, lambda name: f"tu-{name}") == b"tu-khoa-ky"
    with pytest.raises(SigningError, match="đặt biến môi trường THIDUA_P12_PASSWORD"):
        p12_password({})


def test_a_timestamped_signature_is_level_b_t_and_verify_says_so(small_version, pki, tmp_path):
    """PAdES B-T: an RFC 3161 token from a TSA (here one of the test CA, answering in-process)."""
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa = DummyTimeStamper(tsa_cert=load_cert_from_pemder(str(pki.tsa_pem)),
                           tsa_key=load_private_key_from_pemder(str(pki.tsa_key_pem), None))
    path = tmp_path / "b-t.pdf"
    path.write_bytes(sign_pdf(small_version[2], load_signer(pki.p12, pki.password), LOOK,
                              timestamper=tsa))
    found = verify_pdf(path, load_trust_roots([pki.ca_pem]))
    assert found.ok and found.timestamped
    assert verification_lines(found)[2].endswith("(có dấu thời gian)")
    assert pdfa_problems(path.read_bytes()) == []
