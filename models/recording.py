"""One row of the metrics history: MODEL.md section 6 measured on a simulation's state.

Kept apart from :mod:`models.simulation` so that the list of columns reads in one place;
the measures themselves are pure functions in :mod:`models.measures`.
"""

from __future__ import annotations

import math

import numpy as np

from . import measures as M

__all__ = ["step_metrics", "MOBILITY_LAG"]

#: Mobility compares scores with those this many steps earlier.
MOBILITY_LAG = 12


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
    giant, components = M.component_summary(n, edges)
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
        "degree_gap": M.degree_gap(s, deg),
        "match_gap": M.match_gap(s, sim.dating.uses, sim.dating.matches),
        "group_gap": M.group_gap(s, sim.pop.group),
        "optout_gap": M.optout_gap(deg, sim.pop.opted_out),
        "mobility": M.mobility(s, past) if past is not None else math.nan,
        "components": components,
        "bottom_isolated_share": M.bottom_isolated_share(s, deg),
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
