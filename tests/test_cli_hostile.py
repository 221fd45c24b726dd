"""Hostile inputs through the real command (a child process under memory and CPU limits):
exit status, one line on stderr, inputs untouched, no temporary files left behind.

Each test is a class of problems; the cases are examples, chosen to differ in kind.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.hostile import (ROOT, assert_one_line_refusal, child_env, limits, scorenet,
                           snapshot, temp_files)

SCENARIO = """schema_version = 1
[about]
name = "tiny"
[run]
steps = 2
[population]
size = 60
[network]
kind = "file"
path = "g.txt"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "g.txt").write_text("".join(f"{i} {(i + 1) % 60}\n{i} {(i + 7) % 60}\n"
                                            for i in range(60)))
    (tmp_path / "s.toml").write_text(SCENARIO)
    (tmp_path / "sub").mkdir()
    return tmp_path


# --------------------------------------------------------------- outputs that are inputs

@pytest.mark.parametrize("flag, target", [
    ("--metrics-out", "s.toml"),
    ("--nodes-out", "g.txt"),
    ("--people-out", "./sub/../g.txt"),
    ("--save-scenario", "s.toml"),
    ("--metrics-out", "link-to-scenario"),
    ("--graph-out", "HARDLINK"),
    ("--metrics-out", "s"),            # its sidecar s.meta.toml is the scenario
])
def test_an_output_that_is_an_input_is_refused_before_the_run(folder, flag, target):
    os.symlink(folder / "s.toml", folder / "link-to-scenario")
    scenario = "s.toml"
    if target == "s":
        os.rename(folder / "s.toml", folder / "s.meta.toml")
        scenario = "s.meta.toml"
    if target == "HARDLINK":
        (folder / "g.gexf").write_bytes(b"")
        os.unlink(folder / "g.gexf")
        os.link(folder / "g.txt", folder / "same.gexf")
        target = "same.gexf"
    before = snapshot(folder)
    r = scorenet("run", scenario, flag, target, cwd=folder)
    assert_one_line_refusal(r, flag)
    assert "building" not in r.err     # refused before the simulation was built
    assert snapshot(folder) == before and not temp_files(folder)


def test_two_outputs_naming_one_file_are_refused(folder):
    before = snapshot(folder)
    r = scorenet("run", "s.toml", "--metrics-out", "x.csv", "--people-out", "sub/../x.csv",
                 cwd=folder)
    assert_one_line_refusal(r, "same file")
    assert snapshot(folder) == before


# --------------------------------------------------------------- outputs checked first

@pytest.mark.parametrize("flag, path, words", [
    ("--metrics-out", "no/such/folder/m.csv", ["no such folder"]),
    ("--nodes-out", "out.csv/", ["folder"]),
    ("--people-out", "sub/", ["folder"]),
    ("--metrics-out", "sub", ["directory"]),
    ("--metrics-out", "n" * 256 + ".csv", ["too long"]),
    ("--metrics-out", "n" * 250 + ".csv", ["too long", "sidecar"]),
    ("--metrics-out", "/proc/self/status", []),
    ("--nodes-out", "/proc/version.csv", []),
    ("--people-out", "/sys/scorenet.csv", []),
    ("--graph-out", "net.txt", [".gexf or .graphml"]),
    ("--timeline-out", "t.graphml", [".gexf"]),
    ("--metrics-out", "loop", ["symbolic links"]),
    ("--metrics-out", "fifo", ["pipe"]),
    ("--metrics-out", "", ["needs a file name"]),
])
def test_bad_output_paths_are_refused_before_step_one(folder, flag, path, words):
    os.symlink("loop", folder / "loop")
    os.mkfifo(folder / "fifo")
    before = snapshot(folder)
    r = scorenet("run", "s.toml", flag, path, cwd=folder, timeout=60)
    assert_one_line_refusal(r, *words)
    assert "building" not in r.err
    assert snapshot(folder) == before and not temp_files(folder)


