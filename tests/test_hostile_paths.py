"""Hostile inputs from the second tester (paths, graphs that are not graphs, lessons),
through the models and the command in this process: one line naming the file and the
key, exit status 2, never an internal error.

NUL characters in every path a user gives; graphs of fewer than two people named by the
graph file; arrows, separators and Graphviz DOT read as people; odd GraphML, GEXF and
Pajek; lessons whose steps switch networks, fail while they run or repeat choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from models.errors import ScenarioError
from models.io.read import read_graph
from models.io.special import special_file_problem
from models.lesson_run import walk
from models.lessons import LessonError, load_lesson
from models.scenario import load_scenario

NUL_SCENARIO = 'schema_version = 1\n[population]\nsize = 50\n[network]\nkind = "file"\n' \
               'path = "a\\u0000b"\n'
OK = "schema_version = 1\n[run]\nsteps = 2\nseed = 1\n[population]\nsize = 50\n"
HEAD = ('[lesson]\ntitle = "T"\nminutes = 5\nscenario = "ok.toml"\nsources = ["s"]\n'
        'fiction = "f"\n')


def _refused(capsys, *argv: str) -> str:
    """The command's one line on stderr, after checking that it exits 2."""
    assert main(list(argv)) == 2
    lines = [ln for ln in capsys.readouterr().err.splitlines()
             if not ln.startswith(("building", "sweeping", "run "))]
    assert len(lines) == 1 and "internal error" not in lines[0], lines
    return lines[0]


# --------------------------------------------------------------- NUL in a path

def test_a_nul_in_a_path_is_named_not_an_internal_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "net_nul.toml").write_text(NUL_SCENARIO)
    (tmp_path / "ok.toml").write_text(OK)
    (tmp_path / "g.txt").write_text("1 2\n2 3\n")
    assert special_file_problem(Path("a\x00b")) == "contains a NUL character"
    with pytest.raises(ScenarioError) as err:
        load_scenario(tmp_path / "net_nul.toml")
    assert str(err.value).endswith("net_nul.toml: network.path: contains a NUL character")
    line = _refused(capsys, "run", "net_nul.toml", "--quiet")
    assert line == "scorenet: net_nul.toml: network.path: contains a NUL character"
    assert "--set: network.path: contains a NUL character" in _refused(
        capsys, "run", "ok.toml", "--quiet", "--set", 'network.kind="file"',
        "--set", 'network.path="a\\u0000b"')
    assert "network.path: contains a NUL character" in _refused(
        capsys, "sweep", "ok.toml", "--quiet", "--out", "o.csv", "--set",
        'network.kind="file"', "--vary", 'network.path="a\\u0000b","g.txt"')
    assert not (tmp_path / "o.csv").exists()
    for body, key in ((HEAD.replace('"ok.toml"', '"a\\u0000b"') + '[[step]]\ntitle = "a"\n'
                       'text = "b"\nrun = 1\n', "lesson: scenario"),
                      (HEAD + '[[step]]\ntitle = "a"\ntext = "b"\nrun = 1\nset = { '
                       '"network.kind" = "file", "network.path" = "a\\u0000b" }\n',
                       "step 1: set.network.path")):
        (tmp_path / "l.toml").write_text(body)
        with pytest.raises(LessonError) as err:
            load_lesson(tmp_path / "l.toml")
        assert key in str(err.value) and "contains a NUL character" in str(err.value)


# --------------------------------------------------------------- too few people

@pytest.mark.parametrize("text, name", [
    ("1 1\n", "self.txt"),
    (('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"/>'
      "</graph></graphml>"), "one.graphml"),
])
def test_a_graph_of_one_person_names_the_graph_file(tmp_path, monkeypatch, capsys, text,
                                                    name):
    from app.process.checks import read_graph_size

    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.toml").write_text(OK)
    (tmp_path / name).write_text(text)
    line = _refused(capsys, "run", "ok.toml", "--quiet", "--graph", name)
    assert line.startswith(f"scorenet: {tmp_path / name}: network.path: the graph has 1 "
                           "person"), line
    (tmp_path / "s.toml").write_text(OK + f'[network]\nkind = "file"\npath = "{name}"\n')
    line = _refused(capsys, "run", "s.toml", "--quiet")
    assert line.startswith(f"scorenet: {name}: network.path:") and "2 or more" in line
    with pytest.raises(ScenarioError, match=f"{name}: network.path: the graph has 1"):
        read_graph_size(None, str(tmp_path / name))   # what the app asks before accepting


# --------------------------------------------------------------- text that is no graph

