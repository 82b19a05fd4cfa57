"""Runners: where the analysis of a stream of articles happens — in this process or a pool of processes.

`make_runner(workers)` picks one; every runner yields `Outcome`s in input order (see `base.py`).
"""

from letopis.run.base import Outcome, Runner, analyse_one, make_runner

__all__ = ["Outcome", "Runner", "analyse_one", "make_runner"]
