"""The bodies of ``thidua sign`` and ``thidua verify``, and the options ``run`` takes for
signing and the document's settings (``--sign``, ``--p12``, ``--number``, ``--settings``);
:mod:`thidua.cli` registers them. Refusals are one Vietnamese line, ``thidua: <lý do>``, exit
2; ``verify`` exits 0 only when every check holds, else 1 (``spec/outputs.md``, "PDF/A-3b
and signature").
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli_common import OutOption, YearOption, check_out_year, fail, flag
from thidua.report.document_settings import DEFAULT_SETTINGS
from thidua.reasons import os_reason

SignOption = Annotated[bool, flag(
    "--sign", help="Ký số bản đang có hiệu lực ngay sau khi lập (cần --p12).")]
P12Option = Annotated[Optional[Path], typer.Option(
    "--p12", metavar="TỆP", help="Tệp khóa ký số PKCS#12 (.p12/.pfx); mật khẩu lấy từ biến môi "
                                 "trường THIDUA_P12_PASSWORD hoặc khối Secret của Prefect có tên "
                                 "trong THIDUA_P12_SECRET.")]
NumberOption = Annotated[Optional[str], typer.Option(
    "--number", metavar="SỐ", help="Số văn bản cấp khi phát hành, ví dụ 125 (thay số trong tệp "
                                   "thiết lập).")]
SettingsOption = Annotated[Optional[Path], typer.Option(
    "--settings", metavar="TỆP", help="Tệp thiết lập báo cáo: người ký, số văn bản, nơi nhận "
                                      "(mặc định data/reference/report.toml).")]


def check_run_options(sign: bool, p12: Path | None, number: str | None,
                      settings: Path | None) -> str | None:
    """For ``run``: refuse before anything is built when the settings file (``--settings``,
    default ``data/reference/report.toml``) or ``--number`` is wrong, ``--sign`` comes
    without ``--p12`` (or ``--p12`` without ``--sign``), the key file is missing, or no
    password is set (neither ``THIDUA_P12_PASSWORD`` nor ``THIDUA_P12_SECRET``). Returns the
    PKCS#12 file to sign with (a string, a flow parameter), or ``None`` without ``--sign``."""
    from thidua.report.document_settings import SettingsError, load_document_settings
    from thidua.settings import PASSWORD_VARIABLE, SECRET_VARIABLE

    try:
        load_document_settings(settings or DEFAULT_SETTINGS, number)
    except SettingsError as exc:
        fail(str(exc))
    if not sign:
        if p12 is not None:
            fail("--p12 chỉ dùng cùng --sign (ký số sau khi lập báo cáo).")
        return None
    if p12 is None:
        fail("--sign cần --p12 TỆP: tệp khóa ký số PKCS#12 của người ký.")
    if not p12.is_file():
        fail(f"Không có tệp khóa ký số {p12} (--p12 cần tệp PKCS#12 .p12 hoặc .pfx).")
    if not (os.environ.get(PASSWORD_VARIABLE) or os.environ.get(SECRET_VARIABLE)):
        fail(f"Chưa có mật khẩu của tệp khóa ký số {p12}: đặt biến môi trường "
             f"{PASSWORD_VARIABLE} (hoặc {SECRET_VARIABLE} là tên khối Secret của Prefect).")
    return str(p12)


def sign(year: YearOption,
         p12: Annotated[Path, typer.Option(
             "--p12", metavar="TỆP", help="Tệp khóa ký số PKCS#12 (.p12/.pfx); mật khẩu lấy "
                                         "từ THIDUA_P12_PASSWORD hoặc khối Secret của Prefect "
                                         "có tên trong THIDUA_P12_SECRET.")],
         out: OutOption = None,
         version: Annotated[Optional[int], typer.Option(
             "--version", min=1, metavar="SỐ", help="Bản số mấy (mặc định: bản đang có hiệu lực).")] = None,
         settings: SettingsOption = None) -> None:
    """Ký số (PAdES) báo cáo đã lập: ghi <out>/versions/v<N>/bao-cao-dan-van-kheo-<năm>-da-ky.pdf
    và bản sao ở <out>/; lệnh distribute gửi tệp đã ký. Mức B-B, hoặc B-T khi tệp thiết lập có
    signature.timestamp_url. Mã thoát 0: đã ký; 2: không ký được (lý do in một dòng)."""
    from thidua.publish.sign import SigningError, load_signer, p12_password, sign_version
    from thidua.report.document_settings import SettingsError, load_document_settings
    from thidua.settings import default_out_dir

    check_out_year(out or default_out_dir(year), year)
    if not p12.is_file():  # said before the password is asked for (fresh tester W)
        fail(f"Không có tệp khóa ký số {p12} (--p12 cần tệp PKCS#12 .p12 hoặc .pfx).")
    load_secret = None
    if os.environ.get("THIDUA_P12_SECRET") and not os.environ.get("THIDUA_P12_PASSWORD"):
        from thidua.settings import quiet_prefect_defaults

        quiet_prefect_defaults()
        from flows.distribute import load_secret
    try:
        document = load_document_settings(settings or DEFAULT_SETTINGS)
        signer = load_signer(p12, p12_password(os.environ, load_secret))
        path, fresh = sign_version(out or default_out_dir(year), year, signer, document, version)
    except (SigningError, SettingsError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"Không ghi được tệp đã ký vào {out or default_out_dir(year)}: {os_reason(exc)}")
    typer.echo(f"{'Đã ký' if fresh else 'Bản này đã được ký từ trước'}: {path}")


def verify(pdf: Annotated[Path, typer.Argument(metavar="TỆP.pdf", help="Tệp PDF cần kiểm tra.")],
           trust: Annotated[Optional[list[Path]], typer.Option(
               "--trust", metavar="CHỨNG_THƯ.pem", help="Chứng thư gốc tin cậy (PEM hoặc DER; "
                                                        "cho nhiều lần nếu cần).")] = None) -> None:
    """Kiểm tra chữ ký số của báo cáo: người ký, thời điểm ký, nội dung còn nguyên vẹn, chứng
    thư dẫn tới gốc tin cậy (--trust), PDF/A-3b và các tệp đính kèm. Mã thoát 0: mọi điều
    kiện đạt; 1: có điều kiện không đạt; 2: không đọc được tệp."""
    from thidua.publish.verify import TrustError, load_trust_roots, verification_lines, verify_pdf

    if not pdf.is_file():
        fail(f"Không có tệp {pdf} (cần một tệp PDF).")
    try:
        roots = load_trust_roots(list(trust or []))
        found = verify_pdf(pdf, roots)
    except TrustError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"Không đọc được {pdf}: {os_reason(exc)}")
    for line in verification_lines(found):
        typer.echo(line)
    raise typer.Exit(0 if found.ok else 1)
