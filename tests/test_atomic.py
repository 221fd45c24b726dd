"""Writing files: atomic for regular files, through links, straight to devices and pipes,
and errors that name the user's path, checked before long work starts."""

from __future__ import annotations

import os

import pytest

from app.cli import main
from models.atomic import atomic_path, check_writable, write_text_atomic


def test_symlink_is_written_through_and_kept(tmp_path):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "out.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_device_is_written_directly_not_replaced(tmp_path):
    write_text_atomic("/dev/null", "anything")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_errors_name_the_users_path_not_a_temp_file(tmp_path):
    missing = tmp_path / "no" / "such" / "out.csv"
    with pytest.raises(OSError) as info:
        write_text_atomic(missing, "x")
    assert info.value.filename == str(missing)
    with pytest.raises(IsADirectoryError) as info:
        write_text_atomic(tmp_path, "x")
    assert info.value.filename == str(tmp_path)
    with pytest.raises(OSError) as info:
        check_writable(missing)
    assert info.value.filename == str(missing)


def test_failure_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_cli_refuses_a_bad_output_path_before_running(capsys, tmp_path):
    assert main(["run", "karate", "--steps", "100000", "--quiet",
                 "--metrics-out", str(tmp_path / "nodir" / "m.csv")]) == 2
    err = capsys.readouterr().err
    want = f"scorenet: {tmp_path / 'nodir' / 'm.csv'}: --metrics-out: No such folder"
    assert err.strip() == want


def test_cli_refuses_the_same_file_twice_and_empty_names(capsys, tmp_path):
    out = str(tmp_path / "a.csv")
    assert main(["run", "karate", "--quiet", "--metrics-out", out, "--nodes-out", out]) == 2
    assert main(["run", "karate", "--quiet", "--metrics-out", ""]) == 2
    assert "needs a file name" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_whose_reader_left_is_refused_not_waited_on(tmp_path):
    # The reader was there when the run started (check_writable passed) and left before
    # the results were written: opening the pipe then would block for ever.
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    check_writable(fifo)
    os.close(reader)
    with pytest.raises(OSError, match="no process reading it") as caught:
        with atomic_path(fifo):
            pass
    assert str(fifo) in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_reader_gets_the_whole_output_after_the_check(tmp_path):
    # `scorenet run --metrics-out fifo` with `cat fifo` reading: the check before the run
    # must not hand the reader an end of file, or it leaves before the results come.
    import threading
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    deadline = 50
    while deadline and not got:          # until the reader's open is waiting
        try:
            check_writable(fifo)
            break
        except OSError:
            deadline -= 1
            reader.join(0.05)
    write_text_atomic(fifo, "step,gini\n0,0.1\n")
    reader.join(10)
    assert got == ["step,gini\n0,0.1\n"]
