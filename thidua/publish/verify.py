"""Checking a signed report, as a recipient would (``thidua verify``; ``spec/outputs.md``,
"PDF/A-3b and signature"): who signed and when, whether the signed bytes are intact and cover
the whole file, whether the signer's certificate chains to a trust root the recipient gives,
the PDF/A-3b claims, and the attached files.

Nghị định 30/2020/NĐ-CP, Điều 8: an electronic document is valid when its digital signature
is valid; a recipient checks it against the root of the certification authority
(for the state's documents, the Ban Cơ yếu Chính phủ's root certificate).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from thidua.publish.attached import attached_files
from thidua.publish.pdfa import pdfa_problems
from thidua.publish.sign import certificate_names
from thidua.settings import TIMEZONE
from thidua.reasons import os_reason


@dataclass
class Verification:
    """What ``thidua verify`` found in one PDF.

    ``signer``/``organisation``: from the signing certificate (``""`` when unsigned);
    ``signed_at``: the signing time the signer claims, in Hà Nội (``None`` when unsigned),
    ``timestamped``: whether a timestamp token (B-T) vouches for it; ``intact``: the signed
    bytes hash to what was signed and the signature is cryptographically valid; ``whole_file``:
    the signature covers the whole file (nothing appended after signing); ``trusted``: the
    certificate chains to one of the trust roots (``None`` when none was given); ``pdfa``:
    broken PDF/A-3b requirements (:func:`thidua.publish.pdfa.pdfa_problems`); ``attachments``:
    name → ``{"size", "sha256", "mime", "relationship"}``; ``problems``: every failure, one
    Vietnamese line each. :attr:`ok` is true when there is none.
    """

    file: Path
    signer: str = ""
    organisation: str = ""
    signed_at: dt.datetime | None = None
    timestamped: bool = False
    intact: bool = False
    whole_file: bool = False
    trusted: bool | None = None
    pdfa: list[str] = field(default_factory=list)
    attachments: dict[str, dict] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every check holds (signature intact over the whole file, trusted, PDF/A-3b)."""
        return not self.problems


class TrustError(ValueError):
    """A ``--trust`` file that cannot be read as a certificate; ``str(exc)`` is one
    Vietnamese line naming the file."""


def load_trust_roots(paths: list[Path]) -> list:
    """The certificates of ``paths`` (PEM or DER, one per file). Raises :class:`TrustError`
    when a file is missing or is not a certificate."""
    roots = []
    for path in paths:
        if not path.is_file():
            raise TrustError(f"Không có tệp chứng thư gốc --trust {path} (cần tệp .pem hoặc "
                             f".cer của tổ chức chứng thực).")
        try:
            roots.append(load_cert_from_pemder(str(path)))
        except OSError as exc:
            raise TrustError(f"Không đọc được chứng thư gốc --trust {path}: "
                             f"{os_reason(exc)}.") from exc
        except Exception as exc:  # noqa: BLE001 - asn1crypto raises many kinds
            raise TrustError(f"Tệp --trust {path} không phải chứng thư số X.509 (PEM hoặc "
                             f"DER).") from exc
    return roots


def verify_pdf(path: Path, trust_roots: list | None = None) -> Verification:
    """Check the signed report at ``path`` against ``trust_roots`` (asn1crypto
    certificates, :func:`load_trust_roots`; none: the chain is not checked, which is a
    problem). Revocation is checked when the certificate says where (soft-fail, nothing
    fetched when offline).

    Never raises for a bad PDF: an unreadable, unsigned, altered or untrusted file gives a
    :class:`Verification` whose ``problems`` say why in Vietnamese. Raises ``OSError`` when
    ``path`` cannot be read.
    """
    data = path.read_bytes()
    found = Verification(file=path)
    found.pdfa = pdfa_problems(data)
    found.problems += [f"không đạt PDF/A-3b: {p}" for p in found.pdfa]
    try:
        found.attachments = {name: {"size": len(f["data"]),
                                    "sha256": hashlib.sha256(f["data"]).hexdigest(),
                                    "mime": f["mime"], "relationship": f["relationship"]}
                             for name, f in attached_files(data).items()}
    except Exception:  # noqa: BLE001 - reported by the PDF/A check already
        found.attachments = {}
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError) as exc:
        found.problems.append(f"tệp PDF hỏng, không đọc được chữ ký ({exc}).")
        return found
    if not signatures:
        found.problems.append("tệp không có chữ ký số.")
        return found
    if len(signatures) > 1:
        found.problems.append(f"tệp có {len(signatures)} chữ ký; báo cáo chỉ có một chữ ký.")
    signature = signatures[-1]
    context = ValidationContext(trust_roots=trust_roots or [], allow_fetching=False,
                                revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(signature, context)
    except (SignatureValidationError, ValueError, KeyError) as exc:
        found.problems.append(f"chữ ký không kiểm tra được: tệp đã bị sửa hoặc hỏng ({exc}).")
        return found
    found.signer, found.organisation = certificate_names(status.signing_cert)
    claimed = status.signer_reported_dt
    if status.timestamp_validity is not None:
        found.timestamped = True
        claimed = status.timestamp_validity.timestamp
    found.signed_at = claimed.astimezone(ZoneInfo(TIMEZONE)) if claimed else None
    found.intact = bool(status.intact and status.valid)
    if not found.intact:
        found.problems.append("nội dung đã bị thay đổi sau khi ký: mã băm của tệp không khớp "
                              "với chữ ký (chữ ký không còn giá trị).")
    found.whole_file = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    if found.intact and not found.whole_file:
        found.problems.append("tệp có phần được thêm vào sau khi ký, không được chữ ký bảo vệ.")
    # The chain of an altered file's signature says nothing: it is left "not checked".
    if trust_roots and found.intact:
        found.trusted = bool(status.trusted)
        if not found.trusted:
            found.problems.append(f"chứng thư của người ký ({found.signer}) không dẫn tới chứng "
                                  f"thư gốc tin cậy đã cho (--trust).")
    elif not trust_roots:
        found.problems.append("chưa kiểm tra chuỗi chứng thư: hãy cho chứng thư gốc tin cậy "
                              "bằng --trust TỆP.pem.")
    return found


def verification_lines(found: Verification) -> list[str]:
    """The terminal's report of ``found``, in Vietnamese: one line per fact, then one line
    per problem, then the verdict."""
    yes = {True: "có", False: "không", None: "chưa kiểm tra"}
    when = found.signed_at.strftime("%d/%m/%Y %H:%M:%S %z") if found.signed_at else "—"
    lines = [f"Tệp: {found.file}",
             f"Người ký: {found.signer or '—'}" + (f" ({found.organisation})" if found.organisation else ""),
             f"Thời điểm ký: {when}" + (" (có dấu thời gian)" if found.timestamped else ""),
             f"Nội dung còn nguyên vẹn: {yes[found.intact]}; chữ ký bao trùm cả tệp: "
             f"{yes[found.whole_file]}",
             f"Chứng thư dẫn tới gốc tin cậy: {yes[found.trusted]}",
             f"PDF/A-3b: {'đạt' if not found.pdfa else 'không đạt'}"]
    for name, info in found.attachments.items():
        lines.append(f"Tệp đính kèm: {name} ({info['mime']}, {info['relationship']}, "
                     f"{info['size']} byte, SHA-256 {info['sha256']})")
    lines += [f"Lỗi: {p}" for p in found.problems]
    lines.append("KẾT LUẬN: chữ ký hợp lệ, tài liệu nguyên vẹn." if found.ok else
                 f"KẾT LUẬN: KHÔNG HỢP LỆ ({len(found.problems)} lỗi).")
    return lines
