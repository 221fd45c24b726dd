"""Files in and out: graph files read into :class:`~models.graph.GraphData`, and the
results of a run written for Gephi, networkx, igraph and pandas.

Reading (:func:`read_graph`): GraphML, GEXF (1.1draft, 1.2draft, 1.3), GML, Pajek
``.net``, edge lists (space, tab, ``;`` or ``,`` separated, optional header row) and
adjacency lists, and the network inside a ScoreNet bundle. The format comes from the
content (XML, ``graph [``, ``*Vertices``, ZIP) and then from the extension; files that
are no graph (spreadsheets, archives, images, JSON, a scenario TOML, a people or metrics
table, ``|``-separated text, program source...) are refused with one line saying what
they look like (:mod:`.plausible`). ScoreNet's own network export is read as its
friendships (``kind = date`` edges left out, with a note); odd GML/GraphML/GEXF
documents are decided as networkx does (see :mod:`.gml` and :mod:`.xmlgraph`).

Conventions, the same for every format:

- Node ids are kept as written, in order of first appearance. Text ids become Python
  ints only when *every* id is a canonical decimal integer (``str(int(t)) == t``), so
  ids round-trip exactly.
- A node attribute named ``group`` (any case) gives ``GraphData.groups``, values as typed
  in the file; nodes that lack it get ``"none"`` (and every label becomes a string).
- Directed ties are read as mutual friendships, self-loops are dropped, repeated ties
  (and a->b with b->a) are merged, isolated nodes are kept; ``GraphData.notes`` says in
  words what was changed, for the CLI and the app to show.
- Anything wrong with the file raises :class:`~models.errors.ScenarioError`
  ``("<path>", "network.path", "<problem>")``, one line. Any other exception is a bug.

Modules: :mod:`.read` (entry point, bounded reading), :mod:`.detect` (format by content),
:mod:`.xmlgraph`, :mod:`.gml`, :mod:`.pajek`, :mod:`.edgelist` (the readers),
:mod:`.plausible` (is a text file a network at all), :mod:`.base`
(shared builder), :mod:`.graphfile` (writing a GraphData), :mod:`.bundle` (bundles),
:mod:`.network_out` (final network as GEXF/GraphML), :mod:`.timeline` (dynamic GEXF of a
run), :mod:`.tables` (people over time, CSV/Parquet), :mod:`.provenance` (how a file was
made).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["read_graph", "read_graph_bytes", "write_graph", "FILE_DIALOG_FILTER"]

#: A Qt file-dialog filter for the formats :func:`read_graph` understands.
FILE_DIALOG_FILTER = ("Graphs (*.graphml *.gexf *.gml *.net *.txt *.csv *.tsv *.edges *.el "
                      "*.adj *.adjlist *.scorenet);;All files (*)")

# Imported on first use: a run's outputs need only .provenance (its sidecars), and the
# readers and writers cost a fifth of the start of `scorenet run` (xml.sax.saxutils
# alone pulls in urllib and email).
_LAZY = {"read_graph": ".read", "read_graph_bytes": ".read", "write_graph": ".graphfile"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