@pytest.mark.parametrize("text, said", [
    ("alice -> bob\nbob -> carol\n", ("line 1: '->' in 'alice -> bob' is an arrow or "
                                      "separator, not a person")),
    ("a - b\n", "'-' in 'a - b'"),
    ("# ties\n\na -- b\n", "line 3: '--' in 'a -- b'"),
    ("1 : 2\n", "':' in '1 : 2'"),
    ("a\tb\nc\t->\n", "'->' in 'c\\t->'"),
    ("digraph {\na -> b\n}\n", "looks like Graphviz DOT ('digraph {'), which is not read"),
    ("graph G {\n  a -- b;\n}\n", "looks like Graphviz DOT ('graph G {')"),
    ("strict graph {\n a -- b\n}\n", "looks like Graphviz DOT"),
])
def test_arrows_separators_and_dot_are_not_people(tmp_path, text, said):
    p = tmp_path / "g.txt"
    p.write_text(text)
    with pytest.raises(ScenarioError) as err:
        read_graph(p)
    assert said in str(err.value), str(err.value)


def test_ids_with_dashes_and_colons_are_still_people(tmp_path):
    p = tmp_path / "g.txt"
    p.write_text('-1 2\na-b x:y\n-2 -1\n"->" q\ngraph 5\n')
    assert read_graph(p).ids.tolist() == ["-1", "2", "a-b", "x:y", "-2", "->", "q",
                                          "graph", "5"]
    p.write_text("source,target,time\na,b,-\nb,c,3\n")   # a dash in an ignored column
    assert read_graph(p).ids.tolist() == ["a", "b", "c"]


# --------------------------------------------------------------- odd GraphML, GEXF, Pajek

GEXF = ('<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>{attr}'
        '<nodes><node id="a"/><node id="b"/></nodes><edges><edge id="0" source="a" '
        'target="b"{weight}/></edges></graph></gexf>')
GRAPHML = ('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
           '<graph edgedefault="undirected"><node id="a"/><node id="b"/>{body}</graph>'
           '</graphml>')


@pytest.mark.parametrize("name, text, said", [
    ("w.gexf", GEXF.format(attr="", weight=' weight="heavy"'),
     "edge #1 ('a' to 'b'): weight 'heavy' is not a number"),
    ("t.gexf", GEXF.format(attr='<attributes class="node"><attribute id="0" title="group" '
                                'type="wibble"/></attributes>', weight=""),
     "the group attribute's type 'wibble' is not a GraphML or GEXF type"),
    ("t.graphml", GRAPHML.replace("<graph ", '<key id="g" for="node" attr.name="group" '
                                            'attr.type="wibble"/><graph ').format(body=""),
     "type 'wibble' is not a GraphML or GEXF type"),
    ("h.graphml", GRAPHML.format(body='<hyperedge><endpoint node="a"/><endpoint node="b"/>'
                                      "</hyperedge>"), "a GraphML <hyperedge>"),
    ("q.net", '*Vertices 2\n1 "a b\n2 "b"\n*Edges\n1 2\n',
     "line 2: the label of vertex 1 opens a quote that is not closed"),
])
def test_odd_graph_files_are_refused_naming_what_is_wrong(tmp_path, name, text, said):
    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(ScenarioError) as err:
        read_graph(p)
    assert said in str(err.value), str(err.value)


