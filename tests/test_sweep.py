"""The sweep engine (models.sweeps): grid and order, checks before any run, equality
with single runs, resume after a stop, executors, summary over seeds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from models import ScenarioError, Simulation, load_scenario, sweep
from models.sweeps import (RunStore, execute, interval, make_plan, parse_seed_list, parse_vary,
                           plan, summary_columns, tidy_columns, write_table)

KARATE = load_scenario("karate")


def test_grid_order_first_key_slowest_then_seed():
    p = make_plan(KARATE, {"rubric.social": [0.1, 0.4], "dating.enabled": [True, False]},
                  seeds=[5, 3], steps=2)
    got = [(r.values["rubric.social"], r.values["dating.enabled"], r.seed) for r in p.runs()]
    assert got == [(0.1, True, 5), (0.1, True, 3), (0.1, False, 5), (0.1, False, 3),
                   (0.4, True, 5), (0.4, True, 3), (0.4, False, 5), (0.4, False, 3)]
    assert [r.index for r in p.runs()] == list(range(8)) and len(p) == 8
    assert p.scenario_for(p.runs()[5])["run.seed"] == 3
    assert p.scenario_for(p.runs()[5])["run.steps"] == 2


def test_no_vary_is_one_point():
    p = plan("karate", seeds=3, steps=1)
    assert [r.seed for r in p.runs()] == [1, 2, 3] and p.keys == ()


@pytest.mark.parametrize("text, want", [
    ("rubric.social=0:0.5:3", ("rubric.social", [0.0, 0.25, 0.5])),
    ("rubric.social=0.1,0.2", ("rubric.social", [0.1, 0.2])),
    ("dating.feed_size=0:20:3", ("dating.feed_size", [0, 10, 20])),
    ("run.communities=leiden,louvain", ("run.communities", ["leiden", "louvain"])),
    ("rubric.social = 0.3", ("rubric.social", [0.3])),
])
def test_parse_vary(text, want):
    assert parse_vary(text) == want


@pytest.mark.parametrize("text, says", [
    ("rubric.social", "expected KEY=V1,V2"),
    ("rubric.social=", "expected KEY=V1,V2"),
    ("rubric.socal=0.1,0.2", "did you mean rubric.social"),
    ("rubrik.social=0.1", "unknown section"),
    ("run.seed=1,2", "use --seeds or --seed-list"),
    ("run.steps=1,2", "use --steps"),
    ("rubric.social=0:1", "START:STOP:COUNT"),
    ("rubric.social=0:1:0", "COUNT must be a whole number"),
    ("rubric.social=0:x:3", "is not a number"),
    ("rubric.social=0.1,,0.2", "empty value"),
    ("dating.feed_size=0:10:4", "non-integer values"),
    ("dating.enabled=0:1:2", "needs a number parameter"),
])
def test_bad_vary_syntax_is_one_line(text, says):
    with pytest.raises(ScenarioError) as err:
        parse_vary(text)
    assert says in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("vary, says", [
    ({"rubric.social": [-1.0]}, "rubric.social: must be >= 0"),
    ({"dating.enabled": ["maybe"]}, "must be true or false"),
    ({"rubric.social": [0.1, 0.1]}, "lists a value twice"),
    ({"perks.restricted_below": [500.0, 800.0]}, "must not exceed perks.privileged_at"),
    ({"perks.restricted_below": [500.0, 650.0], "perks.privileged_at": [600.0, 700.0]},
     "--vary at perks.restricted_below=650.0, perks.privileged_at=600.0"),
])
def test_impossible_values_fail_before_any_run(vary, says, monkeypatch):
    import models.simulation

    monkeypatch.setattr(models.simulation, "Simulation", None)   # any run would crash
    with pytest.raises(ScenarioError) as err:
        sweep(KARATE, vary, seeds=1, steps=1)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_bad_seeds_and_steps():
    with pytest.raises(ScenarioError, match="lists a seed twice"):
        make_plan(KARATE, {}, [1, 1])
    with pytest.raises(ScenarioError, match="run.seed: must be >= 0"):
        make_plan(KARATE, {}, [-1])
    with pytest.raises(ScenarioError, match="--seeds: must be a whole number"):
        plan(KARATE, seeds=0)
    with pytest.raises(ScenarioError, match="run.steps: must be >= 0"):
        make_plan(KARATE, {}, [1], steps=-3)
    with pytest.raises(ScenarioError, match="'x' is not a whole number"):
        parse_seed_list("1,x")


def test_rows_equal_single_runs_bit_for_bit():
    table = sweep(KARATE, {"rubric.social": [0.0, 0.4]}, seeds=[1, 2], steps=3, frame=False)
    for social in (0.0, 0.4):
        for seed in (1, 2):
            sim = Simulation(KARATE.replace({"rubric.social": social, "run.seed": seed,
                                             "run.steps": 3}))
            sim.run()
            rows = (table["rubric.social"] == social) & (table["seed"] == seed)
            assert table["step"][rows].tolist() == [0, 1, 2, 3]
            for col in sim.history:
                if col != "step":
                    a, b = table[col][rows], sim.history[col]
                    assert a.tobytes() == np.asarray(b, dtype=np.float64).tobytes(), col


def test_metric_columns_come_from_the_history(monkeypatch):
    import models.simulation

    class Sim:
        def __init__(self, scenario):
            self.steps = scenario["run.steps"]
            self.step_count = 0

        def run(self, should_stop=None):
            self.step_count = self.steps
            self.history = {"step": np.arange(self.steps + 1.0),
                            "brand_new": np.full(self.steps + 1, 7.0)}

    monkeypatch.setattr(models.simulation, "Simulation", Sim)
    table = sweep(KARATE, {"rubric.social": [0.0]}, seeds=1, steps=2, frame=False)
    assert list(table) == ["rubric.social", "seed", "step", "brand_new"]
    assert table["brand_new"].tolist() == [7.0, 7.0, 7.0]


def test_runs_in_one_process_take_turns(monkeypatch):
    """igraph's random generator is global: threads of one Dask worker must not overlap."""
    import models.simulation
    from models.sweeps import runner

    held = []

    class Sim:
        def __init__(self, scenario):
            held.append(runner._RUN_LOCK.locked())
            self.step_count = scenario["run.steps"]

        def run(self, should_stop=None):
            held.append(runner._RUN_LOCK.locked())
            self.history = {"step": np.arange(self.step_count + 1.0)}

    monkeypatch.setattr(models.simulation, "Simulation", Sim)
    sweep(KARATE, seeds=1, steps=1, frame=False)
    assert held == [True, True]