def test_a_long_name_whose_temporary_name_would_not_fit_still_works(folder):
    name = "m" * 240 + ".csv"      # fits NAME_MAX (255) with ".meta.toml"; a temporary
    # name made as ".{name}.XXXXXXXX.tmp" would not
    r = scorenet("run", "s.toml", "--quiet", "--metrics-out", name, cwd=folder)
    assert r.rc == 0, r.err
    assert (folder / name).is_file() and not temp_files(folder)


# --------------------------------------------------------------- signals

def _handler_installed(pid: int, signum: int) -> bool:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(next(line.split()[1] for line in text.splitlines()
                      if line.startswith("SigCgt:")), 16)
    return bool(caught >> (signum - 1) & 1)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("delay", [0.0, 1.2])
def test_a_signal_at_any_moment_keeps_the_old_file_and_leaves_no_temp(folder, signum, delay):
    (folder / "m.csv").write_text("previous\n")
    (folder / "p.csv").write_text("previous people\n")
    before = snapshot(folder)
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "run", "default", "--steps", "100000", "--quiet",
         "--metrics-out", "m.csv", "--people-out", "p.csv", "--timeline-out", "t.gexf"],
        cwd=folder, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=limits())
    deadline = time.monotonic() + 30
    # Python catches SIGINT from its first instant; ScoreNet's own handlers (SIGINT and
    # SIGTERM together) are in place once SIGTERM is caught.
    while not _handler_installed(proc.pid, signal.SIGTERM) and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(delay)   # start-up (imports, building) or the run itself
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert ("terminated" if signum == signal.SIGTERM else "interrupted") in err
    assert snapshot(folder) == before and not temp_files(folder)


# --------------------------------------------------------------- special files as inputs

@pytest.mark.parametrize("which", ["scenario", "--graph"])
@pytest.mark.parametrize("name, words", [
    ("fifo", ["pipe"]), ("loop", ["loop"]), ("sub", ["directory"]),
    ("/dev/zero", ["device"]), ("dangling", ["broken symbolic link"]),
])
def test_special_files_as_inputs_are_named_in_one_line(folder, which, name, words):
    os.mkfifo(folder / "fifo")
    os.symlink("loop", folder / "loop")
    os.symlink("nowhere", folder / "dangling")
    before = snapshot(folder)
    args = [name] if which == "scenario" else ["s.toml", "--graph", name]
    r = scorenet("run", *args, "--steps", "1", cwd=folder, timeout=60)
    assert_one_line_refusal(r, *words)
    assert Path(name).name in r.err
    assert snapshot(folder) == before


# --------------------------------------------------------------- huge inputs, bounded

def test_a_huge_scenario_is_refused_without_reading_it(folder):
    big = folder / "big.toml"
    with open(big, "wb") as fh:
        fh.write(b"# a scenario?\n")
        fh.truncate(3 << 30)          # 3 GB, sparse: costs no disk
    r = scorenet("run", "big.toml", cwd=folder, memory_mb=450, cpu=20)
    assert_one_line_refusal(r, "big.toml", "small")


