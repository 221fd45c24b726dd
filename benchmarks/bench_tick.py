"""What one motion tick of the network view costs, part by part, in the real window.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_tick.py [--scenarios ba5000 facebook]

The window is 1920x1080 with a person selected; the run plays a few months with the
living layout, then each part of a tick (:meth:`QtNetworkView._blit` while people
move) is timed on its own, best of ``--repeat``: restoring the background, the tie
layer at several pixel budgets and from the cached layer, the people's raster, each
animated artist, and the blit to the widget. Times are ms; compare them within one run
(the machine is shared), as ratios to "restore background".
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import best_ms, remove_bench_files  # noqa: E402


def parts(name: str, repeat: int) -> dict[str, float]:
    import numpy as np
    from PySide6.QtCore import QEventLoop

    from app.network import motion
    from app.network.tie_raster import paint_ties
    from app.window.start import create_window
    from benchmarks.bench_app_fps import ROOT as BROOT
    from benchmarks.bench_app_fps import scenario_path

    os.environ.setdefault("SCORENET_SETTINGS", str(BROOT / ".bench.ini"))
    app, window, _ = create_window(scenario_path(name))
    window.resize(1920, 1080)
    window.show()
    c, view = window.controller, window.network

    def spin(until) -> None:
        while not until():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    spin(lambda: c.frame is not None and view.positions is not None)
    c.set_params({"run.steps": 10**6})
    window._on_person_selected(0)
    c.set_speed(None)
    c.play()
    spin(lambda: c.frame.step >= 8)
    c.pause()
    spin(lambda: c._in_flight is False)
    view.flush()
    app.processEvents()
    view._moving = True   # time the parts as a moving tick does them
    frame = view._frame
    edges = np.asarray(frame.friend_edges)
    renderer = view.get_renderer()
    buffer = np.asarray(renderer.buffer_rgba())
    H = buffer.shape[0]
    px = view.ax.transData.transform(view._pos)
    px[:, 1] = H - px[:, 1]
    b = view.ax.bbox
    clip = (int(b.x0), int(H - b.y1), int(np.ceil(b.x1)), int(np.ceil(H - b.y0)))
    rgb = motion._TIE_RGB
    out: dict[str, float] = {"ties": float(edges.shape[0]),
                             "mean tie px": float(np.abs(np.diff(px[edges], axis=1)).max(axis=2).mean())}
    out["restore background"] = best_ms(lambda: view.restore_region(view._background), repeat)
    for budget in (150_000, 600_000, 10**9):
        label = "all" if budget == 10**9 else f"{budget:,}"
        out[f"tie raster {label} px"] = best_ms(
            lambda: paint_ties(buffer, px[edges], clip, rgb, 0.3, max_samples=budget), repeat)
    layer = buffer[clip[1]:clip[3], clip[0]:clip[2]].copy()
    out["cached tie layer copy"] = best_ms(
        lambda: buffer[clip[1]:clip[3], clip[0]:clip[2]].__setitem__(Ellipsis, layer), repeat)

    def people() -> None:
        view._raster = None
        view._composite_people()
    out["people raster build+paint"] = best_ms(people, repeat)
    out["people paint only"] = best_ms(view._composite_people, repeat)
    for label, artist in (("selected ties", view._sel_ties), ("dating ties", view._dating),
                          ("ring", view._ring), ("month text", view._month)):
        out[f"draw {label}"] = best_ms(lambda a=artist: view.figure.draw_artist(a), repeat)
    out["draw marks (4)"] = best_ms(
        lambda: [view.figure.draw_artist(a) for a in view._mark_artists()], repeat)
    out["update selection"] = best_ms(lambda: view._update_selection(frame), repeat)
    out["update marks"] = best_ms(lambda: view._update_marks(frame), repeat)

    def blit() -> None:
        view.blit(view.ax.bbox)
        app.processEvents()
    out["blit to the widget"] = best_ms(blit, repeat)
    view._moving = False
    window._saved = window.scenario
    window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", nargs="*", default=["ba5000", "facebook"])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name in args.scenarios:
        for key, value in parts(name, args.repeat).items():
            print(f"{name:<10} {key:<28} {value:9.1f}")
    from benchmarks.bench_app_fps import MADE

    remove_bench_files(ROOT, MADE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
