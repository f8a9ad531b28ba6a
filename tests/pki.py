"""A throw-away public-key infrastructure for tests and trials: a root CA and a signing
certificate in a PKCS#12 file, made with ``cryptography``. Never for real documents.

``.venv/bin/python tests/pki.py OUT_DIR [PASSWORD]`` writes ``OUT_DIR/ca.pem`` (the trust
root to give ``thidua verify --trust``) and ``OUT_DIR/ky-so.p12`` (the key to give
``thidua sign --p12``, its password in ``THIDUA_P12_PASSWORD``).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SIGNER = "Nguyễn Minh Hằng"
ORGANISATION = "Liên đoàn Lao động thành phố Hà Nội"


@dataclass(frozen=True)
class TestPki:
    ca_pem: Path
    p12: Path
    password: bytes
    tsa_pem: Path | None = None
    tsa_key_pem: Path | None = None


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_pki(folder: Path, password: bytes = b"mat-khau-thu", signer: str = SIGNER,
             organisation: str = ORGANISATION, ca_name: str = "CA thử nghiệm thidua") -> TestPki:
    """Write a root CA (``ca.pem``) and a signing key and certificate issued by it
    (``ky-so.p12``, encrypted with ``password``) into ``folder``; valid from yesterday for
    two years."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_subject = _name(ca_name, "Tổ chức thử nghiệm")
    ca = (x509.CertificateBuilder().subject_name(ca_subject).issuer_name(ca_subject)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now).not_valid_after(now + dt.timedelta(days=730))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                         critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name(signer, organisation))
            .issuer_name(ca_subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                           critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's test TSA: RSA
    tsa = (x509.CertificateBuilder().subject_name(_name("Máy chủ dấu thời gian thử", "Tổ chức thử nghiệm"))
           .issuer_name(ca_subject).public_key(tsa_key.public_key())
           .serial_number(x509.random_serial_number())
           .not_valid_before(now).not_valid_after(now + dt.timedelta(days=730))
           .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                          critical=True)
           .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
           .sign(ca_key, hashes.SHA256()))
    tsa_pem, tsa_key_pem = folder / "tsa.pem", folder / "tsa-key.pem"
    tsa_pem.write_bytes(tsa.public_bytes(serialization.Encoding.PEM))
    tsa_key_pem.write_bytes(tsa_key.private_bytes(serialization.Encoding.PEM,
                                                  serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    p12 = folder / "ky-so.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"ky-so", key, cert, [ca], serialization.BestAvailableEncryption(password)))
    return TestPki(ca_pem, p12, password, tsa_pem, tsa_key_pem)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "chung-thu-thu")
    made = make_pki(out, (sys.argv[2] if len(sys.argv) > 2 else "mat-khau-thu").encode())
    print(f"Đã tạo {made.ca_pem} (gốc tin cậy) và {made.p12} (khóa ký, mật khẩu: "
          f"{made.password.decode()})")
