"""Signing the report: a PAdES signature (pyHanko) in the report's signature field, visible in
the signature block the way Vietnamese electronic documents show it, keeping the PDF/A-3b
claims (``spec/outputs.md``, "PDF/A-3b and signature").

Nghị định 30/2020/NĐ-CP, Điều 8 and Phụ lục I, mục II.7 (chữ ký số của người có thẩm quyền):
the stamp reads "Ký bởi: <signer>", "Chức vụ: <title>", "Cơ quan: <organisation>",
"Ngày ký: dd/mm/yyyy hh:mm:ss +07:00". Level PAdES B-B, or B-T with an RFC 3161 timestamp
server (``[signature] timestamp_url`` of ``data/reference/report.toml``).

The signed file is the published PDF plus one incremental update: its first bytes are the
published PDF exactly, so it can always be traced back to the version's ``manifest.json``.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from asn1crypto import x509
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import VENDOR
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers, timestamps
from pyhanko.stamp import TextStampStyle

from thidua.publish.atomic import write_atomic
from thidua.publish.pdfa import pdfa_problems
from thidua.publish.published import NotPublished, load_published, signed_filename
from thidua.publish.versions import version_numbers
from thidua.report.archive import SIGNATURE_FIELD

# fontTools says which tables of the stamp's font it leaves out ("FFTM NOT subset; …") on
# stderr: nothing for the office to act on.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
# pyHanko logs the tracebacks of what thidua then says in one Vietnamese line (a wrong
# password, a chain it cannot build): never shown to the office.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
from thidua.report.document_settings import DocumentSettings
from thidua.settings import TIMEZONE

#: The font of the visible signature: embedded (PDF/A-3, 6.2.11.4), with every Vietnamese
#: letter, and 1000 units per em: pyHanko 0.38 writes glyph widths unscaled, so a 2048-unit
#: font (Liberation Serif) would be drawn with its letters spread apart (Debian
#: ``fonts-freefont-ttf``, installed by ``scripts/setup.sh``).
STAMP_FONT = Path("/usr/share/fonts/truetype/freefont/FreeSerif.ttf")

#: The stamp's font size, in points (the font engine and the text box must agree:
#: MatthiasValvekens/pyHanko#733).
STAMP_FONT_SIZE = 9

#: The visible signature's text (ND30 usage for electronic documents).
STAMP_TEXT = ("Ký bởi: %(signer)s\nChức vụ: %(title)s\nCơ quan: %(organisation)s\n"
              "Ngày ký: %(signed_at)s")


class SigningError(Exception):
    """The report cannot be signed; ``str(exc)`` is one Vietnamese line naming the file and
    what is expected."""


@dataclass(frozen=True)
class SignatureLook:
    """What the visible signature says besides the signer (taken from the certificate):
    ``title`` (the signer's title, ``[signer] title``) and ``organisation`` (``[issuer]
    full_name``, when the certificate names none)."""

    title: str
    organisation: str


def load_signer(p12: Path, password: bytes | None) -> signers.SimpleSigner:
    """The key and certificate chain of the PKCS#12 file ``p12``, opened with ``password``.

    Raises :class:`SigningError` when the file is missing, the password is wrong or the file
    holds no key and certificate.
    """
    if not p12.is_file():
        raise SigningError(f"Không có tệp khóa ký số {p12} (cần tệp PKCS#12 .p12 hoặc .pfx).")
    try:
        signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=password)
    except (ValueError, TypeError, OSError) as exc:
        raise SigningError(f"Không mở được tệp khóa ký số {p12}: sai mật khẩu hoặc tệp không "
                           f"phải PKCS#12 (mật khẩu lấy từ THIDUA_P12_PASSWORD).") from exc
    if signer is None:
        raise SigningError(f"Không mở được tệp khóa ký số {p12}: sai mật khẩu hoặc tệp không "
                           f"phải PKCS#12 có khóa và chứng thư (mật khẩu lấy từ "
                           f"THIDUA_P12_PASSWORD).")
    return signer


def certificate_names(cert: x509.Certificate) -> tuple[str, str]:
    """``(common name, organisation)`` of the certificate's subject (``""`` when absent)."""
    subject = cert.subject.native
    return str(subject.get("common_name", "")), str(subject.get("organization_name", ""))


