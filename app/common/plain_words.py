"""Plain-words titles and exact definitions of every metric and rubric component.

The titles are what an audience reads on a projector; the definitions are MODEL.md
section 6 word for word (plus the three extra CSV columns), shown in tooltips so an
analyst can see exactly what is plotted. Pure data: no Qt, no matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from models.history import METRIC_COLUMNS
from models.score import SCORE_MIN, SPAN
from models.schema import RUBRIC_KEYS

__all__ = [
    "METRIC_TITLES",
    "METRIC_DEFINITIONS",
    "METRIC_SHORT",
    "RUBRIC_WORDS",
    "field_label",
    "RUBRIC_LONG",
    "STATUS_WORDS",
    "metric_tooltip",
    "formula_in_words",
    "FORMULA_WORDS",
    "TABLES",
]


_LO, _SPAN = f"{SCORE_MIN:g}", f"{SPAN:g}"   # the score formula's numbers, from the model

#: Column -> a question or phrase an audience understands, with the technical name.
METRIC_TITLES: dict[str, str] = {
    "step": "Month (step)",
    "mean_score": "Average score (mean)",
    "median_score": "Typical score (median)",
    "gini": "How unequal are scores? (Gini)",
    "restricted_share": "Share of people restricted",
    "privileged_share": "Share of people privileged",
    "assortativity": "Do friends have similar scores? (assortativity)",
    "dating_assortativity": "Do dates have similar scores? (dating assortativity)",
    "modularity": "How clustered is the network? (modularity)",
    "stratification": "Do scores split along friend circles? (stratification)",
    "isolated_share": "Share of people with no friends",
    "giant_share": "Share in the largest connected group",
    "degree_gap": "Do high scorers have more friends? (degree gap)",
    "match_gap": "Do high scorers get more dates? (match gap)",
    "group_gap": "Score gap between groups",
    "optout_gap": "Friends lost by opting out (opt-out gap)",
    "mobility": "Can people move up or down? (mobility)",
    "components": "Separate friend groups (components)",
    "bottom_isolated_share": "Share of the lowest fifth with no friends",
    "aim_up": "How far up do dating-app likes aim? (aim up)",
    "score_auc": "Does the score predict missed payments? (AUC)",
    "victim_gap": "Score gap of scam victims (victim gap)",
    "optout_share": "Share of people opted out",
    "group_restricted_gap": "Restriction gap between groups",
    "friend_ties": "Number of friendships",
    "dating_ties": "Number of dating ties",
    "mean_degree": "Average number of friends",
}

#: Column -> a few words, for axis labels and legends where space is tight.
METRIC_SHORT: dict[str, str] = {
    "step": "step",
    "mean_score": "mean score",
    "median_score": "median score",
    "gini": "Gini",
    "restricted_share": "restricted share",
    "privileged_share": "privileged share",
    "assortativity": "assortativity",
    "dating_assortativity": "dating assortativity",
    "modularity": "modularity",
    "stratification": "stratification",
    "isolated_share": "isolated share",
    "giant_share": "giant component share",
    "degree_gap": "degree gap",
    "match_gap": "match gap",
    "group_gap": "group gap (points)",
    "optout_gap": "opt-out gap (friends)",
    "mobility": "mobility",
    "components": "components",
    "bottom_isolated_share": "bottom fifth isolated",
    "aim_up": "aim up",
    "score_auc": "score AUC",
    "victim_gap": "victim gap (points)",
    "optout_share": "opted-out share",
    "group_restricted_gap": "group restricted gap",
    "friend_ties": "friend ties",
    "dating_ties": "dating ties",
    "mean_degree": "mean degree",
}

#: Column -> the exact definition (MODEL.md section 6).
METRIC_DEFINITIONS: dict[str, str] = {
    "step": "0, 1, 2, ... (one step is one month).",
    "mean_score": "Mean score over everyone.",
    "median_score": "Median score over everyone.",
    "gini": f"Gini coefficient of score - {_LO}.",
    "restricted_share": "Share of people whose score is below restricted_below.",
    "privileged_share": "Share of people whose score is at or above privileged_at.",
    "assortativity": "Pearson correlation of the scores at the two ends of friendship ties "
                     "(Newman's numeric assortativity).",
    "dating_assortativity": "Pearson correlation of the scores at the two ends of current "
                            "dating ties (empty: NaN).",
    "modularity": "Modularity of a Louvain partition of the friendship graph (fixed seed).",
    "stratification": "Share of score variance explained by the Louvain partition "
                      "(between-community variance / total).",
    "isolated_share": "Share of people with no friends.",
    "giant_share": "Share of people in the largest connected component.",
    "degree_gap": "Mean degree of the top score quintile / mean degree of the bottom "
                  "quintile.",
    "match_gap": "Dating-match rate of the top quintile / that of the bottom quintile "
                 "(NaN when undefined).",
    "group_gap": "Mean score of the best-off group minus the worst-off group.",
    "optout_gap": "Mean degree of participants minus mean degree of those who opted out "
                  "(NaN if none opted out).",
    "mobility": "1 - Spearman correlation of scores now and 12 steps ago: 0 when no rank "
                "moved (NaN before step 12).",
    "components": "Number of connected components with two or more people.",
    "bottom_isolated_share": "Share of the bottom score fifth with no friends.",
    "aim_up": "Over this step's likes: mean score - 350 of the liked / that of the likers, "
              "minus 1 (NaN without likes).",
    "score_auc": "AUC of this step's score for missing a payment next step, among "
                 "participants (0.5: chance).",
    "victim_gap": "Mean score of people ever scammed minus that of those never scammed "
                  "(NaN if none).",
    "optout_share": "Share of people opted out now.",
    "group_restricted_gap": "Restricted share of the worst-off group minus that of the "
                            "best-off.",
    "friend_ties": "Number of friendship ties (undirected).",
    "dating_ties": "Number of current dating ties (undirected).",
    "mean_degree": "Mean number of friends per person, 2 x friend ties / N.",
}

#: Rubric key -> plain-words name (the formula in words uses these).
RUBRIC_WORDS: dict[str, str] = {
    "history": "payment record",
    "capacity": "wealth",
    "identity": "personal characteristics",
    "behaviour": "spending",
    "social": "friends' scores",
}

def field_label(name: str) -> str:
    """The label a setting has everywhere in the window: the rubric weights by their plain
    words (as the Parameters panel shows them), the others by the schema's label.

    >>> field_label("rubric.history"), field_label("events.scam_rate")
    ('Payment record', 'Scam rate')
    """
    from models.schema import FIELD_BY_NAME

    section, _, key = name.partition(".")
    if section == "rubric" and key in RUBRIC_WORDS:
        return RUBRIC_WORDS[key][0].upper() + RUBRIC_WORDS[key][1:]
    field = FIELD_BY_NAME.get(name)
    return (field.label if field is not None else "") or name


#: Rubric key -> what the component is, exactly (MODEL.md section 2).
RUBRIC_LONG: dict[str, str] = {
    "history": "Credit history: 1 / (1 + missed payments, decayed).",
    "capacity": "Fulfilment capacity: wealth percentile.",
    "identity": "Personal characteristics: stability (identity, education, housing).",
    "behaviour": "Behaviour and preferences: percentile of this month's platform spending "
                 "among everyone who takes part.",
    "social": "Interpersonal relationships: mean over friends (and current dates) of "
              f"(score - {_LO}) / {_SPAN}, using last month's scores.",
}

#: Status code -> word.
STATUS_WORDS: dict[int, str] = {-1: "restricted", 0: "normal", 1: "privileged"}

assert set(METRIC_TITLES) == set(METRIC_COLUMNS) == set(METRIC_DEFINITIONS)
assert set(RUBRIC_WORDS) == set(RUBRIC_KEYS) == set(RUBRIC_LONG)


def metric_tooltip(column: str) -> str:
    """Tooltip text for a metric: the plain title, then the exact definition.

    Examples
    --------
    >>> metric_tooltip("gini").splitlines()[1]
    'Gini coefficient of score - 350.'
    """
    return f"{METRIC_TITLES[column]}\n{METRIC_DEFINITIONS[column]}"


#: The sentences of :func:`formula_in_words`, translated like the tables above.
FORMULA_WORDS: dict[str, str] = {
    "undefined": "Score undefined: every weight is zero",
    "formula": "Score = {lo} + {span} x ({parts})",
    "violation": " - {points} per violation",
}

#: Every table of words, for the translation catalogues (app.common.catalog).
TABLES = ("METRIC_TITLES", "METRIC_SHORT", "METRIC_DEFINITIONS", "RUBRIC_WORDS",
          "RUBRIC_LONG", "STATUS_WORDS", "FORMULA_WORDS")


def formula_in_words(weights: Mapping[str, float], violation_points: float = 0.0,
                     tr: Callable[[str], str] | None = None) -> str:
    """The rubric as a sentence, with each weight's share in percent.

    Weights need not be normalised; zero weights are left out. With ``violation_points``
    the penalty per violation is added. ``tr`` translates each English piece (the
    window's Qt translation, the picture's gettext); without it the text is English.

    Examples
    --------
    >>> formula_in_words({"history": 1, "capacity": 1, "identity": 0, "behaviour": 0,
    ...                   "social": 2})
    "Score = 350 + 600 x (25% payment record + 25% wealth + 50% friends' scores)"
    >>> formula_in_words(dict.fromkeys(RUBRIC_KEYS, 1), 10).endswith("- 10 per violation")
    True
    """
    tr = tr or (lambda s: s)
    total = float(sum(weights[k] for k in RUBRIC_KEYS))
    if not total > 0:
        return tr(FORMULA_WORDS["undefined"])
    parts = [f"{_pct(weights[k] / total)} {tr(RUBRIC_WORDS[k])}"
             for k in RUBRIC_KEYS if weights[k] > 0]
    text = tr(FORMULA_WORDS["formula"]).format(lo=_LO, span=_SPAN, parts=" + ".join(parts))
    if violation_points > 0:
        text += tr(FORMULA_WORDS["violation"]).format(points=f"{violation_points:g}")
    return text


def _pct(share: float) -> str:
    pct = 100.0 * share
    return f"{pct:.0f}%" if abs(pct - round(pct)) < 0.05 or pct >= 10 else f"{pct:.1f}%"
