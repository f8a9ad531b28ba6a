"""Done-when of issue 11, on the bundled year: the report built by the flow with signing
passes ``thidua verify`` with its trust root, the PDF/A-3b check passes before and after
signing, and its attachments are the version's summary.json, rejected.csv and manifest.json
(the manifest without the PDF's own entry: ``spec/outputs.md``)."""

from __future__ import annotations

import json
import os

import pytest

from archive_fixtures import pki  # noqa: F401 - a fixture
from conftest import REGISTRY, SAMPLE_DIR
from thidua.cli import main
from thidua.publish.outputs import attached_manifest_of
from thidua.publish.attached import attached_files
from thidua.publish.pdfa import pdfa_problems

PDF, SIGNED = "bao-cao-dan-van-kheo-2024.pdf", "bao-cao-dan-van-kheo-2024-da-ky.pdf"
ATTACHED = ("summary.json", "rejected.csv", "manifest.json")


@pytest.fixture(scope="module")
def run(prefect_api, pki, tmp_path_factory):
    from flows.annual_report import annual_report

    out = tmp_path_factory.mktemp("ky-2024")
    os.environ["THIDUA_P12_PASSWORD"] = pki.password.decode()
    try:
        outcome = annual_report(year=2024, raw_dir=str(SAMPLE_DIR), registry=str(REGISTRY),
                                out_dir=str(out), number="125", sign_p12=str(pki.p12))
    finally:
        del os.environ["THIDUA_P12_PASSWORD"]
    return out, outcome


def test_the_bundled_year_signed_by_the_flow_passes_verify(run, pki, capsys):
    out, outcome = run
    assert outcome["signed"] == str(out / "versions" / "v1" / SIGNED)
    capsys.readouterr()
    assert main(["verify", str(out / SIGNED), "--trust", str(pki.ca_pem)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[1] == "Người ký: Nguyễn Minh Hằng (Liên đoàn Lao động thành phố Hà Nội)"
    assert said[-1] == "KẾT LUẬN: chữ ký hợp lệ, tài liệu nguyên vẹn."


def test_pdfa_holds_before_and_after_signing(run):
    out = run[0]
    assert pdfa_problems((out / PDF).read_bytes(), ATTACHED) == []
    assert pdfa_problems((out / SIGNED).read_bytes(), ATTACHED) == []


def test_the_attachments_open_and_equal_the_versions_files(run):
    out = run[0]
    folder = out / "versions" / "v1"
    for pdf in (folder / PDF, folder / SIGNED):
        files = attached_files(pdf.read_bytes())
        assert files["summary.json"]["data"] == (folder / "summary.json").read_bytes()
        assert files["rejected.csv"]["data"] == (folder / "rejected.csv").read_bytes()
        assert files["manifest.json"]["data"] == attached_manifest_of(
            (folder / "manifest.json").read_bytes(), PDF)
    summary = json.loads(attached_files((folder / SIGNED).read_bytes())["summary.json"]["data"])
    assert summary["registrations"] == {"total": 8333, "collective": 1129, "individual": 7204}


def test_the_number_given_at_issue_time_is_printed(run):
    from pypdf import PdfReader

    first = PdfReader(run[0] / SIGNED).pages[0].extract_text()
    assert "Số: 125/BC-LĐLĐ" in first and "Bản số" not in first