def signing_time(now: dt.datetime | None = None) -> dt.datetime:
    """The signing time in Hà Nội (:data:`thidua.settings.TIMEZONE`), to the second."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.astimezone(ZoneInfo(TIMEZONE)).replace(microsecond=0)


def _producer_as_pyhanko_writes_it(writer: IncrementalPdfFileWriter) -> None:
    """pyHanko's update sets the XMP ``pdf:Producer`` to its own name but appends it to the
    document information's ``/Producer`` ("WeasyPrint 70.0; pyHanko …"): the two would then
    disagree (PDF/A-3, 6.6.2.3.1). Setting ``/Producer`` to pyHanko's name first keeps them
    equal."""
    try:
        reference = writer.trailer.raw_get("/Info")
    except KeyError:
        return
    reference.get_object()["/Producer"] = generic.TextStringObject(VENDOR)
    writer.mark_update(reference)


class _SignerAt(signers.PdfSigner):
    """A :class:`pyhanko.sign.signers.PdfSigner` whose signing time (the CMS ``signingTime``)
    is ``when``: the very time the stamp prints, to the second."""

    def __init__(self, when: dt.datetime, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._when = when

    def init_signing_session(self, *args, **kwargs):
        session = super().init_signing_session(*args, **kwargs)
        session.system_time = self._when
        return session


def sign_pdf(pdf: bytes, signer: signers.SimpleSigner, look: SignatureLook,
             timestamp_url: str = "", now: dt.datetime | None = None,
             timestamper: timestamps.TimeStamper | None = None) -> bytes:
    """``pdf`` signed in its field :data:`thidua.report.archive.SIGNATURE_FIELD` (PAdES,
    SHA-256; B-T when ``timestamp_url`` is given, or a ``timestamper`` (RFC 3161 client, e.g.
    one's own TSA), else B-B), as one incremental update. The
    visible stamp shows :data:`STAMP_TEXT` with the certificate's name, ``look`` and the
    signing time in Hà Nội (``now``, default the clock: the stamp and the signature's
    ``signingTime`` are the same instant).

    Raises :class:`SigningError` when the PDF has no empty signature field (already signed,
    or not a thidua report), when the timestamp server cannot be reached, or when the signed
    file breaks a PDF/A-3b requirement (:func:`thidua.publish.pdfa.pdfa_problems`).
    """
    name, organisation = certificate_names(signer.signing_cert)
    when = signing_time(now)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    empty = [f for f, value, _ in fields.enumerate_sig_fields(writer, filled_status=False)]
    if SIGNATURE_FIELD not in empty:
        raise SigningError(f"Báo cáo không có ô chữ ký trống '{SIGNATURE_FIELD}' (đã ký rồi, "
                           f"hoặc không phải báo cáo do thidua lập).")
    _producer_as_pyhanko_writes_it(writer)
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES, name=name or None, location="Hà Nội",
        reason="Ký ban hành báo cáo")
    style = TextStampStyle(
        stamp_text=STAMP_TEXT, border_width=1,
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(STAMP_FONT), font_size=STAMP_FONT_SIZE),
            font_size=STAMP_FONT_SIZE, leading=STAMP_FONT_SIZE + 3))
    if timestamper is None and timestamp_url:
        timestamper = timestamps.HTTPTimeStamper(timestamp_url)
    params = {"signer": name, "title": look.title,
              "organisation": organisation or look.organisation,
              "signed_at": when.strftime("%d/%m/%Y %H:%M:%S ") + when.strftime("%z")[:3] + ":"
                           + when.strftime("%z")[3:]}
    out = io.BytesIO()
    try:
        _SignerAt(when, meta, signer, stamp_style=style, timestamper=timestamper).sign_pdf(
            writer, output=out, appearance_text_params=params)
    except (OSError, timestamps.TimestampRequestError) as exc:
        raise SigningError(f"Không lấy được dấu thời gian từ {timestamp_url} (không kết nối "
                           f"được hoặc máy chủ từ chối); kiểm tra signature.timestamp_url trong "
                           f"tệp thiết lập báo cáo.") from exc
    signed = out.getvalue()
    if problems := pdfa_problems(signed):
        raise SigningError("Bản đã ký không còn đúng PDF/A-3b: " + "; ".join(problems))
    return signed


# --- Signing a published version ---------------------------------------------------------

#: The environment variable holding the PKCS#12 password, and the one naming a Prefect
#: Secret block that holds it (never a command-line argument: it would show in `ps`).
from thidua.settings import PASSWORD_VARIABLE, SECRET_VARIABLE  # noqa: E402,F401 - kept here too


def p12_password(environ: Mapping[str, str],
                 load_secret: Callable[[str], object] | None = None) -> bytes:
    """The PKCS#12 password: ``THIDUA_P12_PASSWORD``, else the Prefect Secret block named by
    ``THIDUA_P12_SECRET`` (read with ``load_secret``, :func:`flows.sign.load_secret`).
    Raises :class:`SigningError` when neither gives one."""
    if environ.get(PASSWORD_VARIABLE):
        return environ[PASSWORD_VARIABLE].encode("utf-8")
    name = environ.get(SECRET_VARIABLE)
    if name and load_secret is not None:
        try:
            value = load_secret(name)
        except Exception as exc:  # noqa: BLE001 - Prefect raises many kinds
            raise SigningError(f"Không đọc được khối Secret '{name}' của Prefect "
                               f"({SECRET_VARIABLE}): {exc}.") from exc
        if isinstance(value, str) and value:
            return value.encode("utf-8")
        raise SigningError(f"Khối Secret '{name}' của Prefect ({SECRET_VARIABLE}) phải chứa "
                           f"mật khẩu dạng chuỗi.")
    raise SigningError(f"Chưa có mật khẩu của tệp khóa ký số: đặt biến môi trường "
                       f"{PASSWORD_VARIABLE} (hoặc {SECRET_VARIABLE} là tên khối Secret của "
                       f"Prefect chứa mật khẩu).")


def sign_version(out_dir: Path, year: int, signer: signers.SimpleSigner,
                 settings: DocumentSettings, version: int | None = None,
                 now: dt.datetime | None = None) -> tuple[Path, bool]:
    """Sign version ``version`` (default: the version in force) of the year's report in
    ``out_dir``: write :func:`signed_filename` into ``versions/v<N>/`` (a new file: the
    published files are never modified) and, for the version in force, a copy at the top of
    ``out_dir``. Returns ``(signed file, True)``, or ``(signed file, False)`` when the version
    was already signed (it is not signed twice). The stamp shows ``settings``' signer title
    and organisation; a ``timestamp_url`` makes it B-T.

    Raises :class:`SigningError` (no such version, a PDF that does not match its manifest,
    see :func:`sign_pdf`) and ``OSError`` when the folder cannot be written.
    """
    try:
        published = load_published(out_dir, year, version)
    except NotPublished as exc:
        raise SigningError(str(exc)) from exc
    target = published.folder / signed_filename(year)
    if published.signed:
        return target, False
    look = SignatureLook(settings.signer_title, settings.issuer_full_name)
    signed = sign_pdf(published.unsigned.read_bytes(), signer, look, settings.timestamp_url, now)
    write_atomic(target, signed)
    if published.version == version_numbers(out_dir)[-1]:
        write_atomic(out_dir / target.name, signed)
    return target, True
