"""``scorenet render`` and the picture behind it: frames, formats, A/B, bad arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parent.parent
SMALL = ["karate", "--size", "160x96", "--quiet"]


def _frames(path: Path) -> np.ndarray:
    return iio.imread(path, index=None)


@pytest.mark.parametrize("suffix", [".gif", ".mp4"])
def test_n_steps_give_n_plus_one_frames(tmp_path, suffix):
    out = tmp_path / f"run{suffix}"
    assert main(["render", *SMALL, "--steps", "3", "--out", str(out)]) == 0
    frames = _frames(out)
    assert frames.shape[0] == 4 and frames.shape[1:3] == (96, 160)
    # The network moves and recolours: consecutive frames differ.
    assert not np.array_equal(frames[0], frames[-1])


def test_zero_steps_is_one_frame_and_stills_are_the_last_frame(tmp_path):
    gif, png, svg = (tmp_path / f"x.{s}" for s in ("gif", "png", "svg"))
    assert main(["render", *SMALL, "--steps", "0", "--out", str(gif)]) == 0
    assert _frames(gif).shape[0] == 1
    assert main(["render", *SMALL, "--steps", "2", "--out", str(png)]) == 0
    assert iio.imread(png).shape[:2] == (96, 160)
    assert main(["render", *SMALL, "--steps", "2", "--out", str(svg)]) == 0
    text = svg.read_text()
    assert "<svg" in text and "month 2" in text and "seed 1" in text


def test_the_last_frame_of_a_gif_is_the_png(tmp_path):
    # The still and the animation draw the same picture of the same month.
    gif, png = tmp_path / "a.gif", tmp_path / "a.png"
    args = [*SMALL, "--steps", "2", "--seed", "5"]
    assert main(["render", *args, "--out", str(gif)]) == 0
    assert main(["render", *args, "--out", str(png)]) == 0
    last = _frames(gif)[-1].astype(int)
    still = iio.imread(png)[..., :3].astype(int)
    assert np.mean(np.abs(last - still)) < 6   # the GIF palette rounds colours


def test_compare_renders_two_panels_side_by_side(tmp_path):
    out = tmp_path / "ab.png"
    assert main(["render", *SMALL, "--steps", "1", "--compare", "rubric.social=0.9",
                 "--out", str(out)]) == 0
    img = iio.imread(out)
    assert img.shape[:2] == (96, 320)
    svg = tmp_path / "ab.svg"
    assert main(["render", "karate", "--quiet", "--size", "960x540", "--steps", "1",
                 "--compare", "rubric.social=0.9", "--out", str(svg)]) == 0
    text = svg.read_text()
    assert "A: month 1" in text and "B: month 1" in text
    assert "Differs from A: weight of friends" in text and "0.9 (A: 0.05)" in text


def test_the_caption_says_when_a_setting_changed(tmp_path):
    from models import Simulation, load_scenario

    from app.picture.movie import living_frames, write_movie

    sim = Simulation(load_scenario("karate"))

    def frames():
        for i, f in enumerate(living_frames([sim], 3)):
            if i == 1:
                sim.set_params({"rubric.social": 0.5})   # from month 2 on
            yield f

    out = tmp_path / "changed.svg"
    write_movie(frames(), out, total=4, size=(640, 360))
    text = out.read_text()
    assert "Changed during the run: month 2: weight of friends" in text


def test_compare_panels_play_in_lockstep_from_the_same_positions():
    from models import Simulation, load_scenario

    from app.picture.movie import living_frames

    a = load_scenario("karate")
    # B differs by a value A already has: every month of B must be A's, bit for bit.
    same = [Simulation(a), Simulation(a.replace({"rubric.social": a["rubric.social"]}))]
    for fa, fb in living_frames(same, 4):
        np.testing.assert_array_equal(fa.positions, fb.positions)
        np.testing.assert_array_equal(fa.scores, fb.scores)
    other = [Simulation(a), Simulation(a.replace({"rubric.social": 0.9}))]
    frames = list(living_frames(other, 2))
    np.testing.assert_array_equal(frames[0][0].positions, frames[0][1].positions)
    assert not np.array_equal(frames[-1][0].scores, frames[-1][1].scores)


def test_cancel_leaves_no_file(tmp_path):
    from models import Simulation, load_scenario

    from app.picture.movie import living_frames, write_movie

    out = tmp_path / "c.mp4"
    sim = Simulation(load_scenario("karate"))
    calls = []
    n = write_movie(living_frames([sim], 5), out, total=6, size=(160, 96),
                    progress=lambda d, t: calls.append(d), should_stop=lambda: len(calls) >= 2)
    assert n == 0 and not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, words", [
    ([], "--out FILE is required"),
    (["--out", "x.txt"], "unknown file type"),
    (["--out", "x.gif", "--size", "big"], "WIDTHxHEIGHT"),
    (["--out", "x.gif", "--size", "10x10"], "64 to"),
    (["--out", "x.gif", "--fps", "fast"], "frames per second"),
    (["--out", "x.gif", "--steps", "-2"], "0 or more"),
    (["--out", "x.gif", "--compare", "population.size=9"], "A and B must share"),
    (["--out", "x.gif", "--compare", "rubric.social"], "KEY=VALUE"),
    (["--out", "x.gif", "--set", "rubric.social=-1"], "rubric.social"),
    (["--out", "no/such/folder/x.gif"], "No such folder"),
])
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, args, words):
    proc = subprocess.run([sys.executable, "-m", "app.cli", "render", "karate", *args],
                          cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []
