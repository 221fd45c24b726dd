"""The ScoreNet simulation: people on a graph, scored by a rubric, month after month.

:class:`Simulation` is built from a :class:`~models.scenario.Scenario`. Each
:meth:`Simulation.step` is one month, in this order (see ``docs/model.md``):

1. life events: scams start, bills are paid or missed, violations arrive, records decay
   (and verified scam relief cleans them), spending is drawn (perks and restrictions act
   here);
2. friendships: random churn, then, with friend sharing on, score-driven review;
3. the dating app: old dates end, new mutual likes become dates;
4. with opting out a choice, some people compare their score in and out and switch;
5. scores: every component is recomputed; ``social`` averages last month's scores over
   friends and current dates (synchronous update);
6. status (restricted / normal / privileged) follows the new scores;
7. the metrics of MODEL.md section 6 are recorded (:mod:`models.recording`).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from . import measures as M
from .dating import DatingState, dating_round
from .errors import ScenarioError
from .events import decay_factor, live_month, prior_record, spending, status_of, zero_where
from .graph import GraphData, in_sorted, sorted_unique
from .history import NODE_COLUMNS, History, table_rows, write_csv
from .networks import build_network
from .optout import switch_choices
from .population import draw_population
from .recording import MOBILITY_LAG, STATUS_NAMES, past_score_auc, person_table, step_metrics
from .scenario import Scenario
from .schema import FIELD_BY_NAME, louvain_every
from .score import KeptComponents, base_mean, combine, normalised_weights, social_component
from .ties import EdgeSet, GainRule, review_ties

__all__ = ["Simulation", "STATUS_NAMES"]

#: Seed of the community detection, fixed so that partitions are reproducible.
LOUVAIN_SEED = 0

#: Keep every step's scores (for per-person plots) up to this many people.
KEEP_SCORES_UP_TO = 20_000

# Independent random streams, so that switching one mechanism off leaves the draws of
# the others unchanged (common random numbers make scenario comparisons sharper).
_STREAMS = ("network", "population", "events", "ties", "dating", "record", "optout")


class Simulation:
    """A running ScoreNet model.

    Parameters
    ----------
    scenario
        Every parameter. Change values later with :meth:`set_params`.
    graph
        Use this graph instead of building the scenario's network.

    Attributes
    ----------
    ties_version
        0 after a build; one more after every step whose :meth:`EdgeSet.update
        <models.ties.EdgeSet.update>` changed the friendships, so that a caller holding a
        copy of the ties knows when it is stale without comparing them.

    Examples
    --------
    >>> from models import load_scenario
    >>> sim = Simulation(load_scenario("karate"))
    >>> sim.run(3)
    >>> sim.step_count, len(sim.history["mean_score"])
    (3, 4)
    """

    def __init__(self, scenario: Scenario, *, graph: GraphData | None = None) -> None:
        self._scenario = scenario
        self._applied = scenario
        self._given_graph = graph
        self._graph: GraphData | None = None
        self._graph_key: tuple | None = None
        self._build()

    # ------------------------------------------------------------------ building
    def _network_key(self, sc: Scenario) -> tuple:
        names = [n for n, f in FIELD_BY_NAME.items() if f.section == "network"]
        return (sc["run.seed"], sc["population.size"], *(sc[n] for n in names))

    def _build(self) -> None:
        sc = self._scenario
        streams = np.random.SeedSequence(sc["run.seed"]).spawn(len(_STREAMS))
        self._rng = {name: np.random.default_rng(s) for name, s in zip(_STREAMS, streams)}
        key = self._network_key(sc)
        if self._given_graph is not None:
            self._graph = _checked_graph(self._given_graph)
        elif self._graph is None or key != self._graph_key:
            self._graph = build_network(sc, self._rng["network"])
            self._graph_key = key
        g = self._graph
        if g.n < 2:
            raise ScenarioError(sc.source, "network", f"the graph has {g.n} node(s); need 2 or more")
        n = g.n
        self.n = n
        self.pop = draw_population(
            n, wealth_sigma=sc["population.wealth_sigma"], rho=sc["population.rho"],
            groups=sc["population.groups"], group_gap=sc["population.group_gap"],
            optout_share=sc["population.optout_share"], rng=self._rng["population"],
            given_groups=g.groups, minority_share=sc["population.minority_share"])
        self.friends = EdgeSet.from_edges(g.edges, n)
        self.ties_version = 0   # counts the steps whose EdgeSet.update changed the ties
        self.dating = DatingState(n)
        self.missed, self.violations = prior_record(
            self.pop.reliability, months=sc["events.prior_months"],
            base_miss_rate=sc["events.base_miss_rate"],
            violation_rate=sc["events.violation_rate"],
            decay=decay_factor(sc["events.forgiveness_half_life"]), rng=self._rng["record"])
        self.scam_left = np.zeros(n, dtype=np.int64)
        self.ever_scammed = np.zeros(n, dtype=bool)
        # Verified relief needs the start of each current scam and the misses it caused.
        self.scam_start = np.full(n, -1, dtype=np.int64)
        self.scam_debt = np.zeros(n)
        self.scammed_now = np.zeros(n, dtype=bool)   # a scam made this month's payments fail
        self.status = np.zeros(n, dtype=np.int8)
        #: score_auc of the current step (NaN at step 0 and with events off).
        self.last_auc = math.nan
        noise = sc["events.spend_noise"] * self._rng["population"].standard_normal(n)
        # What each person would spend on the platform; those who opted out spend nothing.
        self.potential_spend = spending(self.pop.amount, noise, self.status,
                                        np.zeros(n, dtype=bool), perks_on=False,
                                        perk_spend_factor=1.0, restricted_spend_cap=math.inf)
        self.consumption = np.where(self.pop.opted_out, 0.0, self.potential_spend)
        self.step_count = 0
        self._applied = sc
        wn = normalised_weights(sc.weights)
        self._kept_components = KeptComponents()   # a new population: nothing kept
        comps = self._base_components()
        b = base_mean(comps, wn)
        comps["social"] = b  # MODEL.md: before any score is known, social is one's own b
        self.components = comps
        self.scores = combine(comps, wn, self.violations, sc["rubric.violation_points"])
        self.status = status_of(self.scores, sc["perks.privileged_at"], sc["perks.restricted_below"])
        self._past_scores: list[np.ndarray] = []
        self._score_log: list[np.ndarray] | None = [] if n <= KEEP_SCORES_UP_TO else None
        self._communities: np.ndarray | None = None
        self._communities_step = -1
        self.history = History()
        self._record()

    def _base_components(self) -> dict[str, np.ndarray]:
        return self._kept_components(
            missed=self.missed, wealth=self.pop.wealth, stability=self.pop.stability,
            consumption=self.consumption, opted_out=self.pop.opted_out,
            optout_value=self._applied["rubric.optout_value"],
            imputation=self._applied["rubric.optout_imputation"])

    # ------------------------------------------------------------------ public API
    @property
    def scenario(self) -> Scenario:
        """The current scenario, including changes not yet applied (see :meth:`pending`)."""
        return self._scenario

    @property
    def applied(self) -> Scenario:
        """The scenario the running model uses now: :attr:`scenario` minus the changes
        that wait for :meth:`reset`."""
        return self._applied

    @property
    def graph(self) -> GraphData:
        """The graph the simulation started from (ids, initial ties, groups)."""
        assert self._graph is not None
        return self._graph

    @property
    def ids(self) -> np.ndarray:
        """Person ids as given by the network source."""
        return self.graph.ids

    def pending(self) -> list[str]:
        """Names of changed parameters that apply only on :meth:`reset`."""
        return [name for name in self._scenario
                if FIELD_BY_NAME[name].rebuild and self._scenario[name] != self._applied[name]]

    def set_params(self, changes: Mapping[str, Any]) -> list[str]:
        """Change parameters; behaviour and rubric changes apply from the next step.

        Returns the names of parameters that need a new population or network and so
        wait for :meth:`reset`.

        Raises
        ------
        ScenarioError
            On an unknown name or a bad value; nothing changes then.
        """
        self._scenario = self._scenario.replace(changes)
        live = {n: v for n, v in self._scenario.items() if not FIELD_BY_NAME[n].rebuild}
        before, self._applied = self._applied, self._applied.replace(live)
        self.history.note_changes(self.step_count + 1, before, self._applied)
        return self.pending()

    def reset(self, seed: int | None = None) -> None:
        """Start again at step 0 from the current scenario (optionally with a new seed).

        The graph is rebuilt only when the seed, size or network parameters changed.
        """
        if seed is not None:
            self._scenario = self._scenario.replace({"run.seed": seed})
        self._build()

    def scam(self, person: int) -> None:
        """Make person ``person`` (an index) a scam victim from the next step on."""
        person = self._check_person(person)
        duration = int(self._applied["events.scam_duration"])
        if duration <= 0:
            return
        if self.scam_left[person] == 0:
            if self.scam_start[person] < 0:
                self.scam_debt[person] = 0.0
            self.scam_start[person] = self.step_count + 1
        self.scam_left[person] = max(int(self.scam_left[person]), duration)
        self.ever_scammed[person] = True

    def _check_person(self, person) -> int:
        if isinstance(person, (bool, np.bool_)):
            raise TypeError("a person is an integer index, not a boolean")
        person = operator.index(person)   # TypeError for 1.5, "3", None
        if not 0 <= person < self.n:
            raise IndexError(f"person index {person} out of range 0..{self.n - 1}")
        return person

    def index_of(self, person_id: Any) -> int:
        """The index of the person with id ``person_id`` (as given by the graph)."""
        hits = np.flatnonzero(self.ids == person_id)
        if hits.size == 0:
            hits = np.flatnonzero(np.array([str(x) for x in self.ids]) == str(person_id))
        if hits.size == 0:
            raise KeyError(person_id)
        return int(hits[0])

    def run(self, steps: int | None = None, *, progress: Callable[[int, int], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> None:
        """Run ``steps`` steps (default: the scenario's ``run.steps``).

        ``progress(done, total)`` is called after each step; ``should_stop()`` is checked
        before each step and ends the run early when it returns True.
        """
        total = self._scenario["run.steps"] if steps is None else operator.index(steps)
        if total < 0:
            raise ValueError(f"steps must be >= 0, got {total}")
        for done in range(total):
            if should_stop is not None and should_stop():
                return
            self.step()
            if progress is not None:
                progress(done + 1, total)

    def step(self) -> None:
        """Advance one month."""
        sc = self._applied
        self.step_count += 1
        t = self.step_count
        # Without life events no scam acts this month (the events phase sets both).
        self.last_auc, self.scammed_now = math.nan, np.zeros(self.n, dtype=bool)
        if sc["events.enabled"]:
            self._events(sc)
        self._ties(sc)
        if sc["dating.enabled"]:
            dating_round(
                self.dating, self.scores, t, activity=sc["dating.activity"],
                feed_size=sc["dating.feed_size"], exposure_bias=sc["dating.exposure_bias"],
                display_scores=sc["dating.display_scores"], selectivity=sc["dating.selectivity"],
                like_width=sc["dating.like_width"], like_rate=sc["dating.like_rate"],
                date_duration=sc["dating.date_duration"], rng=self._rng["dating"])
        else:
            self.dating.expire(t)
            self.dating.aim_up = math.nan
        self._score(sc)
        self._record()

    # ------------------------------------------------------------------ mechanisms
    def _events(self, sc: Scenario) -> None:
        missed_now = live_month(self, sc, self._rng["events"])
        # The score's claim, tested: last month's score against this month's misses.
        part = ~self.pop.opted_out
        self.last_auc = past_score_auc(self, part, missed_now)

    def _ties(self, sc: Scenario) -> None:
        rng = self._rng["ties"]
        triadic = sc["sharing.triadic_closure"]
        rounds = []
        if sc["sharing.churn"] > 0:
            rounds.append(review_ties(self.friends, self.scores, share=sc["sharing.churn"],
                                      rng=rng, triadic_closure=triadic,
                                      ask_limit=sc["sharing.ask_limit"]))
        if sc["sharing.share_with_friends"] and sc["sharing.rewire_rate"] > 0:
            rule = GainRule(
                weight=normalised_weights(sc.weights)["social"] + sc["sharing.status_seeking"],
                tolerance=sc["sharing.tolerance"], sensitivity=sc["sharing.sensitivity"],
                alone=350.0 + 600.0 * sc["rubric.isolation_value"])
            rounds.append(review_ties(self.friends, self.scores,
                                      share=sc["sharing.rewire_rate"], rng=rng,
                                      triadic_closure=triadic,
                                      homophilous_search=sc["sharing.homophilous_search"],
                                      rule=rule, ask_limit=sc["sharing.ask_limit"]))
        if not rounds:
            return
        remove = sorted_unique(np.concatenate([r for r, _ in rounds]))
        add = np.concatenate([a for _, a in rounds])
        # A tie dropped this month is not re-formed in the same month.
        add = add[~in_sorted(add, remove)]
        if self.friends.update(remove, add):
            self.ties_version += 1

    def _score(self, sc: Scenario) -> None:
        wn = normalised_weights(sc.weights)
        adj = self.friends.adjacency()
        if self.dating.keys.size:
            # Dates count as friends while they last; a date who is a friend counts once.
            adj = adj.plus(self.dating.keys[~self.friends.contains(self.dating.keys)])
        social = social_component(adj, adj.degree, self.scores, sc["rubric.isolation_value"])
        if sc["optout.choice"] and sc["optout.review_rate"] > 0:
            reviewing = self._rng["optout"].random(self.n) < sc["optout.review_rate"]
            self.pop.opted_out[:] = switch_choices(
                reviewing=reviewing, opted_out=self.pop.opted_out, missed=self.missed,
                wealth=self.pop.wealth, stability=self.pop.stability,
                potential_spend=self.potential_spend, social=social,
                violations=self.violations, wn=wn,
                violation_points=sc["rubric.violation_points"],
                imputation=sc["rubric.optout_imputation"],
                optout_value=sc["rubric.optout_value"], margin=sc["optout.switch_margin"])
            self.consumption = zero_where(self.pop.opted_out, self.potential_spend)
        comps = self._base_components()
        comps["social"] = social
        self.components = comps
        self.scores = combine(comps, wn, self.violations, sc["rubric.violation_points"])
        self.status = status_of(self.scores, sc["perks.privileged_at"], sc["perks.restricted_below"])

    # ------------------------------------------------------------------ measuring
    def communities(self) -> np.ndarray:
        """Louvain community of every person, every k steps (:func:`.schema.louvain_every`)."""
        every = louvain_every(self.n, self._applied["run.louvain_every"])
        stale = self._communities is None or (
            self.step_count != self._communities_step and self.step_count % every == 0)
        if stale:
            method = M.community_method(self._applied["run.communities"], self.n)
            self._communities = M.louvain(self.n, self.friends.edges(), LOUVAIN_SEED, method)
            self._communities_step = self.step_count
        assert self._communities is not None
        return self._communities

    def degree(self) -> np.ndarray:
        """Number of friends of every person (dating ties not counted)."""
        return self.friends.degree()

    def metrics(self) -> dict[str, float]:
        """The metrics of MODEL.md section 6 for the current state."""
        return step_metrics(self)

    def scores_back(self) -> np.ndarray | None:
        """The scores of ``MOBILITY_LAG`` steps ago (None before that step exists)."""
        return self._past_scores[0] if len(self._past_scores) == MOBILITY_LAG else None

    def _record(self) -> None:
        self.history.append(self.metrics())
        self._past_scores.append(self.scores.copy())
        if len(self._past_scores) > MOBILITY_LAG:
            self._past_scores.pop(0)
        if self._score_log is not None:
            self._score_log.append(self.scores.astype(np.float32))

    def score_history(self, person: int) -> np.ndarray:
        """Scores of person ``person`` (index) at steps 0..now (float32).

        Kept for graphs up to ``KEEP_SCORES_UP_TO`` people; raises RuntimeError beyond.
        """
        if self._score_log is None:
            raise RuntimeError("per-person score history is not kept for graphs this large")
        person = self._check_person(person)
        return np.array([row[person] for row in self._score_log], dtype=np.float32)

    def person_table(self) -> dict[str, np.ndarray]:
        """Per-person columns (MODEL.md section 6), in the order of ``NODE_COLUMNS``."""
        return person_table(self)

    def to_networkx(self, dating: bool = False):
        """The current network as networkx, with the per-person table on the nodes.

        Node keys are the ids as given; node attributes are the columns of
        :meth:`person_table`. ``dating=False``: an ``nx.Graph`` of friendships.
        ``dating=True``: an ``nx.MultiGraph`` with friendships and current dates, edge
        keys and ``kind`` ``"friend"`` or ``"date"`` (as ``scorenet run --graph-out``
        writes them).

        Examples
        --------
        >>> from models import load_scenario
        >>> sim = Simulation(load_scenario("karate"))
        >>> g = sim.to_networkx()
        >>> g.number_of_nodes(), g.number_of_edges() == sim.friends.m
        (34, True)
        """
        from .io.network_out import to_networkx

        return to_networkx(self, dating)

    def write_nodes_csv(self, path) -> None:
        """Write the current per-person table to ``path``."""
        write_csv(path, NODE_COLUMNS, table_rows(self.person_table()))


def _checked_graph(g: GraphData) -> GraphData:
    """A graph handed in by a caller, refused unless its edges are canonical (int, in
    range, ``u < v``, sorted and unique, as every reader and builder makes them): the
    tie arrays are searched and spliced on that promise."""
    e = np.asarray(g.edges)
    problem = None
    if e.ndim != 2 or e.shape[1] != 2 or e.dtype.kind not in "iu":
        problem = f"must be an (m, 2) integer array, got {e.dtype} of shape {e.shape}"
    elif e.size and (e.min() < 0 or e.max() >= g.n):
        problem = f"must index the {g.n} people 0..{g.n - 1}"
    elif e.size and not (e[:, 0] < e[:, 1]).all():
        problem = "must have u < v in every row (no self-loops, each tie once)"
    elif e.shape[0] > 1:
        keys = e[:, 0].astype(np.int64) * g.n + e[:, 1]
        if not (keys[1:] > keys[:-1]).all():
            problem = "must be sorted and unique (as numpy.unique of the rows gives them)"
    if problem is not None:
        raise ValueError(f"GraphData.edges {problem}; models.graph.canonical_edges makes "
                         "them so")
    return g
