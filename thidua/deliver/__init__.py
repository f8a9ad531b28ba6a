"""Deliver: the published version to people: e-mail to the Standing Committee with its log,
and the summary shown in the Prefect UI.

May import: every earlier stage (:mod:`thidua.publish`, :mod:`thidua.report`, …); nothing imports it
but the Prefect layer and the CLI.
"""
