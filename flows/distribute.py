"""E-mailing the report as a Prefect task, with the SMTP secret from a Prefect Secret block.

The plain work (recipients, log, retries) is :mod:`thidua.deliver.distribution`.
"""

from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.blocks.system import Secret
from prefect.cache_policies import NO_CACHE

from thidua.deliver.distribution import distribute_report, outcome_dict


def load_secret(name: str) -> object:
    """The value of the Prefect Secret block ``name``: a string (the SMTP password) or a JSON
    object of SMTP settings (:func:`thidua.deliver.smtp.smtp_settings`)."""
    return Secret.load(name).get()


@task(name="distribute", cache_policy=NO_CACHE)
def distribute_task(out: Path, year: int) -> dict:
    """E-mail the version in force to the recipients who do not have it yet
    (:func:`thidua.deliver.distribution.distribute_report`); returns
    :func:`thidua.deliver.distribution.outcome_dict`."""
    outcome = outcome_dict(distribute_report(out, year, load_secret=load_secret))
    logger = get_run_logger()
    logger.info("Bản số %d: đã gửi %d, lỗi %d, đã có từ trước %d", outcome["version"],
                len(outcome["delivered"]), len(outcome["failed"]), len(outcome["already"]))
    for failed in outcome["failed"]:
        logger.warning("Không gửi được tới %s: %s", failed["recipient"], failed["error"])
    return outcome