def test_a_nan_or_infinite_weight_is_ignored_in_every_format(tmp_path):
    """Ties have no weights in ScoreNet: a NaN or infinite one (a float in every format's
    syntax) is read the same everywhere, the tie kept, rather than refused in some."""
    files = {
        "w.gexf": GEXF.format(attr="", weight=' weight="NaN"'),
        "i.gexf": GEXF.format(attr="", weight=' weight="-INF"'),
        "w.graphml": GRAPHML.replace("<graph ", '<key id="w" for="edge" attr.name="weight" '
                                                'attr.type="double"/><graph ').format(
            body='<edge source="a" target="b"><data key="w">NaN</data></edge>'),
        "w.gml": "graph [\n node [ id 0 label \"a\" ]\n node [ id 1 label \"b\" ]\n"
                 " edge [ source 0 target 1 weight NAN ]\n]\n",
        "w.net": '*Vertices 2\n1 "a"\n2 "b"\n*Edges\n1 2 nan\n',
        "w.txt": "a b nan\n",
        "w.csv": "source,target,weight\na,b,inf\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        g = read_graph(tmp_path / name)
        assert (g.n, g.m, sorted(map(str, g.ids))) == (2, 1, ["a", "b"]), name


def test_people_without_ties_get_the_same_note_in_every_format(tmp_path):
    files = {"n.graphml": GRAPHML.format(body=""), "n.txt": "a\nb\n",
             "n.net": "*Vertices 2\n1 a\n2 b\n*Edges\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        notes = read_graph(tmp_path / name).notes
        assert any(n.startswith("no ties among the 2 people") for n in notes), (name, notes)
    good = tmp_path / "good.gexf"
    good.write_text(GEXF.format(attr="", weight=' weight="2.5"'))
    assert read_graph(good).m == 1 and not read_graph(good).notes


# --------------------------------------------------------------- lessons

def _lesson(tmp_path: Path, steps: str, head: str = HEAD) -> Path:
    (tmp_path / "ok.toml").write_text(OK)
    (tmp_path / "three.txt").write_text("1 2\n2 3\n3 1\n")
    (tmp_path / "arrow.txt").write_text("alice -> bob\n")
    p = tmp_path / "l.toml"
    p.write_text(head + steps)
    return p


FILE_STEP = ('[[step]]\ntitle = "a"\ntext = "b"\nrun = 1\nreset = true\n'
             'set = {{ "network.kind" = "file", "network.path" = "{path}" }}\n')
STEP = '[[step]]\ntitle = "c"\ntext = "d"\nrun = 1\n'


@pytest.mark.parametrize("steps, said", [
    (FILE_STEP.format(path="three.txt") + STEP + "scam = 5\n",
     "step 2: scam: person 5 does not exist: the network has 3 people (0 to 2)"),
    (FILE_STEP.format(path="three.txt") + STEP + "highlight = { person = 3 }\n",
     "step 2: highlight.person: person 3 does not exist: the network has 3 people"),
    (FILE_STEP.format(path="/dev/zero"),
     "step 1: set.network.path: /dev/zero: is a device, not a regular file"),
    (STEP + "until = { metric = \"restricted_share\", above = nan }\n",
     "step 1: until: the bound must be a finite number, got nan"),
    (STEP + 'predict = { question = "q", choices = ["yes", "no", "Yes"] }\n',
     "step 1: predict.choices: 'Yes' is given twice; the choices must differ"),
    ('[[step]]\ntitle = "a"\ntext = "b"\nscenario = "l.toml"\n',
     "step 1: scenario: "),
])
def test_a_lesson_is_checked_against_the_network_of_each_step(tmp_path, steps, said):
    with pytest.raises(LessonError) as err:
        load_lesson(_lesson(tmp_path, steps))
    assert str(err.value).startswith(str(tmp_path / "l.toml")), str(err.value)
    assert said in str(err.value), str(err.value)


def test_a_lesson_file_used_as_a_scenario_is_called_a_lesson(tmp_path, capsys):
    p = _lesson(tmp_path, STEP)
    with pytest.raises(LessonError, match="l.toml: a lesson, not a scenario"):
        load_lesson(_lesson(tmp_path, STEP, HEAD.replace("ok.toml", "l.toml")))
    line = _refused(capsys, "run", str(p), "--quiet")
    assert line == f"scorenet: {p}: a lesson, not a scenario (open it with scorenet gui " \
                   "--lesson FILE)"


def test_a_step_that_fails_while_it_runs_names_the_lesson_and_the_step(tmp_path):
    lesson = load_lesson(_lesson(tmp_path, STEP + FILE_STEP.format(path="arrow.txt")))
    with pytest.raises(LessonError) as err:
        walk(lesson)
    assert str(err.value).startswith(f"{tmp_path / 'l.toml'}: step 2: "), str(err.value)
    assert "arrow.txt: network.path: line 1: '->'" in str(err.value)
    ok = load_lesson(_lesson(tmp_path, STEP + FILE_STEP.format(path="three.txt")
                             + STEP + "scam = 2\n"))
    assert [o.months for o in walk(ok)] == [1, 1, 1]


def test_a_graph_file_a_step_sets_is_found_next_to_the_lesson(tmp_path):
    lesson = load_lesson(_lesson(tmp_path, FILE_STEP.format(path="three.txt") + STEP
                                 + "scam = 2\n", HEAD.replace('"ok.toml"', '"karate"')))
    assert lesson.steps[0].changes["network.path"] == str(tmp_path / "three.txt")
    assert [o.months for o in walk(lesson)] == [1, 1]


@pytest.mark.parametrize("argv, option", [
    (["run", "karate", "--quiet", "--metrics-out", "a\x00b.csv"], "--metrics-out"),
    (["run", "karate", "--quiet", "--save-scenario=a\x00b.toml"], "--save-scenario"),
    (["run", "karate", "--quiet", "--graph", "a\x00b"], "--graph"),
    (["sweep", "karate", "--quiet", "--out", "a\x00b.csv"], "--out"),
    (["lessons", "--worksheet", "who_decides", "-o", "a\x00b.md"], "-o"),
    (["run", "a\x00b.toml"], "a\\x00b.toml"),
])
def test_a_nul_in_any_argument_names_the_option(tmp_path, monkeypatch, capsys, argv,
                                               option):
    monkeypatch.chdir(tmp_path)
    assert _refused(capsys, *argv) == f"scorenet: {option}: contains a NUL character"
    assert not list(tmp_path.iterdir())
