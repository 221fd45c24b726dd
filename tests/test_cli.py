"""`scorenet run`: outputs, determinism, overrides, user errors and no Qt on import."""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from models.history import METRIC_COLUMNS, NODE_COLUMNS


def run(*argv: str) -> int:
    return main(list(argv))


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_summary_goes_to_stdout(capsys):
    assert run("run", "karate", "--steps", "3", "--quiet") == 0
    out = capsys.readouterr().out
    assert "karate: 34 people, 3 steps, seed 1" in out
    assert "assortativity" in out


def test_metrics_and_nodes_csv(tmp_path):
    m, n = tmp_path / "m.csv", tmp_path / "n.csv"
    assert run("run", "karate", "--steps", "5", "--quiet", "--metrics-out", str(m),
               "--nodes-out", str(n)) == 0
    rows = read_csv(m)
    assert [int(r["step"]) for r in rows] == list(range(6))
    assert list(rows[0]) == list(METRIC_COLUMNS)
    people = read_csv(n)
    assert list(people[0]) == list(NODE_COLUMNS)
    assert len(people) == 34
    assert {p["status"] for p in people} <= {"restricted", "normal", "privileged"}
    assert {p["group"] for p in people} == {"Mr. Hi", "Officer"}
    for p in people:
        assert 350 <= float(p["score"]) <= 950


def test_numbers_read_back_exactly(tmp_path):
    from models import load_scenario
    from models.simulation import Simulation

    m = tmp_path / "m.csv"
    run("run", "karate", "--steps", "4", "--quiet", "--metrics-out", str(m))
    sim = Simulation(load_scenario("karate", {"run.steps": 4}))
    sim.run()
    rows = read_csv(m)
    for col in ("mean_score", "gini", "assortativity", "modularity"):
        ours = sim.history[col]
        theirs = [float(r[col]) for r in rows]
        for a, b in zip(ours, theirs):
            assert (math.isnan(a) and math.isnan(b)) or a == b


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    a, b, c = (tmp_path / f"{x}.csv" for x in "abc")
    for out, seed in ((a, "7"), (b, "7"), (c, "8")):
        assert run("run", "default", "--steps", "12", "--seed", seed, "--quiet",
                   "--metrics-out", str(out)) == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_set_equals_toml(tmp_path):
    toml = tmp_path / "s.toml"
    toml.write_text('[about]\nname = "x"\n[run]\nsteps = 6\n[rubric]\nsocial = 0.4\n'
                    '[dating]\ndisplay_scores = false\n[network]\nkind = "karate"\n')
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("run", str(toml), "--quiet", "--metrics-out", str(a)) == 0
    assert run("run", "karate", "--steps", "6", "--seed", "1", "--set", "rubric.social=0.4",
               "--set", "dating.display_scores=false", "--set", "dating.activity=0.1",
               "--quiet", "--metrics-out", str(b)) == 0
    assert a.read_bytes() == b.read_bytes()


def test_graph_option(tmp_path, facebook_path):
    edges = tmp_path / "tiny.txt"
    edges.write_text("# a tiny graph\na b\nb c\nc a\nc d\n")
    n = tmp_path / "n.csv"
    assert run("run", "--graph", str(edges), "--steps", "2", "--quiet", "--nodes-out", str(n)) == 0
    assert sorted(p["id"] for p in read_csv(n)) == ["a", "b", "c", "d"]


@pytest.mark.parametrize("argv, words", [
    (["run", "no-such-preset"], "no such file or preset"),
    (["run", "karate", "--set", "rubric.social=-1"], "rubric.social: must be >= 0"),
    (["run", "karate", "--set", "rubric.nope=1"], "rubric.nope: unknown key"),
    (["run", "karate", "--set", "social"], "expected KEY=VALUE"),
    (["run", "karate", "--set", "perks.privileged_at=2000"], "perks.privileged_at"),
])
def test_user_errors_exit_2_with_one_line(capsys, argv, words):
    assert run(*argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("scorenet: ")
    assert words in err
    assert "Traceback" not in err


def test_unwritable_output_is_a_user_error(capsys, tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "m.csv"
    assert run("run", "karate", "--steps", "1", "--quiet", "--metrics-out", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_graph_file_exit_2_subprocess(tmp_path):
    bad = tmp_path / "bad.graphml"
    bad.write_bytes(b"<?xml version='1.0'?><graphml><graph><node id='a'/>")
    proc = subprocess.run([sys.executable, "-m", "app.cli", "run", "--graph", str(bad),
                           "--steps", "1"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 or len(lines) == 1  # "building..." may not appear before the error
    assert "bad.graphml" in lines[-1] and "network.path" in lines[-1]
    assert "Traceback" not in proc.stderr


def test_run_does_not_import_qt():
    # igraph imports matplotlib.pyplot itself when it is installed (for its drawing
    # module), but that loads no Qt binding.
    code = ("import sys, app.cli; rc = app.cli.main(['run', 'karate', '--steps', '2', '--quiet']);"
            "bad = [m for m in ('PySide6', 'shiboken6', 'app.window.start', 'matplotlib.backends.backend_qtagg') if m in sys.modules];"
            "print(bad); sys.exit(rc or bool(bad))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml><graph><node id="&lol3;"/></graph></graphml>"""


@pytest.mark.parametrize("name, content", [
    ("truncated.graphml", b"<?xml version='1.0'?><graphml><graph edgedefault='undirected'>"
                          b"<node id='a'/><node id='b'/><edge source='a' tar"),
    ("bomb.graphml", BOMB),
    ("bomb.gexf", BOMB.replace(b"graphml", b"gexf")),
    ("junk.txt", bytes(range(256)) * 8),
    ("junk.gml", b"\x89PNG\r\n\x1a\n" + bytes(100)),
    ("empty.txt", b""),
    ("comments.csv", b"# nothing here\n# at all\n"),
    ("nonodes.graphml", b"<?xml version='1.0'?><graphml><graph edgedefault='undirected'>"
                        b"</graph></graphml>"),
    ("latin1.txt", "caf\xe9 b\n".encode("latin-1")),
    ("bad.gml", b"graph [ node [ id 1 ] edge [ source 1 target ] "),
])
def test_hostile_graph_files_exit_2_with_one_line(capsys, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert run("run", "--graph", str(path), "--steps", "1", "--quiet") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert name in err and "network.path" in err and "Traceback" not in err