@pytest.mark.parametrize("filler", [b"   \t\r\n\n", b"# nothing here, only comments\n\n"])
def test_a_large_blank_or_comment_only_graph_is_refused_in_bounded_memory(folder, filler):
    g = folder / "blank.txt"
    size = 200 << 20     # held whole, with a stripped copy, it would not fit the limit
    with open(g, "wb") as fh:
        block = filler * ((1 << 20) // len(filler))
        for _ in range(size // len(block)):
            fh.write(block)
    r = scorenet("run", "s.toml", "--graph", "blank.txt", "--quiet", cwd=folder, cpu=30)
    assert_one_line_refusal(r, "blank.txt", "blank lines and comments")


@pytest.mark.parametrize("unit", [b"a", b"12 34 ", b"x,\"y\","])
def test_one_enormous_line_costs_no_multiple_of_its_size(folder, unit):
    g = folder / "line.txt"
    with open(g, "wb") as fh:
        fh.write(b"1 2\n")
        block = unit * ((1 << 20) // len(unit))
        for _ in range(100):          # a 100 MB line: 11 copies would be 1.1 GB
            fh.write(block)
    r = scorenet("run", "s.toml", "--graph", "line.txt", "--quiet", cwd=folder, cpu=30)
    assert_one_line_refusal(r, "line.txt", "line 2")


def test_a_generated_network_of_tens_of_millions_of_ties_is_refused_at_once(folder):
    r = scorenet("run", "default", "--set", "population.size=5000000",
                 "--set", "network.mean_degree=12", cwd=folder, memory_mb=450, cpu=15)
    assert_one_line_refusal(r, "network.mean_degree", "--set", "30,000,000")


# --------------------------------------------------------------- the right culprit

def test_a_bad_graph_file_is_named_not_the_scenario_or_preset(folder):
    (folder / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    r = scorenet("run", "facebook", "--graph", "bad.txt", "--steps", "1", "--quiet", cwd=folder)
    assert_one_line_refusal(r, "bad.txt", "network.path")
    assert "facebook.toml" not in r.err
    (folder / "s.toml").write_text(SCENARIO.replace("g.txt", "bad.txt"))
    r = scorenet("run", "s.toml", "--steps", "1", "--quiet", cwd=folder)
    assert_one_line_refusal(r, "bad.txt")
    assert not r.lines[0].startswith(f"scorenet: {folder / 's.toml'}")


@pytest.mark.parametrize("args, words, absent", [
    (["--set", "rubric.social=-1"], ["--set: rubric.social", ">= 0"], ["s.toml"]),
    (["--set", "run.seed=1e300"], ["--set: run.seed", "9223372036854775807", "1e+300"],
     ["e+18"]),
    (["--set", "run.seed=" + "9" * 400], ["--set: run.seed", "400 digits"], ["9" * 50]),
    (["--set", "run.sed=3"], ["--set: run.sed", "run.seed"], []),
    (["--steps", "-4"], ["--steps: run.steps", ">= 0"], []),
    (["--set", "network.path=missing.txt"], ["--set", "missing.txt", "not found"], []),
])
def test_messages_name_the_option_and_write_numbers_as_given(folder, args, words, absent):
    r = scorenet("run", "s.toml", *args, cwd=folder)
    assert_one_line_refusal(r, *words)
    for w in absent:
        assert w not in r.err, r.err


def test_set_network_path_resolves_from_the_current_folder(folder):
    (folder / "sub" / "s.toml").write_text(SCENARIO.replace('"g.txt"', '"../g.txt"'))
    r = scorenet("run", "sub/s.toml", "--set", "network.path=g.txt", "--quiet", cwd=folder)
    assert r.rc == 0, r.err          # g.txt from here, not sub/g.txt
    r = scorenet("run", "sub/s.toml", "--quiet", cwd=folder)
    assert r.rc == 0, r.err          # ../g.txt from the scenario's folder


# --------------------------------------------------------------- text from files

def test_text_from_files_is_escaped_and_shortened(folder):
    name = "\\u001b[2J\\u001b]0;owned\\u0007" + "x" * 5000
    (folder / "s.toml").write_text(SCENARIO.replace('name = "tiny"', f'name = "{name}"'))
    r = scorenet("run", "s.toml", cwd=folder)
    assert r.rc == 0, r.err
    assert "\x1b" not in r.out + r.err and "\x07" not in r.out + r.err
    assert max(len(line) for line in (r.out + r.err).splitlines()) < 300
    (folder / "s.toml").write_text(SCENARIO.replace('kind = "file"', 'kind = "\\u001b[31m"'))
    r = scorenet("run", "s.toml", cwd=folder)
    assert_one_line_refusal(r, "network.kind")
    assert "\x1b" not in r.err


@pytest.mark.parametrize("version", ["0", "-3", "2", "99999999999999999999"])
def test_schema_versions_that_never_existed_are_refused(folder, version):
    (folder / "s.toml").write_text(SCENARIO.replace("schema_version = 1",
                                                    f"schema_version = {version}"))
    assert_one_line_refusal(scorenet("run", "s.toml", cwd=folder), "schema_version")


# --------------------------------------------------------------- not a graph at all

def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


NOT_GRAPHS = {
    "scenario.txt": (SCENARIO.encode(), ["TOML"]),
    "people.csv": (b"id,group,opted_out,score,history\n0,g0,false,612.5,0.9\n"
                   b"1,g1,true,580.0,0.5\n", ["table", "'id', 'group'"]),
    "metrics.csv": (b"step,mean_score,median_score,gini\n0,600.1,601.0,0.1\n"
                    b"1,599.0,600.2,0.1\n", ["table"]),
    "numbers.csv": (b"0.5,0.25,1\n0.75,0.5,2\n", ["numbers"]),
    "sheet.xlsx": (_xlsx(), ["ZIP", "spreadsheet"]),
    "graph.json": (json.dumps({"nodes": [{"id": 1}], "links": []}).encode(), ["JSON"]),
    "arcs.net": (b"*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Arcs\n1 2\n2 3\n", ["Arcs"]),
    "edges.txt.gz": (gzip.compress(b"1 2\n2 3\n"), ["gzip"]),
    "table.parquet": (b"PAR1" + bytes(64) + b"PAR1", ["Parquet"]),
    "page.graphml": (b"<!DOCTYPE html><html><body>hi</body></html>", ["html"]),
    "words.graphml": (b"hello world\n", ["not XML"]),
}


@pytest.mark.parametrize("name", sorted(NOT_GRAPHS))
def test_files_that_are_no_graph_are_refused_saying_what_they_look_like(folder, name):
    content, words = NOT_GRAPHS[name]
    (folder / name).write_bytes(content)
    before = snapshot(folder)
    r = scorenet("run", "s.toml", "--graph", name, "--quiet", cwd=folder)
    assert_one_line_refusal(r, name, "network.path", *words)
    assert snapshot(folder) == before


def test_what_reading_changed_is_noted_in_one_line(folder):
    (folder / "d.graphml").write_text(
        '<graphml><graph edgedefault="directed">'
        + "".join(f'<node id="n{i}"/>' for i in range(5))
        + '<edge source="n0" target="n1"/><edge source="n1" target="n0"/>'
          '<edge source="n2" target="n2"/><edge source="n3" target="n4"/></graph></graphml>')
    r = scorenet("run", "s.toml", "--graph", "d.graphml", "--quiet", "--steps", "1",
                 "--metrics-out", "m.csv", cwd=folder)
    assert r.rc == 0 and len(r.lines) == 1, r.err
    assert "note" in r.err and "d.graphml" in r.err
    for w in ("directed", "1 self-loop", "1 repeated"):
        assert w in r.err


def test_an_internal_error_is_one_line_with_a_log(folder):
    code = ("import sys, app.cli.run as r\n"
            "def boom(args): raise IndexError('injected')\n"
            "r.run = boom\n"
            "sys.exit(__import__('app.cli', fromlist=['main']).main())")
    proc = subprocess.run([sys.executable, "-c", code, "run", "karate"], cwd=folder,
                          env=child_env(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 70 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "internal error, please report" in proc.stderr and "IndexError" in proc.stderr
    log = Path(proc.stderr.split("details in ")[1].split(")")[0])
    assert "Traceback" in log.read_text() and "injected" in log.read_text()
    log.unlink()


def test_the_help_documents_how_files_are_read():
    proc = subprocess.run([sys.executable, "-m", "app.cli", "run", "--help"], cwd=ROOT,
                          env=child_env(), capture_output=True, text=True, timeout=60)
    for w in ("self-loops", "merged", "isolated", "mutual", "Pajek", "--graph-out",
              "--timeline-out", "--people-out", "meta.toml"):
        assert w in proc.stdout, w
