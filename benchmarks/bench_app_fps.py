"""Frames per second of the app while playing, and the time to the first painted window.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_app_fps.py [--seconds 10]

One frame is one simulation step, shown: the network recoloured and blitted, the
dashboard and the inspector fed (they throttle their own drawing). The window is
1920x1080, a person is selected (so the inspector works too), the speed is "max".
Goals (issue 3): ``default`` >= 30 fps, ``facebook`` >= 15 fps, first paint < 3 s;
(issue 8, with the living layout): ``ba5000`` (5,000 people, ~25,000 ties) >= 30 fps,
``facebook`` >= 15 fps. ``--frozen`` measures with the layout frozen (the old picture),
``--both`` each scenario living and then frozen, with the ratio of the two. Each line
also gives the CPU milliseconds per frame of the window's process and of the model's
(Linux ``/proc``) and the load average: on a shared machine those say more than fps.
"ticks" are the network's interpolated motion frames, what the eye sees move.

First paint is measured in a fresh process, from just before it is started until the
main window's first paint event; "first frame" is when the network is drawn.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import remove_bench_files  # noqa: E402

_FIRST_PAINT = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject
from app.window.start import create_window
app, window, error = create_window(sys.argv[2])
marks = {}
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time() - t0
        return False
watch = Watch()
window.installEventFilter(watch)
window.resize(1920, 1080)
window.show()
while "frame" not in marks:
    app.processEvents()
    if window.network.positions is not None and window.network.full_draws > 0:
        marks["frame"] = time.time() - t0
    if time.time() - t0 > 60:
        break
print(marks.get("paint", float("nan")), marks.get("frame", float("nan")))
window._saved = window.scenario
window.close()
"""


def first_paint(scenario: str) -> tuple[float, float]:
    """Seconds from process start to the first paint, and to the first network frame."""
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", _FIRST_PAINT, repr(t0), scenario], cwd=ROOT,
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "SCORENET_SETTINGS": str(ROOT / ".bench.ini")})
    paint, frame = (float(x) for x in out.stdout.split()[-2:])
    return paint, frame


#: Scenarios made for the benchmark: name -> (preset, overrides).
MADE = {"ba5000": ("default", {"population.size": 5000, "network.kind": "barabasi_albert",
                               "network.mean_degree": 10.0, "about.name": "ba5000"})}


def scenario_path(name: str) -> str:
    """A preset name, or the path of a scenario file written for :data:`MADE`."""
    if name not in MADE:
        return name
    from models import load_scenario, save_scenario

    preset, changes = MADE[name]
    path = ROOT / f".bench-{name}.toml"
    save_scenario(load_scenario(preset, changes), path)
    return str(path)


def _cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``; nan elsewhere)."""
    if pid is None:
        return float("nan")
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fps(scenario: str, seconds: float, warmup: float = 2.0,
        overrides: dict | None = None, living: bool = True,
        speed: float | None = None) -> dict[str, float]:
    """Play ``scenario`` at full speed for ``seconds``; frames per second and draw counts.

    ``overrides`` are parameters changed once the run is built (live ones only).
    ``speed`` (steps a second) plays at that pace instead of as fast as possible: both
    sides of an A/B then do the same work a second, so their CPU per frame compares
    even when the machine's load moves their frame rates apart.
    """
    from PySide6.QtCore import QEventLoop

    from app.window.start import create_window

    os.environ.setdefault("SCORENET_SETTINGS", str(ROOT / ".bench.ini"))
    app, window, _error = create_window(scenario_path(scenario))
    window.resize(1920, 1080)
    window.show()
    c = window.controller

    def spin(until) -> None:
        while not until():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    spin(lambda: c.frame is not None and window.network.positions is not None)
    c.set_params({"run.steps": 10**6, **(overrides or {})})   # never pause at the end
    window._on_person_selected(0)
    if not living:
        window.act_freeze.trigger()
    frames: list[float] = []
    c.stepped.connect(lambda _f: frames.append(time.perf_counter()))
    c.set_speed(speed)
    c.play()
    start = time.perf_counter()
    spin(lambda: time.perf_counter() - start > warmup)
    n0, blits0, full0 = len(frames), window.network.blits, window.network.full_draws
    ticks0 = window.network.motion_ticks
    layers0 = getattr(window.network, "tie_layer_paints", 0)
    channel = c._worker.channel
    child = channel.process.pid if channel is not None and channel.process is not None \
        else None
    cpu0, child0, load0 = time.process_time(), _cpu_seconds(child), os.getloadavg()[0]
    t0 = time.perf_counter()
    spin(lambda: time.perf_counter() - t0 > seconds)
    c.pause()
    elapsed = time.perf_counter() - t0
    n = len(frames) - n0
    # CPU per frame says what each process needs, whatever the other engineers' load.
    result = {"fps": n / elapsed, "frames": n, "blits": window.network.blits - blits0,
              "full_draws": window.network.full_draws - full0, "step": c.frame.step,
              "ticks": (window.network.motion_ticks - ticks0) / elapsed,
              "layers": (getattr(window.network, "tie_layer_paints", 0) - layers0) / elapsed,
              "window_ms": 1e3 * (time.process_time() - cpu0) / max(n, 1),
              "model_ms": 1e3 * (_cpu_seconds(child) - child0) / max(n, 1),
              "load": (load0 + os.getloadavg()[0]) / 2}
    window._saved = window.scenario
    window.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--scenarios", nargs="*", default=["default", "facebook"])
    parser.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE",
                        help="change a live parameter, e.g. run.louvain_every=5")
    parser.add_argument("--no-first-paint", action="store_true")
    parser.add_argument("--frozen", action="store_true", help="freeze the layout")
    parser.add_argument("--speed", type=float, default=None,
                        help="steps a second (default: as fast as possible)")
    parser.add_argument("--both", action="store_true",
                        help="each scenario living, then frozen: the ratio of the two")
    args = parser.parse_args(argv)
    from models.scenario import parse_value

    overrides = {k: parse_value(v) for k, _, v in (x.partition("=") for x in args.sets)}
    goals = {"default": 30.0, "facebook": 15.0, "ba5000": 30.0}
    for name in [] if args.no_first_paint else args.scenarios:
        paint, frame = first_paint(scenario_path(name))
        print(f"{name:<10} first paint {paint:5.2f} s (goal < 3 s), "
              f"first network frame {frame:5.2f} s")
    modes = [True, False] if args.both else [not args.frozen]
    for name in args.scenarios:
        living_fps = None
        for living in modes:
            r = fps(name, args.seconds, overrides=overrides, living=living, speed=args.speed)
            goal = goals.get(name)
            extra = " ".join(args.sets + ([f"speed {args.speed:g}/s"] if args.speed else []))
            ratio = ""
            if living:
                living_fps = r["fps"]
            elif living_fps is not None:
                ratio = f" (living / frozen {living_fps / max(r['fps'], 1e-9):.2f})"
            print(f"{name:<10} {r['fps']:6.1f} fps" + (f" (goal >= {goal:g})" if goal else "")
                  + (f" with {extra}" if extra else "")
                  + (f" living, {r['ticks']:.1f} motion ticks/s ({r['layers']:.1f} tie layers/s)"
                     if living else " frozen")
                  + ratio
                  + f"  {r['frames']} frames, {r['blits']} blits, {r['full_draws']} full "
                  f"draws of the network in {args.seconds:g} s; CPU ms a frame: window "
                  f"{r['window_ms']:.1f}, model {r['model_ms']:.1f}; load {r['load']:.1f}",
                  flush=True)
    remove_bench_files(ROOT, MADE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
