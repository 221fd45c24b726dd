"""`scorenet sweep` and `scorenet run --seeds`: rows equal single runs, same bytes every
time, Ctrl+C keeps finished runs and a rerun finishes them, Dask equals the local run,
and user mistakes are one line before any run."""

from __future__ import annotations

import csv
import json
import os
import tomllib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parent.parent


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def sweep(tmp_path: Path, *extra: str, out: str = "out.csv") -> Path:
    path = tmp_path / out
    assert main(["sweep", "karate", "--steps", "3", "--quiet", "--out", str(path),
                 *extra]) == 0
    return path


def test_sweep_rows_equal_scorenet_run_text(tmp_path):
    out = sweep(tmp_path, "--vary", "rubric.social=0,0.4", "--seeds", "2", "--workers", "1")
    rows = read_rows(out)
    assert list(rows[0])[:3] == ["rubric.social", "seed", "step"]
    assert len(rows) == 2 * 2 * 4
    single = tmp_path / "single.csv"
    assert main(["run", "karate", "--steps", "3", "--seed", "2", "--quiet",
                 "--set", "rubric.social=0.4", "--metrics-out", str(single)]) == 0
    want = read_rows(single)
    got = [r for r in rows if r["rubric.social"] == "0.4" and r["seed"] == "2"]
    assert [{k: v for k, v in r.items() if k not in ("rubric.social", "seed")}
            for r in got] == want


def test_same_command_same_bytes_and_a_side_file(tmp_path):
    args = ("--vary", "dating.enabled=true,false", "--vary", "rubric.social=0:0.2:2",
            "--seed-list", "3,1", "--workers", "1")
    first = sweep(tmp_path, *args).read_bytes()
    (tmp_path / "out.csv").unlink()
    second = sweep(tmp_path, *args, "--summary-out", str(tmp_path / "s.csv")).read_bytes()
    assert first == second
    rows = read_rows(tmp_path / "out.csv")
    order = [(r["dating.enabled"], r["rubric.social"], r["seed"]) for r in rows[::4]]
    assert order == [("true", "0.0", "3"), ("true", "0.0", "1"), ("true", "0.2", "3"),
                     ("true", "0.2", "1"), ("false", "0.0", "3"), ("false", "0.0", "1"),
                     ("false", "0.2", "3"), ("false", "0.2", "1")]
    side = (tmp_path / "out.csv.meta.toml").read_text()
    meta = tomllib.loads(side)["made_by"]
    assert meta["scenario"] == "karate" and meta["command"].startswith("scorenet sweep karate")
    assert meta["version"] and meta["seeds"] == [3, 1] and meta["steps"] == 3
    assert meta["vary"] == {"dating.enabled": [True, False], "rubric.social": [0.0, 0.2]}
    assert meta["runs"] == 8 and meta["content"] == "sweep results"
    assert "[rubric]" in side and not (tmp_path / "out.csv.meta.json").exists()
    summary = read_rows(tmp_path / "s.csv")
    assert len(summary) == 4 and summary[0]["runs"] == "2"
    assert {"mean_score_mean", "mean_score_low", "mean_score_high"} <= set(summary[0])


def _sweep_argv(out: Path, workers: str) -> list[str]:
    return ["sweep", "default", "--set", "population.size=1000", "--steps", "40",
            "--vary", "rubric.social=0:0.3:4", "--seeds", "2", "--workers", workers,
            "--quiet", "--out", str(out)]


