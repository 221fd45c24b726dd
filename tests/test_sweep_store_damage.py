"""A sweep's store of finished runs, damaged on disk: each damaged run file counts as
missing (a note names it) and that run is computed again, never loaded as a pickle,
never another run's numbers, and never written through a symbolic link."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from models import load_scenario
from models.sweeps import RunStore, execute, make_plan, run_key


def _plan():
    return make_plan(load_scenario("karate"), {"rubric.social": [0.0, 0.4]}, [1], 2)


def _swept(tmp_path):
    """A finished sweep's store, its two run files, and the results computed fresh."""
    plan = _plan()
    store = RunStore(tmp_path / "runs")
    fresh = execute(plan, workers=1, store=store)
    keys = [run_key(plan.scenario_for(r)) for r in plan.runs()]
    return plan, keys, [store._path(k) for k in keys], fresh


def _damage(kind: str, path, other, victim) -> None:
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "random bytes":
        path.write_bytes(np.random.default_rng(0).bytes(300))
    elif kind == "npz without the arrays":
        with open(path, "wb") as fh:
            np.savez(fh, a=np.arange(3))
    elif kind == "pickled object arrays":
        with open(path, "wb") as fh:
            np.savez(fh, key=np.array(path.stem), columns=np.array([{"x": 1}], dtype=object),
                     values=np.zeros((1, 1)))
    elif kind == "wrong shape":
        with open(path, "wb") as fh:
            np.savez(fh, key=np.array(path.stem), columns=np.array(["a", "b"]),
                     values=np.zeros((3, 5)))
    elif kind == "another run's file":
        shutil.copyfile(other, path)
    elif kind == "symlink":
        path.unlink()
        path.symlink_to(victim)


KINDS = ["empty", "random bytes", "npz without the arrays", "pickled object arrays",
         "wrong shape", "another run's file", "symlink"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_run_file_is_noted_and_computed_again(tmp_path, kind):
    plan, keys, paths, fresh = _swept(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("not a run\n")
    _damage(kind, paths[0], paths[1], victim)
    notes: list[str] = []
    store = RunStore(tmp_path / "runs", note=notes.append)
    with pytest.raises(KeyError):
        store.load(keys[0])
    assert len(notes) == 1 and str(paths[0]) in notes[0] and "damaged" in notes[0], notes
    again = execute(plan, workers=1, store=store)
    assert again.computed == 1   # only the damaged run
    for i in range(len(plan)):
        assert again.results[i][0] == fresh.results[i][0]
        np.testing.assert_array_equal(again.results[i][1], fresh.results[i][1])
    # The recomputed run replaced the damaged entry itself, not what a link points at.
    assert victim.read_text() == "not a run\n"
    assert paths[0].is_file() and not paths[0].is_symlink()
    assert store.get(keys[0]) is not None


def test_a_missing_run_is_no_note(tmp_path):
    notes: list[str] = []
    store = RunStore(tmp_path / "runs", note=notes.append)
    assert store.get("0" * 32) is None and notes == []


def test_the_run_key_is_stored_in_the_file(tmp_path):
    store = RunStore(tmp_path)
    store.save("abc", ("step", "x"), np.array([[0.0, 1.0]]))
    with np.load(tmp_path / "abc.npz", allow_pickle=False) as data:
        assert str(data["key"]) == "abc"
    (tmp_path / "abc.npz").rename(tmp_path / "def.npz")
    assert store.get("def") is None and store.get("abc") is None
