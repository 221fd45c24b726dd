"""Fuzzing the graph readers with well-formed and damaged documents of every format.

Only a :class:`ScenarioError` may come out of ``read_graph``; any other exception is a
bug in a reader and fails the test (``read_graph`` no longer wraps unexpected errors).
The documents are built from the formats' grammar, so every reader's main path runs,
then optionally damaged: cut, or with random bytes spliced in.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import ScenarioError
from models.graph import canonical_edges
from models.io import read_graph, read_graph_bytes

IDS = st.sampled_from(["1", "2", "3", "10", "a", "b c", "é", "007", "-0", "x,y", "#", "q\"", ""])
GROUPS = st.sampled_from(["0", "1", "10", "north", "", "1.5", "true", "\x01"])
TYPES = st.sampled_from(["string", "int", "long", "double", "boolean", "float", "bogus"])


@st.composite
def graphml(draw):
    ids = draw(st.lists(IDS, max_size=6))
    edges = draw(st.lists(st.tuples(IDS, IDS), max_size=8))
    gtype = draw(TYPES)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
           f'<key id="g" for="node" attr.name="group" attr.type="{gtype}"/>',
           f'<graph edgedefault="{draw(st.sampled_from(["directed", "undirected"]))}">']
    for i in ids:
        group = draw(st.one_of(st.none(), GROUPS))
        data = "" if group is None else f'<data key="g">{_x(group)}</data>'
        out.append(f'<node id="{_x(i)}">{data}</node>')
    out += [f'<edge source="{_x(a)}" target="{_x(b)}"/>' for a, b in edges]
    out += ["</graph>", "</graphml>"]
    return "\n".join(out)


@st.composite
def gexf(draw):
    ids = draw(st.lists(IDS, max_size=6))
    edges = draw(st.lists(st.tuples(IDS, IDS), max_size=8))
    out = ['<gexf xmlns="http://gexf.net/1.3" version="1.3">',
           f'<graph defaultedgetype="{draw(st.sampled_from(["directed", "undirected"]))}">',
           f'<attributes class="node"><attribute id="0" title="group" type="{draw(TYPES)}"/>'
           '</attributes><nodes>']
    for i in ids:
        group = draw(st.one_of(st.none(), GROUPS))
        av = "" if group is None else \
            f'<attvalues><attvalue for="0" value="{_x(group)}"/></attvalues>'
        out.append(f'<node id="{_x(i)}" label="{_x(i)}">{av}</node>')
    out.append("</nodes><edges>")
    out += [f'<edge source="{_x(a)}" target="{_x(b)}"/>' for a, b in edges]
    out.append("</edges></graph></gexf>")
    return "\n".join(out)


@st.composite
def gml(draw):
    n = draw(st.integers(0, 6))
    out = ["graph [", f"  directed {draw(st.integers(0, 1))}"]
    for k in range(n):
        label = draw(st.one_of(st.none(), IDS))
        lab = "" if label is None else ' label "' + label.replace('"', "") + '"'
        group = draw(st.sampled_from(["1", "2.5", "x", '"a"']))
        out.append(f"  node [ id {k}{lab} group {group} ]")
    for _ in range(draw(st.integers(0, 8))):
        out.append(f"  edge [ source {draw(st.integers(-1, 7))} target {draw(st.integers(0, 7))} ]")
    out.append("]")
    return "\n".join(out)


@st.composite
def pajek(draw):
    n = draw(st.integers(0, 6))
    out = [f"*Vertices {n}"]
    for k in range(1, n + 1):
        if draw(st.booleans()):
            out.append(f'{k} "{draw(IDS).replace(chr(34), "")}"')
    section = draw(st.sampled_from(["*Edges", "*Arcs", "*Edgeslist", "*Arcslist", "*Matrix"]))
    out.append(section)
    for _ in range(draw(st.integers(0, 6))):
        out.append(" ".join(str(draw(st.integers(0, 7))) for _ in range(draw(st.integers(1, 4)))))
    return "\n".join(out)


@st.composite
def delimited(draw):
    sep = draw(st.sampled_from([" ", "\t", ",", ";", "  "]))
    rows = []
    if draw(st.booleans()):
        rows.append(sep.join(draw(st.sampled_from([["source", "target"],
                                                     ["source", "target", "weight"],
                                                     ["id", "group", "score"],
                                                     ["a", "b"]]))))
    for _ in range(draw(st.integers(0, 8))):
        fields = draw(st.lists(st.one_of(IDS, st.sampled_from(["0.5", "1e3", "2024"])),
                               min_size=1, max_size=6))
        rows.append(sep.join(fields) + draw(st.sampled_from(["", " # c", sep])))
    return "\n".join(rows)


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


DOCS = st.one_of(graphml(), gexf(), gml(), pajek(), delimited())
EXTENSIONS = st.sampled_from([".graphml", ".gexf", ".gml", ".net", ".txt", ".csv", ".adj", ""])


@st.composite
def damaged(draw):
    raw = draw(DOCS).encode("utf-8")
    how = draw(st.sampled_from(["keep", "keep", "cut", "splice"]))
    if how == "cut" and raw:
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif how == "splice":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=12)) + raw[at:]
    return raw


def check(raw: bytes, name: str) -> None:
    try:
        g = read_graph_bytes(raw, name)
    except ScenarioError as err:
        assert "\n" not in str(err) and err.key == "network.path"
        return
    assert g.n >= 1 and len(g.ids) == g.n
    assert g.groups is None or len(g.groups) == g.n
    assert g.edges.size == 0 or (g.edges.min() >= 0 and g.edges.max() < g.n)
    assert (canonical_edges(g.edges[:, 0], g.edges[:, 1], g.n) == g.edges).all()
    assert all("\n" not in note for note in g.notes)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=damaged(), ext=EXTENSIONS)
def test_documents_only_raise_scenario_errors(raw, ext):
    check(raw, f"fuzz{ext}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=damaged())
def test_same_through_a_file(tmp_path_factory, raw):
    p = tmp_path_factory.mktemp("fz") / "fuzz.txt"
    p.write_bytes(raw)
    try:
        read_graph(p)
    except ScenarioError as err:
        assert p.name in str(err)
