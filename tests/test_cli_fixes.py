"""A tester's findings on the landed CLI: table outputs by extension, option attribution,
SIGINT after the last run, ensemble sidecars, bounded summary intervals."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


@pytest.mark.parametrize("flag, name", [
    ("--metrics-out", "edges.txt"), ("--nodes-out", "notes.txt"),
    ("--people-out", "mysc2.toml"), ("--save-scenario", "s.txt"),
    ("--save-bundle", "b.zip"),
])
def test_a_table_output_of_another_kind_is_refused_and_the_file_kept(tmp_path, capsys,
                                                                      flag, name):
    target = tmp_path / name
    target.write_text("1 2\n2 3\n")
    assert main(["run", "karate", "--steps", "1", "--quiet", flag, str(target)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and flag in err and "must end in" in err
    assert target.read_text() == "1 2\n2 3\n"


def test_ensemble_table_output_is_checked_too(tmp_path, capsys):
    target = tmp_path / "edges.txt"
    target.write_text("1 2\n")
    assert main(["run", "karate", "--steps", "1", "--seeds", "2", "--workers", "1",
                 "--quiet", "--metrics-out", str(target)]) == 2
    assert "--metrics-out" in capsys.readouterr().err
    assert target.read_text() == "1 2\n"


@pytest.fixture(scope="module")
def dated_sim():
    from models import load_scenario
    from models.simulation import Simulation

    sim = Simulation(load_scenario("default", {"run.steps": 12, "dating.activity": 0.5}))
    sim.run()
    assert sim.dating.keys.size > 0 and sim.friends.m > 0
    return sim


def _friend_pairs(sim) -> set:
    ids = sim.person_table()["id"].tolist()
    return {frozenset((ids[a], ids[b])) for a, b in sim.friends.edges().tolist()}


@pytest.mark.parametrize("ext", [".gexf", ".graphml", ".gml"])
def test_reading_scorenet_network_export_gives_its_friendships_only(tmp_path, dated_sim, ext):
    import networkx as nx

    from models.io import read_graph
    from models.io.network_out import to_networkx, write_network

    path = tmp_path / f"g{ext}"
    if ext == ".gml":   # networkx's GML of the export (kind as an edge attribute)
        nx.write_gml(to_networkx(dated_sim, dating=True), path, stringizer=str)
    else:
        write_network(dated_sim, path)
    g = read_graph(path)
    ids = g.ids.tolist()
    got = {frozenset((ids[a], ids[b])) for a, b in g.edges.tolist()}
    assert got == _friend_pairs(dated_sim)
    dates = int(dated_sim.dating.keys.size)
    assert f"{dates:,} date edge" in "; ".join(g.notes)
    assert not any("undeclared" in n or "not declared" in n for n in g.notes), g.notes


def test_a_kind_attribute_of_other_values_keeps_every_edge(tmp_path):
    from models.io import read_graph

    p = tmp_path / "roads.graphml"
    p.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                 '<key id="k" for="edge" attr.name="kind" attr.type="string"/>'
                 '<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>'
                 '<edge source="a" target="b"><data key="k">date</data></edge>'
                 '<edge source="b" target="c"><data key="k">road</data></edge>'
                 "</graph></graphml>")
    assert read_graph(p).m == 2


@pytest.mark.parametrize("argv, start", [
    (["sweep", "default", "--steps", "-1", "--out", "{d}/a.csv"], "--steps: run.steps"),
    (["sweep", "default", "--set", "rubric.socal=1", "--out", "{d}/a.csv"], "--set: rubric.socal"),
    (["sweep", "default", "--seed", "-5", "--out", "{d}/a.csv"], "--seed: run.seed"),
    (["render", "default", "--compare", "rubric.socal=1", "--out", "{d}/x.png"],
     "--compare: rubric.socal"),
    (["render", "default", "--compare", "rubric.social=abc", "--out", "{d}/x.png"],
     "--compare: rubric.social"),
    (["render", "default", "--set", "rubric.socal=1", "--out", "{d}/x.png"], "--set: rubric.socal"),
    (["sweep", "default", "--vary", "rubric.socal=1,2", "--out", "{d}/a.csv"], "--vary"),
])
def test_a_bad_option_value_names_the_option_not_the_scenario_file(tmp_path, capsys, argv,
                                                                   start):
    assert main([a.format(d=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"scorenet: {start}"), err
    assert "default.toml" not in err and list(tmp_path.iterdir()) == []


def test_render_svg_is_the_same_bytes_twice(tmp_path):
    outs = [tmp_path / "a.svg", tmp_path / "b.svg"]
    for out in outs:
        assert main(["render", "karate", "--steps", "1", "--size", "320x180", "--quiet",
                     "--out", str(out)]) == 0
    a, b = (p.read_bytes() for p in outs)
    assert b"clip-path" in a and a == b


@pytest.mark.parametrize("ext", [".svg", ".pdf"])
def test_figure_export_is_the_same_bytes_twice(tmp_path, ext):
    from matplotlib.figure import Figure

    from app.window.export import export_figure

    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [1, 0, 1])
    ax.set_xlim(0.5, 1.5)   # a clip path
    paths = [export_figure(fig, tmp_path / f"{k}{ext}", annotations={"a": "b"})
             for k in range(2)]
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_an_interrupt_after_the_last_run_still_writes_the_results(tmp_path, monkeypatch,
                                                                  capsys):
    import models.sweeps as sweeps

    real, calls = sweeps.execute, []

    def interrupted_at_the_end(plan, **kw):
        calls.append(plan)
        outcome = real(plan, **kw)
        if len(calls) == 1:   # Ctrl+C just after the last run was kept
            raise KeyboardInterrupt
        return outcome

    monkeypatch.setattr(sweeps, "execute", interrupted_at_the_end)
    out = tmp_path / "s.csv"
    assert main(["sweep", "karate", "--steps", "2", "--seeds", "2", "--workers", "1",
                 "--quiet", "--out", str(out)]) == 0
    assert out.is_file() and len(out.read_text().splitlines()) == 1 + 2 * 3


def test_an_interrupt_before_the_last_run_keeps_the_runs_and_writes_nothing(tmp_path,
                                                                            monkeypatch):
    import models.sweeps as sweeps

    def interrupted(plan, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(sweeps, "execute", interrupted)
    out = tmp_path / "s.csv"
    assert main(["sweep", "karate", "--steps", "2", "--seeds", "2", "--workers", "1",
                 "--quiet", "--out", str(out)]) == 130
    assert not out.exists()


def test_an_ensemble_metrics_file_gets_the_meta_toml_a_single_run_gets(tmp_path):
    from models import load_scenario

    out = tmp_path / "m.csv"
    assert main(["run", "karate", "--steps", "2", "--seeds", "2", "--workers", "1",
                 "--quiet", "--metrics-out", str(out)]) == 0
    side = tmp_path / "m.csv.meta.toml"
    assert side.is_file() and "seeds 1, 2" in side.read_text()
    assert load_scenario(str(side))["run.steps"] == 2


def test_summary_bounds_stay_inside_each_bounded_metric_range(tmp_path):
    import csv
    import math

    ranges = {"gini": (0, 1), "restricted_share": (0, 1), "optout_share": (0, 1),
              "privileged_share": (0, 1), "isolated_share": (0, 1), "giant_share": (0, 1),
              "mean_score": (350, 950), "median_score": (350, 950),
              "assortativity": (-1, 1), "dating_assortativity": (-1, 1),
              "friend_ties": (0, math.inf), "dating_ties": (0, math.inf)}
    out, summary = tmp_path / "k.csv", tmp_path / "ks.csv"
    assert main(["sweep", "karate", "--steps", "10", "--seeds", "2", "--workers", "1",
                 "--quiet", "--out", str(out), "--summary-out", str(summary)]) == 0
    row = next(csv.DictReader(summary.open()))
    assert float(row["dating_assortativity_mean"]) > -1   # two seeds that differ
    for metric, (lo, hi) in ranges.items():
        low, mean, high = (float(row[f"{metric}_{p}"]) for p in ("low", "mean", "high"))
        assert lo <= low <= mean <= high <= hi, metric
    # Unbounded metrics keep the plain t interval (negative bounds are allowed there).
    assert float(row["group_gap_low"]) < 0 or float(row["degree_gap_low"]) < 0


@pytest.mark.parametrize("compare", [[], ["--compare", "rubric.social=0.4"]])
def test_render_reports_the_size_an_mp4_actually_has(tmp_path, capsys, compare):
    import imageio_ffmpeg

    out = tmp_path / "x.mp4"
    assert main(["render", "karate", "--steps", "1", "--size", "129x73", *compare,
                 "--out", str(out)]) == 0
    meta = next(imageio_ffmpeg.read_frames(str(out)))
    w, h = meta["size"]
    assert (w, h) == ((128, 72) if not compare else (258, 72))
    assert f"{w}x{h}" in capsys.readouterr().err


GRAPHML = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
GEXF = ('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">'
        '<nodes><node id="a"/><node id="b"/></nodes><edges>')


@pytest.mark.parametrize("name, text, words", [
    ("dup.gml", "graph [ node [ id 1 ] node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ] ]",
     ["node #2", "id 1"]),
    ("dup.graphml", GRAPHML + '<graph edgedefault="undirected"><node id="a"/><node id="b"/>'
     '<node id="a"/><edge source="a" target="b"/></graph></graphml>',
     ["node #3", "id 'a'", "already the id of an earlier node"]),
    ("dup.gexf", GEXF.replace('<node id="b"/>', '<node id="b"/><node id="b" label="again"/>')
     + '<edge source="a" target="b"/></edges></graph></gexf>',
     ["node #3", "id 'b'", "already the id of an earlier node"]),
    ("two.graphml", GRAPHML + '<graph edgedefault="undirected"><node id="a"/></graph>'
     '<graph edgedefault="undirected"><node id="b"/></graph></graphml>', ["second <graph>"]),
    ("w.gexf", GEXF + '<edge source="a" target="b" weight="abc"/></edges></graph></gexf>',
     ["edge #1", "weight 'abc'"]),
])
def test_odd_graph_files_are_refused_naming_file_and_element(tmp_path, name, text, words):
    from models.errors import ScenarioError
    from models.io import read_graph

    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(ScenarioError) as err:
        read_graph(p)
    msg = str(err.value)
    assert "\n" not in msg and str(p) in msg and all(w in msg for w in words), msg


@pytest.mark.parametrize("name, text, n, note", [
    ("u.gml", "graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 3 ] ]", 3,
     "1 person named by ties but not declared"),
    ("u.graphml", GRAPHML + '<graph edgedefault="undirected"><node id="a"/>'
     '<edge source="a" target="zz"/></graph></graphml>', 2,
     "1 person named by ties but not declared"),
    ("a.gexf", GEXF.replace('<node id="a"/>', '<node id="a"><attvalues><attvalue for="x" '
                            'value="1"/></attvalues></node>')
     + '<edge source="a" target="b" weight="2.5"/></edges></graph></gexf>', 2,
     "1 attvalue for undeclared attributes ('x') ignored"),
])
def test_odd_graph_files_that_are_read_say_so(tmp_path, name, text, n, note):
    from models.io import read_graph

    p = tmp_path / name
    p.write_text(text)
    g = read_graph(p)
    assert g.n == n and g.m == 1 and note in "; ".join(g.notes), g.notes


PROGRAM = '''import os


def main():
    print(os.getcwd())


if __name__ == "__main__":
    main()
'''


@pytest.mark.parametrize("name, text, words", [
    ("pipe.txt", "1|2\n2|3\n3|1\n", ["'|'"]),
    ("pipe2.txt", "1 | 2\n2 | 3\n", ["'|'"]),
    ("mixed.txt", "1 2 0.5\n2 3 abc\n", ["'0.5'", ".adj"]),
    ("prog.py", PROGRAM, ["program source"]),
    ("big.txt", "".join(f"{k}|{k + 1}\n" for k in range(2000)), ["'|'"]),
])
def test_text_that_is_no_graph_is_refused(tmp_path, name, text, words):
    from models.errors import ScenarioError
    from models.io import read_graph

    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(ScenarioError) as err:
        read_graph(p)
    msg = str(err.value)
    assert "\n" not in msg and all(w in msg for w in words), msg


@pytest.mark.parametrize("name, text, n, m, note", [
    ("people.txt", "ann\nbob\ncat\n", 3, 0, "no ties among the 3 people"),
    ("mixed.adj", "1 2 0.5\n2 3 abc\n", 5, 4, ""),          # named .adj: read as asked
    ("weights.txt", "1 2 0.5\n2 3 1.5\n", 3, 2, "columns after the second ignored"),
    ("names.txt", "ann bob cat\nbob dan\n", 4, 3, "adjacency"),
    ("calls.txt", "f(x) g(y)\ng(y) h(z)\n", 3, 2, ""),      # ids with brackets, no code
])
def test_legitimate_text_graphs_still_read(tmp_path, name, text, n, m, note):
    from models.io import read_graph

    p = tmp_path / name
    p.write_text(text)
    g = read_graph(p)
    assert (g.n, g.m) == (n, m) and note in "; ".join(g.notes), g.notes


def test_a_new_table_name_of_another_kind_is_refused_too(tmp_path, capsys):
    target = tmp_path / "new.txt"
    assert main(["run", "karate", "--steps", "1", "--quiet", "--nodes-out", str(target)]) == 2
    assert "--nodes-out: must end in .csv or .parquet" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("extra", [[], ["--set", "network.kind=file"],
                                   ["--set", "network.path=elsewhere.txt"]])
def test_graph_beside_a_set_network_kind_of_file_runs_on_that_graph(tmp_path, capsys, extra):
    graph = tmp_path / "ring.txt"
    graph.write_text("".join(f"{i} {(i + 1) % 7}\n" for i in range(7)))
    out = tmp_path / "m.csv"
    assert main(["run", "karate", "--steps", "1", "--quiet", "--graph", str(graph), *extra,
                 "--metrics-out", str(out)]) == 0, capsys.readouterr().err
    header, first = out.read_text().splitlines()[:2]
    row = dict(zip(header.split(","), first.split(",")))
    assert float(row["friend_ties"]) == 7.0   # the ring's, not karate's 78


def test_a_bad_set_value_beside_graph_is_still_named(tmp_path, capsys):
    graph = tmp_path / "ring.txt"
    graph.write_text("1 2\n2 3\n3 1\n")
    assert main(["run", "karate", "--steps", "1", "--quiet", "--graph", str(graph),
                 "--set", "network.kind=nonsense"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--set" in err and "nonsense" in err


def test_an_interrupt_counts_a_damaged_run_file_as_not_kept(tmp_path, monkeypatch, capsys):
    import models.sweeps as sweeps
    from app.cli.sweep import store_for

    out = tmp_path / "s.csv"
    args = ["sweep", "karate", "--steps", "2", "--seeds", "2", "--workers", "1", "--out",
            str(out)]
    assert main([*args, "--quiet"]) == 0
    files = sorted(store_for(out).glob("*.npz"))
    assert len(files) == 2
    files[0].write_bytes(b"")   # emptied: that run is computed again on a rerun

    def interrupted(plan, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(sweeps, "execute", interrupted)
    capsys.readouterr()
    assert main(args) == 130
    assert "1 of 2 runs kept" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_whose_reader_leaves_is_named_in_one_line(tmp_path, capsys):
    import os
    import threading
    import time

    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)

    def read_a_little():
        with open(fifo, "rb") as fh:   # blocks until the run opens the pipe
            fh.read(100)

    reader = threading.Thread(target=read_a_little, daemon=True)
    reader.start()
    time.sleep(0.2)   # the reader waits on the pipe before the run looks for one
    status = main(["run", "default", "--steps", "30", "--quiet", "--people-out", str(fifo)])
    reader.join(5)
    err = capsys.readouterr().err
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1 and "--people-out" in err \
        and "people.csv" in err
    assert fifo.is_fifo()   # the pipe itself is left in place
