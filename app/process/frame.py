"""What the controller sends to every view: immutable snapshots of the simulation.

The views never touch the live :class:`~models.simulation.Simulation`, which runs in a
worker thread: every array here is a copy made in the worker (or an array the worker
never mutates again), so a view may keep a frame as long as it likes.

A :class:`Static` is sent when the simulation is (re)built and holds what does not
change during a run; a :class:`Frame` is sent after every step.

Over the pipe from the model process a step's frame carries only what changed
(:mod:`app.process.assembly`): the ties as a :class:`TiesDelta` or :data:`SAME`, the
scenario only when it changed, the history as its one new row. The controller's worker
turns it back into a whole :class:`Frame` before any view sees it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.scenario import Scenario

__all__ = ["Frame", "Static", "frame_from_simulation", "static_from_simulation",
           "graph_key_of", "opted_out_of", "SAME"]


class _Same:
    """Marks "unchanged since the previous frame" in a frame sent over the pipe."""

    def __reduce__(self):
        return (_same, ())

    def __repr__(self) -> str:
        return "SAME"


def _same():
    return SAME


#: Stands for a field that did not change since the previous frame (one object per
#: process: it unpickles to itself, so ``x is SAME`` works on both sides of the pipe).
SAME = _Same()


@dataclass(frozen=True)
class Frame:
    """The state of the simulation after one step.

    Attributes
    ----------
    step
        Step number (month), 0 after a build or reset.
    scores
        float64 ``(n,)`` scores in ``models.score.SCORE_MIN``..``SCORE_MAX``.
    status
        int8 ``(n,)``: -1 restricted, 0 normal, 1 privileged.
    components
        The five rubric components (``history``, ``capacity``, ``identity``,
        ``behaviour``, ``social``), each float ``(n,)`` in [0, 1].
    weights
        Normalised rubric weights (summing to 1) applied at this step.
    degree
        int ``(n,)`` number of friends (dating ties not counted).
    friend_edges
        ``(m, 2)`` int64 canonical friendship ties, current.
    edges_changed
        True when ``friend_edges`` differ from the previous frame's (always True for the
        first frame after a build): the simulation's ``ties_version`` moved.
    dating_edges
        ``(k, 2)`` int64 current dating ties.
    violations
        float ``(n,)`` decayed violation counts, which the score subtracts
        (``rubric.violation_points`` points each).
    history
        Every metric column (``models.history.METRIC_COLUMNS``) for steps 0..step, as
        read-only arrays (over the pipe: only the rows that are new).
    scenario
        The scenario applied at this step (changes waiting for Reset are not in it).
    positions
        float32 ``(n, 2)`` positions of the living layout after this step, or None when
        the layout did not move (frozen, or not laid out yet).
    scammed, was_scammed
        bool ``(n,)``: a scam made this month's payments fail; ever scammed so far
        (None in frames made by hand).
    live
        False for a past month shown again from the timeline (see
        :mod:`app.process.past`).
    opted_out
        bool ``(n,)``: who opted out this month (with ``optout.choice`` people switch
        during a run; :attr:`Static.opted_out` is only the first month's). Over the pipe
        :data:`SAME` when unchanged. None in frames made by hand: read it with
        :func:`opted_out_of`.
    kept_from
        The earliest month the timeline still keeps (the memory cap drops older ones).
    """

    step: int
    scores: np.ndarray
    status: np.ndarray
    components: dict[str, np.ndarray]
    weights: dict[str, float]
    degree: np.ndarray
    friend_edges: np.ndarray
    edges_changed: bool
    dating_edges: np.ndarray
    violations: np.ndarray
    history: dict[str, np.ndarray]
    scenario: Scenario
    positions: np.ndarray | None = None
    scammed: np.ndarray | None = None
    was_scammed: np.ndarray | None = None
    live: bool = True
    opted_out: np.ndarray | None = None
    kept_from: int = 0

    @property
    def n(self) -> int:
        """Number of people."""
        return int(self.scores.shape[0])

    @property
    def thresholds(self) -> tuple[float, float]:
        """The scores below which people are restricted and from which privileged."""
        return (float(self.scenario["perks.restricted_below"]),
                float(self.scenario["perks.privileged_at"]))


@dataclass(frozen=True)
class Static:
    """What does not change during a run; sent on every (re)build.

    Attributes
    ----------
    ids
        Person ids as given by the network source (ints or strings).
    group
        int ``(n,)`` group code per person, indexing ``group_labels``.
    group_labels
        Label of each group code.
    opted_out
        bool ``(n,)``: True for people who do not take part, in the first month (the
        views read :attr:`Frame.opted_out`, which follows the switches).
    n
        Number of people.
    graph_key
        Equal keys mean the same initial graph, so a layout computed for one can be
        reused for the other.
    """

    ids: np.ndarray
    group: np.ndarray
    group_labels: list
    opted_out: np.ndarray
    n: int
    graph_key: object


def opted_out_of(frame: Frame, static: Static) -> np.ndarray:
    """Who opted out in ``frame``'s month: the frame's own, else (a frame made by hand
    without it) the first month's from ``static``."""
    out = frame.opted_out if frame.opted_out is not None else static.opted_out
    return np.asarray(out, dtype=bool)


def graph_key_of(sim) -> tuple:
    """A key equal for equal initial graphs: node count and a digest of the ties."""
    import hashlib

    edges = np.ascontiguousarray(sim.graph.edges, dtype=np.int64)
    digest = hashlib.blake2b(edges.tobytes(), digest_size=16).hexdigest()
    return (int(sim.n), int(edges.shape[0]), digest)


def static_from_simulation(sim, graph_key: object = None) -> Static:
    """The :class:`Static` of a freshly built simulation (copies)."""
    return Static(ids=np.array(sim.ids, copy=True), group=np.array(sim.pop.group, copy=True),
                  group_labels=list(sim.pop.group_labels),
                  opted_out=np.array(sim.pop.opted_out, dtype=bool, copy=True), n=int(sim.n),
                  graph_key=graph_key_of(sim) if graph_key is None else graph_key)


def frame_from_simulation(sim, *, edges_changed: bool, friend_edges: np.ndarray | None = None,
                          history: dict[str, np.ndarray] | None = None) -> Frame:
    """A :class:`Frame` of the simulation's current state (copies).

    ``friend_edges`` and ``history`` may be passed when the caller already holds fresh
    copies (the controller's worker keeps the history incrementally).
    """
    from models.history import METRIC_COLUMNS
    from models.score import normalised_weights

    scenario = sim.applied
    if history is None:
        history = {c: np.array(sim.history[c], dtype=float) for c in METRIC_COLUMNS}
    return Frame(
        step=int(sim.step_count), scores=np.array(sim.scores, dtype=np.float64, copy=True),
        status=np.array(sim.status, dtype=np.int8, copy=True),
        components={k: np.array(v, copy=True) for k, v in sim.components.items()},
        weights=normalised_weights(scenario.weights), degree=np.asarray(sim.degree()).copy(),
        friend_edges=sim.friends.edges() if friend_edges is None else friend_edges,
        edges_changed=bool(edges_changed), dating_edges=np.array(sim.dating.edges(), copy=True),
        violations=np.array(sim.violations, dtype=np.float64, copy=True),
        history=history, scenario=scenario,
        scammed=np.array(sim.scammed_now, dtype=bool, copy=True),
        was_scammed=np.array(sim.ever_scammed, dtype=bool, copy=True),
        opted_out=np.array(sim.pop.opted_out, dtype=bool, copy=True))
