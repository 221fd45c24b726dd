"""Results out and back in: GEXF/GraphML through networkx, the dynamic GEXF against the
history, people over time and every table through pandas, bundles and saved scenarios."""

from __future__ import annotations

import math
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from app.cli import main
from models import Simulation, load_scenario
from models.errors import ScenarioError
from models.history import METRIC_COLUMNS, NODE_COLUMNS
from models.io import read_graph, write_graph
from models.population import encode_groups

STEPS = 6


def run(*argv) -> int:
    return main([str(a) for a in argv])


@pytest.fixture(scope="module")
def karate_file(tmp_path_factory) -> Path:
    """Zachary's club as a GraphML file with string ids and text groups."""
    sim = Simulation(load_scenario("karate"))
    path = tmp_path_factory.mktemp("in") / "club.graphml"
    g = sim.graph
    ids = np.array([f"p{i}" for i in g.ids.tolist()], dtype=object)
    write_graph(type(g)(ids, g.edges, g.groups), path)
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, karate_file):
    d = tmp_path_factory.mktemp("out")
    rc = run("run", "karate", "--graph", karate_file, "--steps", STEPS, "--quiet",
             "--set", "dating.activity=0.5", "--metrics-out", d / "m.csv",
             "--nodes-out", d / "n.csv", "--people-out", d / "p.csv",
             "--graph-out", d / "net.gexf", "--timeline-out", d / "tl.gexf",
             "--save-scenario", d / "s.toml", "--save-bundle", d / "b.scorenet")
    assert rc == 0
    run("run", d / "s.toml", "--quiet", "--graph-out", d / "net.graphml")
    return d


def test_pandas_reads_every_csv_with_no_options(outputs):
    m = pd.read_csv(outputs / "m.csv")
    assert list(m.columns) == list(METRIC_COLUMNS) and len(m) == STEPS + 1
    n = pd.read_csv(outputs / "n.csv")
    assert list(n.columns) == list(NODE_COLUMNS) and len(n) == 34
    p = pd.read_csv(outputs / "p.csv")
    assert list(p.columns) == ["step", "id", "score", "status", "degree", "community"]
    assert len(p) == 34 * (STEPS + 1) and sorted(set(p.step)) == list(range(STEPS + 1))
    last = p[p.step == STEPS].set_index("id").loc[n.id]
    for col in ("score", "status", "degree", "community"):
        assert (last[col].to_numpy() == n[col].to_numpy()).all(), col
    for t, row in m.set_index("step").iterrows():   # people over time against the history
        assert p[p.step == t].score.mean() == pytest.approx(row.mean_score, rel=1e-12)
    for name in ("m.csv", "n.csv", "p.csv", "net.gexf", "tl.gexf"):
        meta = tomllib.loads((outputs / f"{name}.meta.toml").read_text())
        assert meta["made_by"]["seed"] == 1 and meta["made_by"]["steps"] == STEPS
        assert "--graph" in meta["made_by"]["command"]


@pytest.mark.parametrize("name", ["net.gexf", "net.graphml"])
def test_network_read_back_by_networkx_matches_tables(outputs, name):
    g = nx.read_gexf(outputs / name) if name.endswith("gexf") else \
        nx.read_graphml(outputs / name)
    nodes = pd.read_csv(outputs / "n.csv", keep_default_na=False)
    last = pd.read_csv(outputs / "m.csv").iloc[-1]
    assert sorted(g.nodes) == sorted(nodes.id)
    for _, row in nodes.iterrows():
        data = g.nodes[row.id]
        for col in NODE_COLUMNS[1:]:
            want, have = row[col], data[col]
            if isinstance(want, float):
                assert have == want, (row.id, col)   # written at full precision
            elif isinstance(want, (bool, np.bool_)):
                assert bool(have) is bool(want)
            else:
                assert str(have) == str(want), (row.id, col, have, want)
    kinds = [d["kind"] for *_, d in g.edges(data=True)]
    assert kinds.count("friend") == last.friend_ties
    assert kinds.count("date") == last.dating_ties
    friends = nx.Graph([(a, b) for a, b, d in g.edges(data=True) if d["kind"] == "friend"])
    degree = dict(friends.degree())
    assert all(degree.get(r.id, 0) == r.degree for r in nodes.itertuples())


