"""Outputs of ``sweep``, ``render`` and ``lessons`` checked as ``scorenet run`` checks its
own (one helper, :func:`app.cli.outputs.check_paths`): never over an input, the option
named in every refusal; and the smaller CLI findings of the hostile-input review."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from app.cli import main
from tests.hostile import assert_one_line_refusal, scorenet

EDGES = "a,b\nb,c\nc,d\nd,a\na,c\n"
OK = "schema_version = 1\n[run]\nsteps = 2\nseed = 1\n[population]\nsize = 50\n"
VARY = ["--vary", "rubric.social=0,0.1", "--quiet"]


def _refused(capsys, argv, *words) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("scorenet: "), err
    for w in words:
        assert w in err, (w, err)
    return err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.toml").write_text(OK)
    (tmp_path / "edges.csv").write_text(EDGES)
    (tmp_path / "net.toml").write_text(OK + '[network]\nkind = "file"\npath = "edges.csv"\n')
    return tmp_path


@pytest.mark.parametrize("argv", [
    ["sweep", "ok.toml", "--graph", "edges.csv", *VARY, "--out", "edges.csv"],
    ["sweep", "ok.toml", "--graph", "edges.csv", *VARY, "--out", "s.csv",
     "--summary-out", "edges.csv"],
    ["sweep", "net.toml", *VARY, "--out", "edges.csv"],
    ["sweep", "ok.toml", "--set", "network.kind=file", "--vary", "network.path=edges.csv",
     "--out", "edges.csv", "--quiet"],
])
def test_sweep_refuses_to_overwrite_its_graph(folder, capsys, argv):
    _refused(capsys, argv, "is also the graph file", "refusing to overwrite")
    assert (folder / "edges.csv").read_text() == EDGES


def test_sweep_refuses_a_results_file_whose_sidecar_is_the_scenario(folder, capsys):
    assert main(["run", "ok.toml", "--metrics-out", "r1.csv", "--quiet"]) == 0
    sidecar = (folder / "r1.csv.meta.toml").read_bytes()
    _refused(capsys, ["sweep", "r1.csv.meta.toml", *VARY, "--out", "r1.csv"],
             "--out", "its sidecar is also the scenario file")
    assert (folder / "r1.csv.meta.toml").read_bytes() == sidecar


@pytest.mark.parametrize("scenario, extra", [("ok.toml", ["--graph", "graph.png"]),
                                             ("png.toml", [])])
def test_render_refuses_to_overwrite_its_graph(folder, capsys, scenario, extra):
    (folder / "graph.png").write_text(EDGES)   # a graph is read by its content
    (folder / "png.toml").write_text(OK + '[network]\nkind = "file"\npath = "graph.png"\n')
    _refused(capsys, ["render", scenario, *extra, "--steps", "1", "--out", "graph.png",
                      "--size", "64x64", "--quiet"], "--out", "is also the graph file")
    assert (folder / "graph.png").read_text() == EDGES


@pytest.mark.parametrize("out", ["pics/", "pics"])
def test_render_into_a_folder_says_so(folder, capsys, out):
    (folder / "pics").mkdir()
    err = _refused(capsys, ["render", "ok.toml", "--out", out], "--out")
    assert "folder" in err or "directory" in err, err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_names_the_worksheet_option(folder, capsys):
    from models.lessons import lesson_names

    _refused(capsys, ["lessons", "--worksheet", lesson_names()[0], "-o", "/dev/full"],
             "/dev/full: --output: ")


def test_an_unwritable_output_names_its_option(folder, capsys):
    (folder / "locked").mkdir()
    (folder / "locked").chmod(0o500)
    try:
        if os.access(folder / "locked", os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        _refused(capsys, ["run", "ok.toml", "--metrics-out", "locked/m.csv"], "--metrics-out")
        _refused(capsys, ["sweep", "ok.toml", *VARY, "--out", "locked/s.csv"], "--out")
    finally:
        (folder / "locked").chmod(0o700)


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs /sys")
def test_a_pseudo_file_system_output_names_its_option(folder, capsys):
    _refused(capsys, ["run", "ok.toml", "--metrics-out", "/sys/m.csv"],
             "/sys/m.csv: --metrics-out: ")


def test_seeds_past_the_largest_seed_name_the_file_and_option(folder, capsys):
    (folder / "big.toml").write_text(OK.replace("seed = 1", "seed = 9223372036854775807"))
    _refused(capsys, ["run", "big.toml", "--seeds", "3", "--quiet"], "--seeds", "big.toml")


def test_vary_and_set_of_one_key_is_refused(folder, capsys):
    _refused(capsys, ["sweep", "ok.toml", *VARY, "--set", "rubric.social=0.5",
                      "--out", "s.csv"], "--set rubric.social", "--vary")


def test_vary_network_path_gives_the_path_that_set_kind_needs(folder, capsys):
    (folder / "e2.csv").write_text(EDGES + "e,a\n")
    assert main(["sweep", "ok.toml", "--set", "network.kind=file", "--vary",
                 "network.path=edges.csv,e2.csv", "--out", "s.csv", "--quiet"]) == 0
    rows = (folder / "s.csv").read_text().splitlines()
    assert rows[0].startswith("network.path,seed,step")
    assert {r.split(",")[0] for r in rows[1:]} == {str(folder / "edges.csv"),
                                                   str(folder / "e2.csv")}
    _refused(capsys, ["sweep", "ok.toml", "--set", "network.kind=file", "--vary",
                      "network.path=edges.csv,nope.csv", "--out", "s.csv", "--quiet"],
             "--vary network.path", "nope.csv")


@pytest.mark.parametrize("command", [
    ["run", "ok.toml", "--graph", "edges.csv", "--quiet", "--metrics-out", "m.csv"],
    ["run", "ok.toml", "--graph", "edges.csv", "--quiet", "--seeds", "2",
     "--metrics-out", "m.csv"],
    ["sweep", "ok.toml", "--graph", "edges.csv", *VARY, "--out", "m.csv"],
])
def test_a_sidecar_records_the_graph_hash(folder, capsys, command):
    import hashlib
    import tomllib

    assert main(command) == 0
    meta = tomllib.loads((folder / "m.csv.meta.toml").read_text())
    assert meta["network"]["sha256"] == hashlib.sha256(EDGES.encode()).hexdigest()
    with open(folder / "edges.csv", "a") as fh:
        fh.write("e,a\n")
    capsys.readouterr()
    _refused(capsys, ["run", "m.csv.meta.toml", "--quiet"], "network.sha256",
             "has changed since")


def test_a_reader_that_leaves_is_no_error(folder):
    import subprocess
    import sys

    from tests.hostile import child_env

    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "run", "ok.toml", "--quiet",
                             "--seeds", "40", "--workers", "1"], cwd=folder,
                            env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()   # as `| head -c 0` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141, err
    assert err == "", err


def _garbage_server():
    """A TCP server that answers anything with bytes that are not Dask's protocol."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.sendall(b"\xff" * 64)

    threading.Thread(target=serve, daemon=True).start()
    return server


@pytest.mark.parametrize("address", ["not a url", "tcp://", "garbage"])
def test_a_bad_scheduler_is_one_line(folder, address):
    pytest.importorskip("distributed")
    server = _garbage_server()
    if address == "garbage":
        address = "tcp://127.0.0.1:%d" % server.getsockname()[1]
    try:
        r = scorenet("sweep", "ok.toml", *VARY, "--out", "s.csv", "--scheduler", address,
                     cwd=Path(folder), memory_mb=2000)
    finally:
        server.close()
    assert_one_line_refusal(r, "--scheduler")
    assert "Exception ignored" not in r.err and "Traceback" not in r.err, r.err
