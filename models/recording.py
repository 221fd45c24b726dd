"""What is recorded of a simulation's state: a row of metrics, the per-person table.

MODEL.md section 6, measured.

Kept apart from :mod:`models.simulation` so that the list of columns reads in one place;
the measures themselves are pure functions in :mod:`models.measures`.
"""

from __future__ import annotations

import math

import numpy as np

from . import measures as M
from .history import NODE_COLUMNS
from .schema import RUBRIC_KEYS

__all__ = ["step_metrics", "person_table", "MOBILITY_LAG", "STATUS_NAMES"]

#: Mobility compares scores with those this many steps earlier.
MOBILITY_LAG = 12

#: Names of the status codes -1, 0, 1.
STATUS_NAMES = {-1: "restricted", 0: "normal", 1: "privileged"}


def step_metrics(sim) -> dict[str, float]:
    """The metrics of MODEL.md section 6 for ``sim``'s current state (a
    :class:`~models.simulation.Simulation`)."""
    sc = sim.applied
    s = sim.scores
    edges = sim.friends.edges()
    deg = sim.degree()
    labels = sim.communities()
    n = sim.n
    past = sim.scores_back()
    fifths = M.quintile_masks(s)   # one ranking for the three gaps below
    giant, components = M.component_summary(
        n, edges, sim.friends.adjacency().component_labels())
    return {
        "step": float(sim.step_count),
        "mean_score": float(np.mean(s)),
        "median_score": float(np.median(s)),
        "gini": M.gini(s - 350.0),
        "restricted_share": float(np.mean(s < sc["perks.restricted_below"])),
        "privileged_share": float(np.mean(s >= sc["perks.privileged_at"])),
        "assortativity": M.edge_correlation(s, edges),
        "dating_assortativity": M.edge_correlation(s, sim.dating.edges()),
        "modularity": M.modularity(n, edges, labels),
        "stratification": M.between_share(s, labels),
        "isolated_share": float(np.mean(deg == 0)),
        "giant_share": giant,
        "degree_gap": M.degree_gap(s, deg, fifths),
        "match_gap": M.match_gap(s, sim.dating.uses, sim.dating.matches, fifths),
        "group_gap": M.group_gap(s, sim.pop.group),
        "optout_gap": M.optout_gap(deg, sim.pop.opted_out),
        "mobility": M.mobility(s, past) if past is not None else math.nan,
        "components": components,
        "bottom_isolated_share": M.bottom_isolated_share(s, deg, fifths),
        "aim_up": sim.dating.aim_up,
        "score_auc": sim.last_auc,
        "victim_gap": M.victim_gap(s, sim.ever_scammed),
        "optout_share": float(np.mean(sim.pop.opted_out)),
        "group_restricted_gap": M.group_restricted_gap(s, sim.pop.group,
                                                       sc["perks.restricted_below"]),
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
