"""thidua: the "Dân vận khéo" annual report of the Hanoi Federation of Labour, as plain functions.

Sub-packages follow the data, one way: :mod:`thidua.ingest` → :mod:`thidua.report` →
:mod:`thidua.publish` → :mod:`thidua.deliver`; a stage imports only the stages before it.
:mod:`thidua.pipeline` runs them in order, :mod:`thidua.cli` is the ``thidua`` command, and
:mod:`thidua.settings` and :mod:`thidua.text` sit below everything. Only :mod:`flows` (the
Prefect layer) and the CLI's wiring import Prefect.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("thidua")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+src"
