"""Writing a :class:`~models.graph.GraphData` back to a file: GraphML or an edge list.

This writes the *input* side of a network (ids, ties, groups) so that
:func:`~models.io.read_graph` reads it back unchanged; the results of a run (scores,
status, communities on the nodes) are written by :mod:`models.io.network_out`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from ..atomic import write_text_atomic
from ..errors import ScenarioError, printable
from ..graph import GraphData
from .base import short

__all__ = ["write_graph", "check_xml_text", "plain_values", "attribute_type"]

_EDGE_LIST_SEP = {".csv": ",", ".tsv": "\t"}
_UNSAFE_ID = re.compile(r"[\s,#\"]|[\x00-\x1f\x7f]")
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def check_xml_text(text: str) -> None:
    """Raise ValueError when ``text`` holds a character XML 1.0 cannot carry."""
    if _XML_BAD.search(text):
        raise ValueError(f"{short(text)} contains a character XML cannot hold")


def plain_values(values: np.ndarray) -> list[Any]:
    """Python scalars (numpy scalars in object arrays unwrapped)."""
    return [x.item() if isinstance(x, np.generic) else x for x in values.tolist()]


def attribute_type(values: list[Any]) -> str:
    """``boolean``, ``long``, ``double`` or ``string``: the narrowest type that holds all."""
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds <= {float, int} and float in kinds:
        return "double"
    return "string"


def _graphml_text(graph: GraphData) -> str:
    ids = _text_ids(graph)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    groups = None
    if graph.groups is not None:
        plain = plain_values(graph.groups)
        gtype = attribute_type(plain)
        groups = [str(g).lower() if gtype == "boolean" else
                  repr(float(g)) if gtype == "double" else str(g) for g in plain]
        out.append(f'  <key id="group" for="node" attr.name="group" attr.type="{gtype}"/>')
    for text in ids + (groups or []):
        if _XML_BAD.search(text):
            raise ValueError(f"{short(text)} contains a character XML cannot hold")
    out.append('  <graph id="G" edgedefault="undirected">')
    for k, i in enumerate(ids):
        if groups is None:
            out.append(f"    <node id={quoteattr(i)}/>")
        else:
            out.append(f'    <node id={quoteattr(i)}><data key="group">'
                       f"{escape(groups[k])}</data></node>")
    for a, b in graph.edges.tolist():
        out.append(f"    <edge source={quoteattr(ids[a])} target={quoteattr(ids[b])}/>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def _text_ids(graph: GraphData) -> list[str]:
    ids = [str(i) for i in plain_values(graph.ids)]
    if len(set(ids)) != len(ids):
        raise ValueError("node ids are not unique once written as text")
    return ids


def _edge_list_text(graph: GraphData, sep: str) -> str:
    ids = _text_ids(graph)
    for i in ids:
        if not i or _UNSAFE_ID.search(i):
            raise ValueError(f"node id {short(i)} cannot be written to an edge list "
                             "(use .graphml)")
    lines = [f"# ScoreNet edge list: {graph.n} nodes, {graph.m} edges"]
    lines += [f"{ids[a]}{sep}{ids[b]}" for a, b in graph.edges.tolist()]
    linked = np.zeros(graph.n, dtype=bool)
    linked[graph.edges.ravel()] = True
    lines += [ids[k] for k in np.flatnonzero(~linked).tolist()]
    lines.append("")
    return "\n".join(lines)


def write_graph(graph: GraphData, path: str | os.PathLike[str]) -> None:
    """Write a graph as GraphML (``.graphml``) or an edge list (any other extension).

    GraphML keeps ids, node order, edges and groups (as a ``group`` node attribute).
    An edge list keeps ids and edges (tab-separated for ``.tsv``, comma for ``.csv``,
    else space); isolated nodes are written as one-field lines at the end; groups are
    dropped and node order may differ on reading back. Text ids that all look like
    canonical integers come back as ints. The file is replaced atomically.

    Raises
    ------
    ScenarioError
        For ``.gexf``/``.gml`` (not supported), an id an edge list cannot hold
        (whitespace, comma, ``#``, quote), or a write failure.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.graphml"
    >>> g = GraphData(np.array(["a", "b", "c"], dtype=object), np.array([[0, 1]]),
    ...               np.array(["x", "y", "x"], dtype=object))
    >>> write_graph(g, p)
    >>> from models.io import read_graph
    >>> h = read_graph(p)
    >>> h.ids.tolist(), h.edges.tolist(), h.groups.tolist()
    (['a', 'b', 'c'], [[0, 1]], ['x', 'y', 'x'])
    """
    p = Path(path)
    source = printable(path, limit=300)
    ext = p.suffix.lower()
    try:
        if ext in (".gexf", ".gml", ".xml"):
            raise ValueError(f"writing {ext} is not supported; use .graphml or an edge list")
        text = _graphml_text(graph) if ext == ".graphml" else \
            _edge_list_text(graph, _EDGE_LIST_SEP.get(ext, " "))
    except ValueError as exc:
        raise ScenarioError(source, "", str(exc)) from None
    try:
        write_text_atomic(p, text)
    except OSError as exc:
        raise ScenarioError(source, "", f"cannot write: {exc.strerror or exc}") from None
