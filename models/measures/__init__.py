"""The measures of MODEL.md section 6, as pure functions of numpy arrays.

Graphs are given as ``n`` and an ``(m, 2)`` int64 edge array over ``0..n-1`` (the
canonical arrays of :mod:`models.graph`: ``u < v``, unique, sorted). Nothing here knows
about the simulation: each function takes arrays and returns a float or an array.

Conventions: an undefined measure (no edges, no variance, an empty group, a zero
denominator) is ``nan``, without a warning; only misuse (negative values for
:func:`gini`, vectors of different lengths) raises ``ValueError``. Values must be finite.
Everything but :func:`louvain` is vectorised and linear or ``n log n``
(``benchmarks/bench_metrics.py``).

Modules, by job: :mod:`~models.measures.distribution` (summary statistics, Gini, fifths,
mobility, AUC), :mod:`~models.measures.mixing` (assortativity and gaps between fifths,
groups, victims, dating likes), :mod:`~models.measures.structure` (degrees, isolation,
components), :mod:`~models.measures.communities` (Louvain, modularity, stratification),
:mod:`~models.measures.ranks` (the one average-rank helper), :mod:`~models.measures.ordered`
(one sorting of the scores shared by a step's measures), :mod:`~models.measures.tracked`
(components and modularity's count followed across steps, edit by edit).
"""

from .communities import (
    LEIDEN_FROM,
    between_share,
    community_method,
    louvain,
    modularity,
    modularity_of_counts,
)
from .distribution import (
    fifth_indices,
    gini,
    gini_sorted,
    mobility,
    mobility_of_ranks,
    quintile_masks,
    quintiles_at,
    score_auc,
    score_auc_sorted,
    summary_stats,
)
from .mixing import (
    aim_up,
    degree_gap,
    edge_correlation,
    ends_correlation,
    group_gap,
    group_gaps,
    group_restricted_gap,
    match_gap,
    optout_gap,
    triangle_correlation,
    victim_gap,
)
from .ordered import SortedScores
from .ranks import average_ranks, ranks_from_order
from .structure import (
    bottom_isolated_share,
    component_labels,
    component_summary,
    components,
    degrees,
    giant_share,
    isolated_share,
)
from .tracked import ComponentForest, InsideCount

__all__ = [
    "aim_up", "average_ranks", "between_share", "bottom_isolated_share", "component_labels",
    "community_method", "component_summary", "LEIDEN_FROM",
    "components", "degree_gap", "degrees", "edge_correlation", "giant_share", "gini",
    "group_gap", "group_restricted_gap", "isolated_share", "louvain", "match_gap",
    "mobility", "modularity", "optout_gap", "quintile_masks", "score_auc", "summary_stats",
    "victim_gap", "ComponentForest", "InsideCount", "SortedScores", "ends_correlation",
    "fifth_indices", "gini_sorted", "group_gaps", "mobility_of_ranks", "modularity_of_counts", "quintiles_at",
    "ranks_from_order", "score_auc_sorted", "triangle_correlation",
]
