"""The Dask workers letopis starts run with its settings, and the settings file for hand-started workers
says the same."""

from __future__ import annotations

import os
from pathlib import Path

import dask

from letopis.run.cluster import WORKER_CONFIG, DaskRunner

ROOT = Path(__file__).resolve().parent.parent


def test_the_settings_file_for_hand_started_workers_matches_the_local_cluster_settings():
    config = dask.config.collect(paths=[str(ROOT / "deploy" / "dask")], env={})
    for key, value in WORKER_CONFIG.items():
        assert dask.config.get(key, default="missing", config=config) == value, key


def environment() -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")}


def test_local_cluster_workers_run_without_dasks_malloc_setting():
    with DaskRunner("local:1") as runner:
        (seen,) = runner._client.run(environment).values()
    assert seen["MALLOC_TRIM_THRESHOLD_"] is None
    assert seen["OMP_NUM_THREADS"] == "1"  # Dask's one-thread setting for numerical libraries stays
