"""Fixtures of the PDF/A and signing tests (import them into a test module): a throw-away PKI, and a small published version of the
report (two units of the bundled sample) built through the pipeline's plain functions."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SAMPLE_DIR
from pki import make_pki
from thidua import pipeline
from thidua.ingest.discover import discover_files
from thidua.ingest.files import ingest_file
from thidua.ingest.registry import expected_units
from thidua.report.document_settings import load_document_settings

STARTED = dt.datetime(2024, 12, 10, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    """A root CA (``ca_pem``) and a signer's PKCS#12 (``p12``, ``password``)."""
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def other_pki(tmp_path_factory):
    """A second, unrelated CA and signer: not trusted by :func:`pki`'s root."""
    return make_pki(tmp_path_factory.mktemp("pki-khac"), ca_name="CA lạ")


def publish_small_version(out, registry, context, number: str | None = "125"):
    """Publish version 1 of a report of two units (H-MD, Q-DD) into ``out``; returns
    ``(outputs, pdf)``: the version's files but the PDF, and the PDF's bytes."""
    files = [f for f in discover_files(SAMPLE_DIR) if f.file.startswith(("H-MD", "Q-DD"))]
    plan = pipeline.Plan(2024, files, expected_units(registry, 2024), context, "r", "p",
                         settings=load_document_settings(number=number))
    results = [ingest_file(f, context) for f in files]
    figures = pipeline.aggregate_results(plan, results)
    draft = pipeline.draft_version(plan, figures, None, None, STARTED)
    outputs = pipeline.prepare_outputs(plan, results, figures, draft)
    pdf = pipeline.render(figures, draft.meta, pipeline.attachments(outputs))
    pipeline.publish(plan, results, figures, draft, pdf, out, outputs)
    return outputs, pdf


@pytest.fixture(scope="module")
def small_version(tmp_path_factory, registry, context):
    """``(out folder, outputs, pdf)`` of a published version 1 (two units)."""
    out = tmp_path_factory.mktemp("ban-nho")
    outputs, pdf = publish_small_version(out, registry, context)
    return out, outputs, pdf