def _bytes(outcome, tmp_path, name):
    path = tmp_path / name
    write_table(path, tidy_columns(outcome))
    return path.read_bytes()


def test_stop_midway_then_resume_gives_the_same_file(tmp_path):
    p = make_plan(KARATE, {"rubric.social": [0.0, 0.2, 0.4]}, seeds=[1, 2], steps=2)
    whole = _bytes(execute(p), tmp_path, "whole.csv")
    store = RunStore(tmp_path / "runs")
    seen = []
    first = execute(p, store=store, progress=lambda d, t: seen.append((d, t)),
                    should_stop=lambda: len(seen) > 3)
    assert first.stopped and not first.complete and first.computed == 3
    assert len(list((tmp_path / "runs").glob("*.npz"))) == 3
    assert not list((tmp_path / "runs").glob("*.tmp"))
    again = execute(p, store=store)
    assert again.complete and again.computed == 3    # only what was missing
    assert _bytes(again, tmp_path, "resumed.csv") == whole
    assert execute(p, store=store).computed == 0


def test_store_key_follows_the_parameters(tmp_path):
    store = RunStore(tmp_path)
    p = make_plan(KARATE, {}, [1], steps=1)
    execute(p, store=store)
    assert execute(make_plan(KARATE.replace({"about.name": "other"}), {}, [1], steps=1),
                   store=store).computed == 0
    assert execute(make_plan(KARATE, {}, [1], steps=2), store=store).computed == 1
    assert execute(make_plan(KARATE, {"rubric.social": [0.3]}, [1], steps=1),
                   store=store).computed == 1


def test_process_pool_and_dask_equal_the_serial_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    p = make_plan(KARATE, {"rubric.social": [0.0, 0.4]}, seeds=[1, 2], steps=2)
    serial = _bytes(execute(p, workers=1), tmp_path, "serial.csv")
    pool = _bytes(execute(p, workers=2), tmp_path, "pool.csv")
    assert pool == serial
    # Long enough runs that a stop comes while some still wait.
    long = make_plan(KARATE, {"rubric.social": [0.0, 0.4]}, seeds=[1, 2], steps=40)
    long_serial = _bytes(execute(long), tmp_path, "long.csv")
    # In-process cluster; its dashboards listen on loopback only.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address="127.0.0.1:0",
                                  worker_dashboard_address="127.0.0.1:0") as cluster, \
            distributed.Client(cluster) as client:
        # Two threads in one worker: runs must still not disturb each other.
        dask = _bytes(execute(p, executor=client.get_executor(pure=False)), tmp_path, "dask.csv")
        # Stopped after the first run on an executor, then resumed there.
        store = RunStore(tmp_path / "runs")
        first = execute(long, executor=client.get_executor(pure=False), store=store,
                        should_stop=lambda: len(list(store.folder.glob("*.npz"))) >= 1)
        assert first.stopped and 1 <= first.computed < 4
        again = execute(long, executor=client.get_executor(pure=False), store=store)
        assert again.computed == 4 - first.computed
    assert dask == serial
    assert _bytes(again, tmp_path, "resumed.csv") == long_serial


def test_summary_mean_and_interval_over_seeds():
    p = make_plan(KARATE, {"rubric.social": [0.0, 0.4]}, seeds=[1, 2, 3], steps=2)
    outcome = execute(p)
    s = summary_columns(outcome)
    t = tidy_columns(outcome)
    assert s["rubric.social"].tolist() == [0.0, 0.4] and s["runs"].tolist() == [3, 3]
    last = (t["step"] == 2) & (t["rubric.social"] == 0.4)
    x = t["mean_score"][last]
    half = 4.302652729911275 * x.std(ddof=1) / math.sqrt(3)   # t(0.975, 2 dof)
    assert s["mean_score_mean"][1] == pytest.approx(x.mean())
    assert s["mean_score_low"][1] == pytest.approx(x.mean() - half)
    assert s["mean_score_high"][1] == pytest.approx(x.mean() + half)
    assert "step_mean" not in s


def test_interval_ignores_nan_and_needs_two_values():
    assert interval(np.array([2.0, math.nan, 4.0]))[0] == 3.0
    mean, low, high = interval(np.array([5.0]))
    assert mean == 5.0 and math.isnan(low) and math.isnan(high)
    assert all(math.isnan(v) for v in interval(np.array([math.nan])))


def test_pandas_frame_and_parquet(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    df = sweep(KARATE, {"dating.enabled": [True, False]}, seeds=1, steps=1)
    assert isinstance(df, pd.DataFrame) and df["dating.enabled"].dtype == bool
    write_table(tmp_path / "x.parquet", {c: df[c].to_numpy() for c in df}, {"a": 1})
    back = pd.read_parquet(tmp_path / "x.parquet")
    pd.testing.assert_frame_equal(back, df)
