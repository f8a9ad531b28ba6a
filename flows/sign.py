"""Signing the version in force as a Prefect task, its PKCS#12 password from the environment
or a Prefect Secret block. The plain work is :mod:`thidua.publish.sign`.
"""

from __future__ import annotations

import os
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.distribute import load_secret
from thidua.publish.sign import load_signer, p12_password, sign_version
from thidua.report.document_settings import DocumentSettings


def signing_key(p12: Path):
    """The signer of ``p12`` opened with :func:`thidua.publish.sign.p12_password` (the
    environment, else the Prefect Secret block named by ``THIDUA_P12_SECRET``, read with
    :func:`flows.distribute.load_secret`). Raises
    :class:`thidua.publish.sign.SigningError`."""
    return load_signer(p12, p12_password(os.environ, load_secret))


@task(name="sign", cache_policy=NO_CACHE)
def sign_task(out: Path, year: int, p12: Path, settings: DocumentSettings) -> str:
    """Sign the version in force (:func:`thidua.publish.sign.sign_version`); returns the
    signed file's path. Raises :class:`thidua.publish.sign.SigningError`."""
    path, signed = sign_version(out, year, signing_key(p12), settings)
    get_run_logger().info("%s: %s", "Đã ký" if signed else "Đã ký từ trước", path)
    return str(path)
