"""A sweep's side file is the sidecar every output gets (``FILE.meta.toml``, issue 9):
the base scenario plus ``[made_by]`` with the grid; an older ``.meta.json`` still reads."""

from __future__ import annotations

import json
import tomllib

import pytest

from app.cli import main
from models import load_scenario
from models.sweeps import describe, make_plan, meta_path, read_meta, write_meta


def _sweep(tmp_path, out="out.csv", *extra):
    path = tmp_path / out
    assert main(["sweep", "karate", "--steps", "2", "--quiet", "--workers", "1", "--out",
                 str(path), "--vary", "rubric.social=0.1,0.3", "--seed-list", "4",
                 *extra]) == 0
    return path


def test_side_file_is_a_runnable_scenario_with_the_grid(tmp_path):
    out = _sweep(tmp_path)
    side = meta_path(out)
    assert side.name == "out.csv.meta.toml"
    doc = tomllib.loads(side.read_text())
    made = doc["made_by"]
    assert made["program"] == "ScoreNet" and made["content"] == "sweep results"
    assert made["vary"] == {"rubric.social": [0.1, 0.3]} and made["seeds"] == [4]
    assert made["runs"] == 2 and made["steps"] == 2
    assert doc["network"]["kind"] == "karate"
    # Like every sidecar, it runs as a scenario file.
    metrics = tmp_path / "again.csv"
    assert main(["run", str(side), "--steps", "1", "--quiet", "--metrics-out",
                 str(metrics)]) == 0
    assert metrics.is_file()


def test_old_json_side_file_is_read_and_replaced(tmp_path):
    out = tmp_path / "out.csv"
    old = tmp_path / "out.csv.meta.json"
    old.write_text(json.dumps({"scorenet_version": "0.1", "seeds": [1, 2], "steps": 5}))
    assert read_meta(out) == {"version": "0.1", "seeds": [1, 2], "steps": 5}
    _sweep(tmp_path)
    assert not old.exists()
    assert read_meta(out)["seeds"] == [4]


def test_read_meta_without_side_file(tmp_path):
    assert read_meta(tmp_path / "none.csv") is None


def test_parquet_carries_the_same_text(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = _sweep(tmp_path, "out.parquet")
    text = pq.read_schema(out).metadata[b"scorenet"].decode()
    assert text == meta_path(out).read_text()


def test_describe_same_bytes_for_the_same_sweep(tmp_path):
    base = load_scenario("karate")
    a = describe(make_plan(base, [("rubric.social", (0.1, 0.2))], (1, 2)), "cmd")
    b = describe(make_plan(base, [("rubric.social", (0.1, 0.2))], (1, 2)), "cmd")
    assert a == b
    write_meta(tmp_path / "x.csv", a)
    assert (tmp_path / "x.csv.meta.toml").read_text() == a
