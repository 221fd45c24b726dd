"""Whole runs with the compiled kernels give the bits of runs without them.

models.accel promises that the kernels change how long a step takes, never what it
computes: here every mechanism is switched on (and the rarer branches: homophilous
search, opting out as a choice, verified scam relief, perks) and two runs of the same
scenario and seed, one on numpy and one on the kernels, must agree exactly in every
metric of every step, every person's state and the final ties.
"""

from __future__ import annotations

import numpy as np
import pytest

from models import accel, load_scenario
from models.simulation import Simulation

CHANGES = {
    "population.size": 600,
    "network.kind": "barabasi_albert",
    "network.mean_degree": 6.0,
    "sharing.homophilous_search": 0.4,
    "sharing.churn": 0.05,
    "optout.choice": True,
    "events.scam_relief": "verified",
    "events.scam_rate": 0.02,
}

CASES = {
    "everything on": CHANGES,
    "default preset": {},
    "mean imputation, scores hidden": {**CHANGES, "rubric.optout_imputation": "mean",
                                       "dating.display_scores": False},
}


def _run(changes: dict, monkeypatch, mode: str, steps: int = 25) -> Simulation:
    monkeypatch.setenv(accel.ENV, mode)
    sim = Simulation(load_scenario("default", changes))
    sim.run(steps)
    return sim


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("changes", CASES.values(), ids=list(CASES))
def test_runs_with_and_without_kernels_agree_bit_for_bit(changes, kernels_on, monkeypatch):
    plain = _run(changes, monkeypatch, "0")
    fast = _run(changes, monkeypatch, "1")
    assert plain.friends.m > 0
    for name in plain.history.columns():
        assert _same(plain.history[name], fast.history[name]), name
    for name, column in plain.person_table().items():
        assert _same(column, fast.person_table()[name]) if column.dtype != object \
            else list(column) == list(fast.person_table()[name]), name
    assert _same(plain.friends.keys, fast.friends.keys)
    assert _same(plain.dating.keys, fast.dating.keys)
    for name in ("missed", "violations", "consumption", "scam_debt"):
        assert _same(getattr(plain, name), getattr(fast, name)), name


def test_kernels_still_compile_where_numba_cannot_cache(kernels_on, monkeypatch):
    """A read-only install and home: numba refuses cache=True; the kernel is compiled
    without its cache (one warning), not a crash."""
    import numba.core.caching as caching
    from models.kernels import _jit

    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])
    monkeypatch.setattr(_jit, "_warned", False)

    def twice(x):
        return 2 * x

    with pytest.warns(RuntimeWarning, match="compiled in every process"):
        compiled = _jit.kernel(twice)
    assert compiled(21) == 42


def test_an_installed_numba_that_does_not_load_warns(tmp_path, monkeypatch):
    """numba's own version checks raise ImportError ("Numba needs NumPy 2.0 or less"):
    that is not "not installed", and says so once, instead of running slow silently."""
    import sys

    fake = tmp_path / "numba"
    fake.mkdir()
    (fake / "__init__.py").write_text('raise ImportError("Numba needs NumPy 2.0 or less")\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m == "numba" or m.startswith("numba.")]:
        monkeypatch.delitem(sys.modules, name)
    accel.available.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="Numba needs NumPy"):
            assert accel.available() is False
        accel._asked_without_numba.cache_clear()
        monkeypatch.setenv(accel.ENV, "1")
        with pytest.warns(RuntimeWarning, match="SCORENET_ACCEL=1 but numba"):
            assert accel.use_kernels(10) is False
    finally:
        accel.available.cache_clear()
        accel._asked_without_numba.cache_clear()


def test_a_graph_handed_in_must_have_canonical_edges():
    from models.graph import GraphData

    ids = np.arange(4)
    sc = load_scenario("default", {"population.size": 4})
    for edges, said in ((np.array([[1, 0], [1, 2]]), "u < v"),
                        (np.array([[1, 2], [0, 1]]), "sorted and unique"),
                        (np.array([[0, 1], [0, 1]]), "sorted and unique"),
                        (np.array([[0, 4]]), "index the 4 people"),
                        (np.array([[0.0, 1.0]]), "integer array")):
        with pytest.raises(ValueError, match=said):
            Simulation(sc, graph=GraphData(ids, edges))
    assert Simulation(sc, graph=GraphData(ids, np.array([[0, 1], [1, 3]]))).friends.m == 2


@pytest.mark.parametrize("value, n, want", [
    ("off", 10**6, False), ("FALSE", 10**6, False), ("no", 10**6, False), ("0", 10**6, False),
    (" on ", 10, True), ("True", 10, True), ("yes", 10, True), ("auto", 10, False),
    ("", 10**6, True)])
def test_the_variable_takes_the_usual_words_for_off_and_on(kernels_on, monkeypatch, value,
                                                          n, want):
    monkeypatch.setenv(accel.ENV, value)
    assert accel.use_kernels(n) is want


def test_an_unknown_value_of_the_variable_warns_and_chooses_by_size(kernels_on, monkeypatch):
    monkeypatch.setenv(accel.ENV, "fast please")
    with pytest.warns(RuntimeWarning, match="not 0, 1 or auto"):
        assert accel.use_kernels(10) is False
