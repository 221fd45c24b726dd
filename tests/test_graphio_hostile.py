"""Hostile graph files: truncated, entity bombs, external entities, junk, images, empty,
special paths, unreadable, and fuzzed content: always one-line ScenarioErrors."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import ScenarioError
from models.graphio import read_graph
from tests.graph_files import GEXF_13, assert_bad, assert_canonical

# --------------------------------------------------------------------------- hostile files

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml><graph><node id="&lol9;"/></graph></graphml>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="&xxe;"/></graph></graphml>
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))

HOSTILE = {
    "truncated.graphml": (b'<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="1"/>',
                          ["malformed XML", "line 4"]),
    "truncated.gexf": (GEXF_13[: len(GEXF_13) // 2].encode(), ["malformed XML"]),
    "bomb.graphml": (BILLION_LAUGHS, ["entit"]),
    "bomb.txt": (BILLION_LAUGHS, ["entit"]),
    "xxe.graphml": (XXE, ["external"]),
    "junk.graphml": (os.urandom(2000), []),
    "junk.gml": (zlib.compress(b"x" * 10000) * 3, []),
    "junk.txt": (np.random.default_rng(0).bytes(4000), []),
    "image.png": (PNG, ["binary"]),
    "image.gml": (PNG, ["binary"]),
    "image.graphml": (PNG, ["PNG image"]),
    "empty.graphml": (b"", ["empty"]),
    "empty.txt": (b"", ["empty"]),
    "blank.gml": (b"  \n\n\t\n", ["empty"]),
    "comments.txt": (b"# nothing\n\n   # here\n", ["no nodes"]),
    "comments.gml": (b"# nothing\n", ["graph"]),
    "nonodes.graphml": (b'<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/'
                        b'xmlns"><graph id="G" edgedefault="undirected"></graph></graphml>',
                        ["no nodes"]),
    "nonodes.gexf": (b'<gexf xmlns="http://gexf.net/1.3"><graph><nodes/><edges/></graph></gexf>',
                     ["no nodes"]),
    "nonodes.gml": (b"graph [ directed 0 ]", ["no nodes"]),
    "latin1.txt": ("caf\u00e9 na\u00efve\n".encode("latin-1"), ["UTF-8", "line 1"]),
    "latin1.gml": ('graph [ node [ id 1 label "caf\u00e9" ] ]'.encode("latin-1"), ["UTF-8"]),
    "html.graphml": (b"<html><body>hello</body></html>", ["<html>"]),
    "svg.xml": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', ["<svg>"]),
    "gml_unclosed.gml": (b"graph [\n node [ id 1 ]\n", ["never closed", "line 1"]),
    "gml_badtoken.gml": (b"graph [\n node [ id 1 ] @\n]", ["syntax", "line 2"]),
    "gml_novalue.gml": (b"graph [ node [ id ] ]", ["syntax"]),
    "gml_noid.gml": (b"graph [ node [ label \"x\" ] ]", ["id"]),
    "gml_realid.gml": (b"graph [ node [ id 1.5 ] ]", ["id"]),
    "gml_nested.gml": (b"graph [" + b" a [" * 200000 + b" ]" * 200000 + b" ]", ["no nodes"]),
    "gml_edge.gml": (b"graph [ node [ id 1 ] edge [ source 1 ] ]", ["edge"]),
    "gml_listgroup.gml": (b"graph [ node [ id 1 group [ a 1 ] ] ]", ["group"]),
    "empty_field.csv": (b"1,2\n3,,4\n", ["line 2", "empty field"]),
    "mixed.csv": (b"1 2, 3\n", ["line 1", "mixed"]),
    "control.txt": (b"1 2\n3\x01 4\n", ["control character", "line 2"]),
    "quotes.csv": (b'"",2\n', ["empty node id"]),
    "noid.graphml": (b"<graphml><graph><node/></graph></graphml>", ["no id"]),
    "noend.gexf": (b'<gexf><graph><nodes><node id="1"/></nodes><edges><edge source="1"/>'
                   b"</edges></graph></gexf>", ["source or a target"]),
    "badint.graphml": (b'<graphml><key id="g" for="node" attr.name="group" attr.type="int"/>'
                       b'<graph><node id="1"><data key="g">north</data></node></graph></graphml>',
                       ["not a valid int"]),
    "header_only.csv": (b"source,target\n", ["no nodes"]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_raise_one_line_scenario_errors(tmp_path, name):
    content, words = HOSTILE[name]
    p = tmp_path / name
    p.write_bytes(content)
    try:
        g = read_graph(p)
    except ScenarioError:
        pass
    else:  # random junk may, rarely, be a valid edge list; it must then be well-formed
        assert name.startswith("junk") and g.n > 0
        return
    assert_bad(p, *words)   # a hang would be stopped by pytest-timeout; speed: benchmarks


def test_billion_laughs_fails_before_expanding(tmp_path):
    # Bounded time and memory under resource limits: tests/test_cli_hostile.py.
    p = tmp_path / "bomb.graphml"
    p.write_bytes(BILLION_LAUGHS)
    assert_bad(p, "entit")   # refused before any expansion (no time asserted in tests)


def test_missing_directory_and_special_paths(tmp_path):
    assert_bad(tmp_path / "missing.graphml", "not found")
    d = tmp_path / "folder.txt"
    d.mkdir()
    assert_bad(d, "directory")
    fifo = tmp_path / "pipe.txt"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        assert_bad(fifo, "regular file")  # and does not block reading it


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_unreadable_file(tmp_path):
    # Root (as in CI) reads any file whatever its mode, but not /proc/self/mem at offset 0
    # (no page is mapped there: EIO for everyone), here behind a name with a graph suffix.
    p = tmp_path / "secret.txt"
    p.symlink_to("/proc/self/mem")
    assert_bad(p, "cannot read")
    if os.geteuid() != 0:   # and a plain file without read permission, where that bites
        q = tmp_path / "locked.txt"
        q.write_text("1 2\n")
        q.chmod(0)
        assert_bad(q, "cannot read")


EXTENSIONS = [".graphml", ".gexf", ".gml", ".txt", ".csv", ".dat"]

XMLISH = st.lists(st.sampled_from([
    "<", ">", "/>", "</", "<?xml version='1.0'?>", "graphml", "gexf", "graph", "node", "edge",
    "key", "data", "attvalue", "attributes", "attribute", ' id="1"', ' id="a"', ' source="1"',
    ' target="2"', ' for="g"', ' value="x"', ' attr.name="group"', ' attr.type="int"',
    ' title="group"', ' type="double"', ' class="node"', ' key="g"', "&amp;", "&x;",
    '<!DOCTYPE g [<!ENTITY x "y">]>', " ", "\n", "1", "é", "\x00",
]), max_size=60).map("".join)

GMLISH = st.lists(st.sampled_from([
    "graph", "[", "]", "node", "edge", "id", "source", "target", "group", "label", "1", "2",
    "-3", "1.5", "INF", '"a"', '"', "#", "\n", " ", "&amp;", "directed", "é", "@",
]), max_size=60).map(" ".join)

EDGEISH = st.lists(st.sampled_from([
    "1", "2", "a", "007", "-0", ",", " ", "\t", "\n", "\r\n", "#", '"', '"x"', "source",
    "target", "1.5", "\x0b", "é", "\ufeff",
]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), XMLISH.map(str.encode), GMLISH.map(str.encode),
                      EDGEISH.map(str.encode)),
       ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_content_only_raises_scenario_error(tmp_path_factory, data, ext):
    p = tmp_path_factory.mktemp("fuzz") / f"fuzz{ext}"
    p.write_bytes(data)
    try:
        g = read_graph(p)
    except ScenarioError as err:
        assert "\n" not in str(err) and p.name in str(err) and err.key == "network.path"
    else:
        assert g.n >= 1 and len(g.ids) == g.n
        assert g.groups is None or len(g.groups) == g.n
        assert_canonical(g)
        assert g.edges.size == 0 or g.edges.max() < g.n