def test_ctrl_c_keeps_finished_runs_and_a_rerun_finishes(tmp_path):
    whole = tmp_path / "whole.csv"
    assert main(_sweep_argv(whole, "1")) == 0
    out = tmp_path / "cut.csv"
    store = tmp_path / ".cut.csv.runs"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "app.cli", *_sweep_argv(out, "2")]
    # Its own process group, signalled whole, as a terminal's Ctrl+C would.
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(store.glob("*.npz")) and proc.poll() is None:
        assert time.monotonic() < deadline, "no run finished in time"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    err = proc.communicate(timeout=120)[1]
    assert proc.returncode == 130, err
    kept = len(list(store.glob("*.npz")))
    assert 1 <= kept < 8
    assert f"{kept} of 8 runs kept" in err and "Traceback" not in err
    assert not out.exists() and not list(store.glob("*.tmp"))
    again = subprocess.run([*cmd[:-4], "1", "--out", str(out)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"({8 - kept} run now, {kept} found" in again.stderr
    assert out.read_bytes() == whole.read_bytes()


def test_dask_scheduler_equals_the_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    local = sweep(tmp_path, "--vary", "rubric.social=0,0.4", "--seeds", "2",
                  "--workers", "1", out="local.csv")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address="127.0.0.1:0",
                                  worker_dashboard_address="127.0.0.1:0") as cluster:
        dask = sweep(tmp_path, "--vary", "rubric.social=0,0.4", "--seeds", "2",
                     "--scheduler", cluster.scheduler_address, out="dask.csv")
    assert dask.read_bytes() == local.read_bytes()


@pytest.mark.parametrize("argv, says", [
    (["--vary", "rubric.social"], "--vary rubric.social: expected KEY=V1,V2"),
    (["--vary", "rubric.socal=0,1"], "did you mean rubric.social?"),
    (["--vary", "rubric.social=-1,0"], "rubric.social: must be >= 0, got -1"),
    (["--vary", "rubric.social=0:1"], "START:STOP:COUNT"),
    (["--vary", "run.seed=1,2"], "use --seeds or --seed-list"),
    (["--vary", "rubric.social=0,1", "--vary", "rubric.social=2"], "is varied twice"),
    (["--vary", "perks.restricted_below=500,650", "--vary", "perks.privileged_at=600,700"],
     "perks.restricted_below=650.0, perks.privileged_at=600.0"),
    (["--seeds", "0"], "--seeds: must be a whole number >= 1"),
    (["--seed-list", "1,1"], "lists a seed twice"),
    (["--workers", "0"], "--workers: must be >= 1"),
    (["--set", "rubric.social=-2"], "rubric.social: must be >= 0"),
    (["--out-suffix", ".txt"], "--out: must end in .csv or .parquet"),
    (["--out-dir", "missing"], "No such folder"),
])
def test_mistakes_are_one_line_before_any_run(tmp_path, capsys, monkeypatch, argv, says):
    import models.simulation

    monkeypatch.setattr(models.simulation, "Simulation", None)   # a run would crash
    out = tmp_path / "out.csv"
    if argv[0] == "--out-suffix":
        out, argv = tmp_path / f"out{argv[1]}", []
    elif argv[0] == "--out-dir":
        out, argv = tmp_path / argv[1] / "out.csv", []
    code = main(["sweep", "karate", "--steps", "2", "--out", str(out), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert says in err and err.count("\n") == 1 and err.startswith("scorenet: ")
    assert not (tmp_path / ".out.csv.runs").exists()


def test_run_with_seeds_prints_intervals(tmp_path, capsys):
    m = tmp_path / "m.csv"
    assert main(["run", "karate", "--steps", "2", "--seeds", "3", "--workers", "1",
                 "--quiet", "--metrics-out", str(m)]) == 0
    out = capsys.readouterr().out
    assert "karate: 2 steps, 3 seeds (1, 2, 3); mean and 95% interval" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("mean_score"))
    mean, low, high = (float(x) for x in line.replace("[", " ").replace(",", " ")
                       .replace("]", " ").split()[1:])
    assert low < mean < high
    rows = read_rows(m)
    assert list(rows[0])[:2] == ["seed", "step"] and len(rows) == 9
    assert main(["run", "karate", "--seeds", "2", "--nodes-out", str(tmp_path / "n.csv")]) == 2
    assert "--nodes-out takes a single run" in capsys.readouterr().err
