"""A whole run as one dynamic GEXF 1.3 file that Gephi's timeline plays.

:class:`Timeline` is fed the simulation after building and after every step
(:meth:`Timeline.record`); :meth:`Timeline.write` then writes:

- every person as a node (``group`` and ``opted_out`` static), with ``score`` and
  ``status`` as timed attribute values: one ``<attvalue start=a end=b>`` per run of equal
  values;
- every friendship and dating tie as an edge of kind ``friend`` or ``date`` with one
  ``<spell start=a end=b>`` per stretch of steps in which it existed.

Time is the step number (``timeformat="double"``, the format Gephi's importer reads;
step values are whole numbers). GEXF 1.3 intervals include both ends, so a tie formed at
step 3 and dropped at step 7 has the spell ``[3, 6]``, and at each whole step exactly one
score value holds. The node attribute block is marked ``mode="dynamic"``: the 1.3 schema
leaves that attribute out, but Gephi's importer (``ImporterGEXF.readAttributes``) only
makes a column dynamic when it is there, and gexf.net's own dynamics example uses it.

Memory: scores and status of every person at every step (9 bytes each) plus the tie
spells; a 4,039-person, 120-step run holds about 4 MB.
"""

from __future__ import annotations

import os
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from ..atomic import atomic_path
from ..graph import in_sorted
from .graphfile import check_xml_text
from .graphfile import attribute_type, plain_values
from .network_out import GEXF_NS

__all__ = ["Timeline"]

_STATUS = {-1: "restricted", 0: "normal", 1: "privileged"}


