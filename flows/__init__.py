"""thidua: the "Dân vận khéo" annual report pipeline of the Hanoi Federation of Labour.

Plain functions, one module per step (discover, read, normalise, validate, aggregate, render,
publish); only :mod:`flows.annual_report` imports Prefect.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("thidua")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+src"
