"""What is recorded of a simulation's state: a row of metrics, the per-person table.

MODEL.md section 6, measured.

Kept apart from :mod:`models.simulation` so that the list of columns reads in one place;
the measures themselves are pure functions in :mod:`models.measures`.
"""

from __future__ import annotations

import math
import weakref

import numpy as np

from . import measures as M
from .history import NODE_COLUMNS
from .schema import RUBRIC_KEYS

__all__ = ["step_metrics", "past_score_auc", "person_table", "MOBILITY_LAG", "STATUS_NAMES"]

#: Mobility compares scores with those this many steps earlier.
MOBILITY_LAG = 12

#: Names of the status codes -1, 0, 1.
STATUS_NAMES = {-1: "restricted", 0: "normal", 1: "privileged"}


class _Kept:
    """What the metrics keep of one simulation between steps, each part checked before
    use (models.measures.tracked; the score orders verify that they still sort)."""

    def __init__(self) -> None:
        self.forest = M.ComponentForest()
        self.inside = M.InsideCount()
        self.orders: dict[int, np.ndarray] = {}   # step -> a sorting order of its scores
        self.summary: tuple[np.ndarray | None, tuple[float, float]] = (None, (0.0, 0.0))

    def components(self, sim) -> tuple[float, float]:
        """``(giant_share, components)``, counted again only when the labels change."""
        labels = self.forest.labels(sim.friends)
        if self.summary[0] is not labels:
            self.summary = (labels, M.component_summary(sim.n, None, labels))
        return self.summary[1]


_KEPT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _kept(sim) -> _Kept:
    kept = _KEPT.get(sim)
    if kept is None:
        kept = _KEPT[sim] = _Kept()
    return kept


def _mobility(kept: _Kept, step: int, view: M.SortedScores, past) -> float:
    """``M.mobility(s, past)``, the past scores ranked with the order kept from their
    step when it still sorts them."""
    idx = np.int32 if view.s.size < 2**31 else np.int64
    kept.orders[step] = view.order.astype(idx)
    for old in [k for k in kept.orders if not step - MOBILITY_LAG <= k <= step]:
        del kept.orders[old]
    if past is None:
        return math.nan
    s = view.s
    b = np.asarray(past, dtype=np.float64).ravel()
    if b.shape != s.shape or b.size == 0 or np.array_equal(s, b):
        return M.mobility(s, b)
    # In a step, the past is the scores of step - MOBILITY_LAG; asked after the step
    # (the window, the tests), it is those of the step after.
    for then in (step - MOBILITY_LAG, step - MOBILITY_LAG + 1):
        order = kept.orders.get(then)
        if order is not None and (moved := view.mobility_since(b, order)) is not None:
            return moved
    return M.mobility_of_ranks(view.ranks(), M.average_ranks(b))


def past_score_auc(sim, part: np.ndarray, missed: np.ndarray) -> float:
    """``M.score_auc(sim.scores[part], missed[part])``, the same float, from the order
    of these scores kept by the last step's metrics when it still sorts them: in the
    events phase the scores are still last month's, which that step has sorted."""
    order = _kept(sim).orders.get(sim.step_count - 1)
    if order is not None and order.size == part.size:
        auc = M.score_auc_sorted(sim.scores, missed, part, order)
        if auc is not None:
            return auc
    return M.score_auc(sim.scores[part], missed[part])


def _share(mask: np.ndarray) -> float:
    """``float(np.mean(mask))`` for a bool mask: the exact count over the size (what the
    float mean's exact sum of ones divided by the size is), without a float pass."""
    return np.count_nonzero(mask) / mask.size


def step_metrics(sim) -> dict[str, float]:
    """The metrics of MODEL.md section 6 for ``sim``'s current state (a
    :class:`~models.simulation.Simulation`)."""
    sc = sim.applied
    s = sim.scores
    kept = _kept(sim)
    adj = sim.friends.adjacency()
    deg = sim.degree()
    labels = sim.communities()
    n = sim.n
    past = sim.scores_back()
    # One ranking of the scores for the median, Gini, shares, fifths and mobility (a
    # simulation has 2 people or more, so there is always something to rank).
    view = M.SortedScores(np.asarray(s, dtype=np.float64))
    fifths = M.fifth_indices(view.quintiles(), s)  # for the three gaps
    giant, components = kept.components(sim)
    group_gap, group_restricted_gap = M.group_gaps(s, sim.pop.group,
                                                   sc["perks.restricted_below"])
    return {
        "step": float(sim.step_count),
        "mean_score": float(np.mean(s)),
        "median_score": view.median(),
        "gini": view.gini(350.0),
        "restricted_share": view.share_below(sc["perks.restricted_below"]),
        "privileged_share": view.share_at_least(sc["perks.privileged_at"]),
        "assortativity": M.triangle_correlation(s, adj.lower, deg),
        "dating_assortativity": M.edge_correlation(s, sim.dating.edges()),
        "modularity": kept.inside.modularity(sim.friends, labels, deg),
        "stratification": M.between_share(s, labels),
        "isolated_share": _share(deg == 0),
        "giant_share": giant,
        "degree_gap": M.degree_gap(s, deg, fifths),
        "match_gap": M.match_gap(s, sim.dating.uses, sim.dating.matches, fifths),
        "group_gap": group_gap,
        "optout_gap": M.optout_gap(deg, sim.pop.opted_out),
        "mobility": _mobility(kept, sim.step_count, view, past),
        "components": components,
        "bottom_isolated_share": M.bottom_isolated_share(s, deg, fifths),
        "aim_up": sim.dating.aim_up,
        "score_auc": sim.last_auc,
        "victim_gap": M.victim_gap(s, sim.ever_scammed),
        "optout_share": _share(sim.pop.opted_out),
        "group_restricted_gap": group_restricted_gap,
        "friend_ties": float(sim.friends.m),
        "dating_ties": float(sim.dating.keys.size),
        "mean_degree": float(2.0 * sim.friends.m / n),
    }


def person_table(sim) -> dict[str, np.ndarray]:
    """Per-person columns (MODEL.md section 6) of ``sim``, in the order of ``NODE_COLUMNS``."""
    status = np.array([STATUS_NAMES[int(x)] for x in (-1, 0, 1)], dtype=object)
    group = np.empty(sim.n, dtype=object)
    labels = sim.pop.group_labels
    group[:] = [labels[c] for c in sim.pop.group]
    table = {
        "id": sim.ids,
        "group": group,
        "opted_out": sim.pop.opted_out.copy(),
        "score": sim.scores.copy(),
        **{k: sim.components[k].copy() for k in RUBRIC_KEYS},
        "degree": sim.degree(),
        "community": sim.communities().copy(),
        "status": status[sim.status.astype(np.int64) + 1],
    }
    assert list(table) == list(NODE_COLUMNS)
    return table