class _Spells:
    """Open and closed spells of a changing set of edge keys."""

    def __init__(self, keys: np.ndarray, step: int) -> None:
        self.keys = np.sort(keys)
        self.start = np.full(self.keys.size, step, dtype=np.int64)
        self.closed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def update(self, keys: np.ndarray, step: int) -> None:
        keys = np.sort(keys)
        kept = in_sorted(self.keys, keys)
        if not kept.all():
            self.closed.append((self.keys[~kept], self.start[~kept],
                                np.full(int((~kept).sum()), step - 1, dtype=np.int64)))
        old = in_sorted(keys, self.keys)
        start = np.full(keys.size, step, dtype=np.int64)
        start[old] = self.start[np.searchsorted(self.keys, keys[old])]
        self.keys, self.start = keys, start

    def all(self, last: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every spell ``(key, start, end)``, sorted by key then start."""
        parts = self.closed + [(self.keys, self.start,
                                np.full(self.keys.size, last, dtype=np.int64))]
        k, s, e = (np.concatenate([p[i] for p in parts]) for i in range(3))
        order = np.lexsort((s, k))
        return k[order], s[order], e[order]


class Timeline:
    """Record a run step by step, then write it as a dynamic GEXF.

    Examples
    --------
    >>> from models import Simulation, load_scenario
    >>> sim = Simulation(load_scenario("karate"))
    >>> tl = Timeline(sim)
    >>> sim.run(3, progress=lambda done, total: tl.record(sim))
    >>> tl.steps
    [0, 1, 2, 3]
    """

    def __init__(self, sim) -> None:
        self.n = sim.n
        table = sim.person_table()
        self.ids = [str(i) for i in plain_values(table["id"])]
        self.static = {c: plain_values(np.asarray(table[c])) for c in ("group", "opted_out")}
        self.steps: list[int] = []
        self._scores: list[np.ndarray] = []
        self._status: list[np.ndarray] = []
        step = sim.step_count
        self._friends = _Spells(sim.friends.keys, step)
        self._dates = _Spells(sim.dating.keys, step)
        self._capture(sim)

    def _capture(self, sim) -> None:
        self.steps.append(int(sim.step_count))
        self._scores.append(np.array(sim.scores, dtype=np.float64))
        self._status.append(np.array(sim.status, dtype=np.int8))

    def record(self, sim) -> None:
        """Take the state after one more step."""
        step = sim.step_count
        self._friends.update(sim.friends.keys, step)
        self._dates.update(sim.dating.keys, step)
        self._capture(sim)

    def write(self, path: str | os.PathLike[str], description: str = "") -> None:
        """Write the dynamic GEXF (atomically)."""
        for text in self.ids + [str(g) for g in self.static["group"]] + [description]:
            check_xml_text(text)
        with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for line in self._lines(description):
                fh.write(line)
                fh.write("\n")

    def _lines(self, description: str):
        first, last = self.steps[0], self.steps[-1]
        steps = np.asarray(self.steps)
        gtype = attribute_type(self.static["group"])
        yield '<?xml version="1.0" encoding="UTF-8"?>'
        yield f'<gexf xmlns="{GEXF_NS}" version="1.3">'
        yield f"  <meta><creator>ScoreNet</creator><description>{escape(description)}" \
              "</description></meta>"
        yield (f'  <graph mode="dynamic" defaultedgetype="undirected" timeformat="double" '
               f'timerepresentation="interval" start="{first}" end="{last}">')
        yield '    <attributes class="node" mode="static">'
        yield f'      <attribute id="group" title="group" type="{gtype}"/>'
        yield '      <attribute id="opted_out" title="opted_out" type="boolean"/>'
        yield "    </attributes>"
        yield '    <attributes class="node" mode="dynamic">'
        yield '      <attribute id="score" title="score" type="double"/>'
        yield '      <attribute id="status" title="status" type="string"/>'
        yield "    </attributes>"
        yield '    <attributes class="edge" mode="static">'
        yield '      <attribute id="kind" title="kind" type="string"/>'
        yield "    </attributes>"
        yield f'    <nodes count="{self.n}">'
        scores = np.vstack(self._scores)   # steps x people
        status = np.vstack(self._status)
        groups, opted = self.static["group"], self.static["opted_out"]
        qids = [quoteattr(i) for i in self.ids]   # once per person, not once per tie
        for k, q in enumerate(qids):
            group = str(groups[k]).lower() if gtype == "boolean" else str(groups[k])
            parts = [f'<attvalue for="group" value={quoteattr(group)}/>',
                     f'<attvalue for="opted_out" value="{"true" if opted[k] else "false"}"/>']
            parts += _runs("score", scores[:, k], steps, lambda x: repr(float(x)))
            parts += _runs("status", status[:, k], steps, lambda x: _STATUS[int(x)])
            yield f"      <node id={q} label={q}><attvalues>{''.join(parts)}</attvalues></node>"
        yield "    </nodes>"
        yield "    <edges>"
        n = 0
        for kind, spells in (("friend", self._friends), ("date", self._dates)):
            keys, start, end = spells.all(last)
            if not keys.size:
                continue
            cut = np.flatnonzero(np.diff(keys)) + 1
            for lo, hi in zip(np.concatenate([[0], cut]).tolist(),
                              np.concatenate([cut, [keys.size]]).tolist()):
                a, b = divmod(int(keys[lo]), self.n)
                spell = "".join(f'<spell start="{s}" end="{e}"/>'
                                for s, e in zip(start[lo:hi].tolist(), end[lo:hi].tolist()))
                yield (f'      <edge id="{n}" source={qids[a]} '
                       f'target={qids[b]} kind="{kind}"><attvalues>'
                       f'<attvalue for="kind" value="{kind}"/></attvalues>'
                       f"<spells>{spell}</spells></edge>")
                n += 1
        yield "    </edges>"
        yield "  </graph>"
        yield "</gexf>"


def _runs(name: str, values: np.ndarray, steps: np.ndarray, text) -> list[str]:
    """One timed attvalue per run of equal consecutive values."""
    change = np.flatnonzero(values[1:] != values[:-1]) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [values.size]]) - 1
    return [f'<attvalue for="{name}" value="{escape(text(values[s]))}" start="{steps[s]}" '
            f'end="{steps[e]}"/>' for s, e in zip(starts.tolist(), ends.tolist())]