def test_gexf_is_gexf_13_as_the_spec_writes_it(outputs):
    root = ET.parse(outputs / "net.gexf").getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    ns = "{http://gexf.net/1.3}"
    edge = root.find(f"{ns}graph/{ns}edges/{ns}edge")
    assert edge.get("kind") in ("friend", "date")   # 1.3's edge kind (parallel edges)
    types = {a.get("title"): a.get("type") for a in root.iter(f"{ns}attribute")}
    assert types["score"] == "double" and types["opted_out"] == "boolean"
    assert types["degree"] == "long" and types["status"] == "string"


def _spells_at(root, ns, kind, t):
    count = 0
    for edge in root.iter(f"{ns}edge"):
        if edge.get("kind") != kind:
            continue
        count += sum(int(s.get("start")) <= t <= int(s.get("end"))
                     for s in edge.iter(f"{ns}spell"))
    return count


def test_timeline_against_the_history(outputs):
    root = ET.parse(outputs / "tl.gexf").getroot()
    ns = "{http://gexf.net/1.3}"
    graph = root.find(f"{ns}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "double"
    m = pd.read_csv(outputs / "m.csv")
    scores = {t: [] for t in range(STEPS + 1)}
    restricted = {t: 0 for t in range(STEPS + 1)}
    for node in root.iter(f"{ns}node"):
        covered = []
        for av in node.iter(f"{ns}attvalue"):
            if av.get("for") not in ("score", "status"):
                continue
            for t in range(int(av.get("start")), int(av.get("end")) + 1):
                if av.get("for") == "score":
                    scores[t].append(float(av.get("value")))
                    covered.append(t)
                elif av.get("value") == "restricted":
                    restricted[t] += 1
        assert covered == list(range(STEPS + 1))   # one value per step, no overlap
    for t, row in m.set_index("step").iterrows():
        assert np.mean(scores[t]) == row.mean_score
        assert restricted[t] / 34 == row.restricted_share
        assert _spells_at(root, ns, "friend", t) == row.friend_ties
        assert _spells_at(root, ns, "date", t) == row.dating_ties


def test_bundle_opens_to_the_same_bits(outputs, tmp_path):
    assert run("run", outputs / "b.scorenet", "--quiet", "--metrics-out", tmp_path / "m.csv") == 0
    assert (tmp_path / "m.csv").read_bytes() == (outputs / "m.csv").read_bytes()
    # and the sidecar is a scenario that runs the same again
    assert run("run", outputs / "m.csv.meta.toml", "--quiet", "--metrics-out",
               tmp_path / "again.csv") == 0
    assert (tmp_path / "again.csv").read_bytes() == (outputs / "m.csv").read_bytes()


def test_saved_scenario_is_the_effective_one_and_records_the_graph(outputs, karate_file):
    sc = load_scenario(outputs / "s.toml")
    assert sc["dating.activity"] == 0.5 and sc["run.steps"] == STEPS
    assert sc.graph_path().resolve() == karate_file.resolve()
    import hashlib

    assert sc["network.sha256"] == hashlib.sha256(karate_file.read_bytes()).hexdigest()


def test_changed_graph_is_named_in_one_line(tmp_path, karate_file, capsys):
    graph = tmp_path / "g.graphml"
    graph.write_bytes(karate_file.read_bytes())
    assert run("run", "karate", "--graph", graph, "--steps", 0, "--quiet",
               "--save-scenario", tmp_path / "s.toml") == 0
    graph.write_bytes(karate_file.read_bytes().replace(b'source="p0" target="p1"', b'source="p0" target="p9"', 1))
    capsys.readouterr()
    assert run("run", tmp_path / "s.toml", "--quiet", "--steps", "1") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "has changed" in err and "g.graphml" in err
    with pytest.raises(ScenarioError, match="SHA-256"):
        load_scenario(tmp_path / "s.toml")


def test_parquet_tables_equal_csv(outputs, tmp_path):
    pytest.importorskip("pyarrow")
    assert run("run", outputs / "s.toml", "--quiet", "--metrics-out", tmp_path / "m.parquet",
               "--people-out", tmp_path / "p.parquet", "--nodes-out", tmp_path / "n.parquet") == 0
    for name in ("m", "p", "n"):
        a = pd.read_parquet(tmp_path / f"{name}.parquet")
        b = pd.read_csv(outputs / f"{name}.csv", keep_default_na=False) if name == "n" else \
            pd.read_csv(outputs / f"{name}.csv")
        assert list(a.columns) == list(b.columns)
        for col in a.columns:
            x, y = a[col].to_numpy(), b[col].to_numpy()
            if a[col].dtype.kind == "f":
                assert np.array_equal(x, y.astype(float), equal_nan=True), col
            else:
                assert [str(v) for v in x] == [str(v) for v in y], col
    import pyarrow.parquet as pq

    assert b"scorenet" in pq.read_schema(tmp_path / "p.parquet").metadata


def test_parquet_missing_names_the_extra(tmp_path, monkeypatch, capsys):
    import builtins

    real = builtins.__import__

    def no_arrow(name, *a, **k):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_arrow)
    assert run("run", "karate", "--steps", 1, "--quiet", "--people-out",
               tmp_path / "p.parquet") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "scorenet[parquet]" in err
    assert list(tmp_path.iterdir()) == []


