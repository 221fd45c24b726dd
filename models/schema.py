"""The scenario schema: every model parameter, its type, default, range and meaning.

This table is the single source of truth for scenario files, validation, the CLI's
``--set`` and the app's generated controls. A parameter added here appears everywhere
without further code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["Field", "FIELDS", "FIELD_BY_NAME", "SECTIONS", "RUBRIC_KEYS", "NETWORK_KINDS",
           "louvain_every", "LOUVAIN_EVERY_STEP_UP_TO"]

#: Rubric component keys, in the order of MODEL.md section 2.
RUBRIC_KEYS: tuple[str, ...] = ("history", "capacity", "identity", "behaviour", "social")

#: Network kinds understood by ``network.kind``.
NETWORK_KINDS: tuple[str, ...] = ("watts_strogatz", "barabasi_albert", "sbm", "karate", "file")

INF = math.inf

#: Rubric weights are shares of their sum; this bound keeps the sum finite.
MAX_WEIGHT = 1e6


@dataclass(frozen=True)
class Field:
    """One scenario parameter.

    Attributes
    ----------
    section, key
        Where it lives in the TOML file (``[section] key = ...``).
    type
        ``float``, ``int``, ``bool`` or ``str``.
    default
        Value used when the file does not set it.
    lo, hi
        Inclusive bounds for numbers (``None``: unbounded on that side).
    label
        Short human label for controls.
    doc
        One or two sentences: what it means, in plain words.
    rebuild
        True when a change needs a new population or network (applies on reset);
        False when the running simulation can take it from the next step.
    choices
        Allowed values for strings with a fixed vocabulary.
    step
        A sensible increment for a slider or spin box.
    special
        What a control shows for the lowest value when it means something else (its
        meaning is in ``doc``), e.g. "auto".
    """

    section: str
    key: str
    type: type
    default: Any
    lo: float | None = None
    hi: float | None = None
    label: str = ""
    doc: str = ""
    rebuild: bool = False
    choices: tuple[str, ...] | None = None
    step: float | None = None
    special: str | None = None

    @property
    def name(self) -> str:
        """Dotted name, ``section.key``."""
        return f"{self.section}.{self.key}"


def _f(section, key, type_, default, lo=None, hi=None, label="", doc="", rebuild=False,
       choices=None, step=None, special=None) -> Field:
    return Field(section, key, type_, default, lo, hi, label, doc, rebuild, choices, step,
                 special)


FIELDS: tuple[Field, ...] = (
    # [about]
    _f("about", "name", str, "Untitled", label="Name", doc="Short name shown in the window title."),
    _f("about", "description", str, "", label="Description",
       doc="What this scenario shows, in a sentence or two."),
    # [run]
    _f("run", "steps", int, 120, 0, 1_000_000, "Steps", "Number of steps (months) to run.", step=10),
    _f("run", "seed", int, 1, 0, 2**63 - 1, "Seed",
       "Random seed: the same scenario and seed give the same run, bit for bit.", rebuild=True),
    _f("run", "louvain_every", int, 0, 0, 1_000_000, "Louvain every k steps",
       "Communities are re-detected every k steps; between detections the last partition "
       "is reused to compute modularity and stratification. 0 (auto): every step up to "
       "1,000 people, else every n / 100 steps (50 at 5,000 people).",
       step=1, special="auto"),
    _f("run", "communities", str, "auto", label="Community detection",
       doc="auto (Louvain below 50,000 people, Leiden from there: see docs/model.md), "
           "louvain (as MODEL.md asks) or leiden: much faster on large graphs without "
           "clear communities.", choices=("auto", "louvain", "leiden")),
    # [population]
    _f("population", "size", int, 500, 2, 5_000_000, "People",
       "Number of people (ignored for karate and file networks, whose size is the graph's).",
       rebuild=True, step=100),
    _f("population", "wealth_sigma", float, 1.0, 0.0, 10.0, "Wealth inequality (sigma)",
       "Sigma of the log-normal wealth draw: larger means spending is driven more by wealth "
       "and less by chance.", rebuild=True, step=0.1),
    _f("population", "rho", float, 0.5, -1.0, 1.0, "Wealth-reliability correlation",
       "Correlation between wealth and the propensity to pay on time.", rebuild=True, step=0.05),
    _f("population", "groups", int, 2, 1, 1000, "Groups",
       "Number of groups (neighbourhoods or classes) when the graph does not give them.",
       rebuild=True, step=1),
    _f("population", "group_gap", float, 0.5, 0.0, 5.0, "Group gap in stability",
       "Difference in mean latent stability (standard deviations) between the best-off and "
       "worst-off group.", rebuild=True, step=0.1),
    _f("population", "optout_share", float, 0.1, 0.0, 1.0, "Opt-out share",
       "Share of people who do not take part and have no data (at the start, when opting "
       "out is a choice).", rebuild=True, step=0.01),
    _f("population", "minority_share", float, 0.0, 0.0, 0.95, "Minority share",
       "0: groups of equal size; otherwise the last group (the worst off) has this share of "
       "the people, in generated networks and the SBM.", rebuild=True, step=0.05),
    # [network]
    _f("network", "kind", str, "watts_strogatz", label="Network kind",
       doc="watts_strogatz, barabasi_albert, sbm (groups with homophily), karate, or file.",
       rebuild=True, choices=NETWORK_KINDS),
    _f("network", "path", str, "", label="Graph file",
       doc="GraphML, GEXF, GML, Pajek, edge or adjacency list, or a .scorenet bundle; relative "
           "paths are read from the scenario's folder.",
       rebuild=True),
    _f("network", "sha256", str, "", label="Graph file SHA-256",
       doc="Fingerprint of the graph file when the scenario was saved; loading against a "
           "changed file says so. Empty: not checked.", rebuild=True),
    _f("network", "mean_degree", float, 8.0, 1.0, 10_000.0, "Mean degree",
       "Average number of friends in a generated network.", rebuild=True, step=1.0),
    _f("network", "rewire_p", float, 0.1, 0.0, 1.0, "Small-world rewiring",
       "Watts-Strogatz rewiring probability.", rebuild=True, step=0.01),
    _f("network", "homophily", float, 0.8, 0.0, 1.0, "Homophily",
       "SBM: share of a person's expected ties that fall inside their own group.",
       rebuild=True, step=0.05),
    # [rubric]
    _f("rubric", "history", float, 0.35, 0.0, MAX_WEIGHT, "Credit history",
       "Weight of the payment record, 1 / (1 + missed).", step=0.01),
    _f("rubric", "capacity", float, 0.20, 0.0, MAX_WEIGHT, "Fulfilment capacity",
       "Weight of wealth (percentile).", step=0.01),
    _f("rubric", "identity", float, 0.15, 0.0, MAX_WEIGHT, "Personal characteristics",
       "Weight of stability (identity, education, housing).", step=0.01),
    _f("rubric", "behaviour", float, 0.25, 0.0, MAX_WEIGHT, "Behaviour and preferences",
       "Weight of platform spending (percentile among participants).", step=0.01),
    _f("rubric", "social", float, 0.05, 0.0, MAX_WEIGHT, "Interpersonal relationships",
       "Weight of the friends' mean score from the previous step.", step=0.01),
    _f("rubric", "violation_points", float, 10.0, 0.0, 600.0, "Points per violation",
       "Points subtracted per (decayed) violation.", step=1.0),
    _f("rubric", "isolation_value", float, 0.0, 0.0, 1.0, "Social value when friendless",
       "The social component of a person with no friends (0 punishes isolation, 0.5 is neutral).",
       step=0.05),
    _f("rubric", "optout_imputation", str, "mean", label="Missing data of those who opted out",
       doc="mean: each component but social is the participants' mean that month (neutral); "
           "fixed: it is optout_value.", choices=("mean", "fixed")),
    _f("rubric", "optout_value", float, 0.5, 0.0, 1.0, "Fixed value for those who opted out",
       "With optout_imputation = fixed, replaces every non-social component of people who "
       "opted out (0 punitive; 0.5 is not neutral, the participants' mean history is lower).",
       step=0.05),
    # [optout]
    _f("optout", "choice", bool, False, label="Opting out is a choice",
       doc="Each month some people compare their score in and out and switch when it pays."),
    _f("optout", "review_rate", float, 0.05, 0.0, 1.0, "Opt-out review rate",
       "Share of people who reconsider taking part each month.", step=0.01),
    _f("optout", "switch_margin", float, 10.0, 0.0, 600.0, "Switch margin",
       "Points a switch in or out must gain before a person bothers.", step=1.0),
    # [events]
    _f("events", "enabled", bool, True, label="Life events",
       doc="Payments, scams, violations and spending change each month; off freezes them."),
    _f("events", "base_miss_rate", float, 0.015, 0.0, 1.0, "Monthly miss rate",
       "Chance that a person of average reliability misses a bill in a month.", step=0.01),
    _f("events", "forgiveness_half_life", float, 24.0, 0.0, INF, "Forgiveness half-life",
       "Months for a missed payment or a violation to count half as much (inf: never forgotten).",
       step=1.0),
    _f("events", "scam_rate", float, 0.002, 0.0, 1.0, "Scam rate",
       "Monthly chance of becoming a scam victim through no fault of one's own.", step=0.001),
    _f("events", "scam_duration", int, 6, 0, 10_000, "Scam duration",
       "Months a victim misses every payment.", step=1),
    _f("events", "scam_relief", str, "none", label="Scam relief",
       doc="none: a scam's misses stay on the record; verified: they are removed "
           "relief_delay months after the scam began (victims are believed).",
       choices=("none", "verified")),
    _f("events", "relief_delay", int, 3, 0, 10_000, "Relief delay",
       "Months from the start of a scam until a verified victim's record is cleaned.", step=1),
    _f("events", "violation_rate", float, 0.02, 0.0, 100.0, "Violation rate",
       "Mean violations (traffic and the like) per person per month.", step=0.01),
    _f("events", "prior_months", int, 120, 0, 1200, "Months of record before the start",
       "People start with this many months of ordinary payment and violation history "
       "(0: everyone starts with a clean record).", rebuild=True, step=1),
    _f("events", "spend_noise", float, 0.5, 0.0, 10.0, "Spending noise",
       "Sigma of the monthly log-normal noise on spending.", step=0.05),
    # [perks]
    _f("perks", "enabled", bool, True, label="Perks and restrictions",
       doc="Privileged people get perks, restricted people lose access."),
    _f("perks", "privileged_at", float, 700.0, 350.0, 950.0, "Privileged at",
       "Score at or above which people get perks.", step=10.0),
    _f("perks", "restricted_below", float, 550.0, 350.0, 950.0, "Restricted below",
       "Score below which people are restricted.", step=10.0),
    _f("perks", "perk_miss_factor", float, 0.5, 0.0, 100.0, "Perk effect on misses",
       "Miss probability multiplier for privileged people (loans smooth a bad month).",
       step=0.05),
    _f("perks", "restriction_miss_factor", float, 2.0, 0.0, 100.0, "Restriction effect on misses",
       "Miss probability multiplier for restricted people (no loans).", step=0.05),
    _f("perks", "perk_spend_factor", float, 1.5, 0.0, 100.0, "Perk effect on spending",
       "Spending multiplier for privileged people.", step=0.05),
    _f("perks", "restricted_spend_cap", float, 0.5, 0.0, 1000.0, "Spending cap when restricted",
       "Restricted people spend at most this multiple of the median person's wealth.",
       step=0.05),
    # [sharing]
    _f("sharing", "share_with_friends", bool, True, label="Share scores with friends",
       doc="Friends see each other's scores and may drop low scorers."),
    _f("sharing", "rewire_rate", float, 0.2, 0.0, 1.0, "Review rate",
       "Share of people who review one of their ties each month.", step=0.01),
    _f("sharing", "tolerance", float, 1.0, 0.0, 600.0, "Tolerance (points gained)",
       "Points a drop (or a refusal) must gain a person's own score before it counts.",
       step=0.25),
    _f("sharing", "status_seeking", float, 0.0, 0.0, 10.0, "Status seeking",
       "Care for friends' scores beyond the score's own incentive: added to the social "
       "weight's share when people weigh what a friend costs them.", step=0.05),
    _f("sharing", "sensitivity", float, 0.5, 0.0, 1000.0, "Drop sensitivity",
       "How fast the drop chance grows per point gained beyond tolerance.", step=0.1),
    _f("sharing", "homophilous_search", float, 0.0, 0.0, 1.0, "Homophilous search",
       "Share of new-friend asks aimed at someone with a similar score (Holme-Newman).",
       step=0.05),
    _f("sharing", "triadic_closure", float, 0.7, 0.0, 1.0, "Triadic closure",
       "Chance that a new friend is sought among friends of friends rather than at random.",
       step=0.05),
    _f("sharing", "churn", float, 0.01, 0.0, 1.0, "Random churn",
       "Share of people who replace a random tie each month, with no regard to score.",
       step=0.005),
    _f("sharing", "ask_limit", int, 8, 1, 1000, "Asks per drop",
       "How many people someone who dropped a tie asks, at most, before giving up that month.",
       step=1),
    # [dating]
    _f("dating", "enabled", bool, True, label="Dating app", doc="People use a dating app."),
    _f("dating", "activity", float, 0.1, 0.0, 1.0, "Dating activity",
       "Share of people who use the app each month.", step=0.01),
    _f("dating", "feed_size", int, 10, 0, 1_000, "Feed size",
       "Candidates each user is shown per month.", step=1),
    _f("dating", "exposure_bias", float, 1.0, 0.0, 20.0, "Exposure bias",
       "0 shows everyone equally; higher shows high scorers more.", step=0.1),
    _f("dating", "display_scores", bool, True, label="Show scores on profiles",
       doc="Users see candidates' scores and aim up."),
    _f("dating", "selectivity", float, 100.0, -600.0, 600.0, "Selectivity",
       "Scores shown: half of the like rate goes to a candidate this many points below the "
       "user's own score; the chance rises smoothly above it and falls below.", step=5.0),
    _f("dating", "like_width", float, 50.0, 1.0, 600.0, "Like-back width",
       "Points over which the like chance goes from 27% to 73% of the like rate (the "
       "logistic's scale): larger is a gentler slope.", step=5.0),
    _f("dating", "like_rate", float, 0.5, 0.0, 1.0, "Like rate",
       "Highest chance of liking a candidate (with scores hidden, the chance for anyone).",
       step=0.05),
    _f("dating", "date_duration", int, 6, 0, 10_000, "Date duration",
       "Months a dating tie lasts; while it does it counts as a friendship in the score.",
       step=1),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

#: Section names in file order.
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(f.section for f in FIELDS))


#: ``run.louvain_every = 0`` (auto) detects communities every step up to this many people.
LOUVAIN_EVERY_STEP_UP_TO = 1_000


def louvain_every(n: int, setting: int) -> int:
    """Steps between two community detections for ``n`` people and ``run.louvain_every``.

    A setting of 1 or more is used as it is. 0 ("auto", the default) chooses by size:
    every step up to :data:`LOUVAIN_EVERY_STEP_UP_TO` people, else every ``n / 100``
    steps (rounded up), so that Louvain stays a small share of a step where it grows
    faster than the rest of the step (0.1-0.4 s at 5,000 people on a Barabasi-Albert
    graph against 20-30 ms for the rest of a step and the living layout; 10-25 s at
    100,000). Depends on nothing but ``n`` and the setting, so the app, the CLI and
    sweeps detect at the same steps.

    Examples
    --------
    >>> [louvain_every(n, 0) for n in (34, 500, 1000, 1001, 4039, 5000, 100_000)]
    [1, 1, 1, 11, 41, 50, 1000]
    >>> louvain_every(5000, 1), louvain_every(500, 7)
    (1, 7)
    """
    if setting >= 1:
        return int(setting)
    if n <= LOUVAIN_EVERY_STEP_UP_TO:
        return 1
    return -(-int(n) // 100)
