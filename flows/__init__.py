"""The Prefect layer: the annual-report flow and its tasks, distribution and the deployment.

Every module here imports Prefect and wraps plain functions of :mod:`thidua`; nothing in
:mod:`thidua` imports this package except the CLI's wiring.
"""