def test_history_reads_into_pandas_and_to_networkx_carries_the_table():
    sim = Simulation(load_scenario("karate"))
    sim.run(3)
    df = pd.DataFrame(sim.history)
    assert df.shape == (4, len(METRIC_COLUMNS)) and list(df.columns) == list(METRIC_COLUMNS)
    assert (df.mean_score.to_numpy() == sim.history["mean_score"]).all()
    g = sim.to_networkx()
    table = sim.person_table()
    assert g.number_of_edges() == sim.friends.m
    for k, node in enumerate(table["id"].tolist()):
        assert g.nodes[node]["score"] == table["score"][k]
        assert g.nodes[node]["status"] == table["status"][k]
    multi = sim.to_networkx(dating=True)
    assert multi.number_of_edges() == sim.friends.m + sim.dating.keys.size


def test_numeric_group_labels_sort_by_value():
    codes, labels = encode_groups(np.array(["10", "2", "1", "2"], dtype=object))
    assert labels == ["1", "2", "10"] and codes.tolist() == [2, 1, 0, 1]
    codes, labels = encode_groups(np.array(["b", "10", "a", "9"], dtype=object))
    assert labels == ["9", "10", "a", "b"]


def test_graph_reading_notes(tmp_path):
    p = tmp_path / "d.graphml"
    p.write_text('<graphml><graph edgedefault="directed"><node id="a"/><node id="b"/>'
                 '<edge source="a" target="b"/><edge source="b" target="a"/>'
                 '<edge source="a" target="a"/></graph></graphml>')
    g = read_graph(p)
    assert g.m == 1 and any("directed" in n for n in g.notes)
    assert any("1 self-loop" in n for n in g.notes) and any("1 repeated" in n for n in g.notes)
    assert math.isfinite(len(g.notes))


def test_attribute_type_is_the_narrowest_type_that_holds_every_value():
    # GraphML/GEXF declare one type per attribute: ints must stay ints for networkx
    # and Gephi, a mix with floats is double, anything else text.
    from models.io.graphfile import attribute_type, plain_values

    assert attribute_type(plain_values(np.array([1, 2, 10]))) == "long"
    assert attribute_type([True, False]) == "boolean"
    assert attribute_type([1, 2.5]) == "double"
    assert attribute_type(["g0", 1]) == "string"
