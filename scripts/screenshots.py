"""Render the app's main states offscreen to PNGs in docs/screenshots/ (for the README).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--only NAME ...]

Each shot opens a window at a fixed size, runs a scenario for some steps exactly as a
user would (one step at a time through the controller), draws every view in full and
saves the window's pixels. Look at every PNG after a change to the app.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"

#: name -> (scenario, overrides, steps, (width, height), person to select or None).
#: Names ending in "-relayout" re-arrange the people by their current friendships;
#: names with "-moving" are taken while the living layout glides (no final redraw);
#: names starting "timeline-" show the month halfway through again, from the timeline.
SHOTS: dict[str, tuple[str, dict, int, tuple[int, int], int | None]] = {
    "default-1920x1080": ("default", {}, 30, (1920, 1080), None),
    "default-1366x768": ("default", {}, 30, (1366, 768), None),
    "facebook-1920x1080": ("facebook", {}, 30, (1920, 1080), None),
    "person-1920x1080": ("default", {}, 40, (1920, 1080), "lowest"),
    "person-1366x768": ("karate", {}, 25, (1366, 768), "lowest"),
    "living-1920x1080": ("friends_count", {}, 80, (1920, 1080), None),
    "living-moving-1280x720": ("friends_count", {}, 80, (1280, 720), None),
    "timeline-1280x720": ("friends_count", {}, 60, (1280, 720), None),
    "timeline-1920x1080": ("friends_count", {}, 60, (1920, 1080), None),
    "high-social-weight-relayout": ("default", {"rubric.social": 0.6,
                                                 "sharing.rewire_rate": 0.3}, 100,
                                     (1920, 1080), None),
    # Names starting "zh-" are taken in Simplified Chinese.
    "zh-default-1920x1080": ("default", {}, 30, (1920, 1080), "lowest"),
    "zh-default-1280x720": ("default", {}, 30, (1280, 720), None),
}


def _wait(app, condition, timeout: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the app did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _settle(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def shoot(name: str, out: Path = OUT) -> Path:
    """Render one shot of :data:`SHOTS` and return the PNG's path."""
    from app.window.start import create_window
    from app.window.main_window import settings
    from models import load_scenario

    scenario_name, overrides, steps, (w, h), person = SHOTS[name]
    if "SCORENET_SETTINGS" not in os.environ:   # never touch the user's own settings
        import tempfile

        os.environ["SCORENET_SETTINGS"] = os.path.join(tempfile.mkdtemp(), "settings.ini")
    language = os.environ.get("SCORENET_LANGUAGE")
    os.environ["SCORENET_LANGUAGE"] = "zh_CN" if name.startswith("zh-") else "en"
    app, window, error = create_window(scenario_name)
    assert error is None, error
    if overrides:
        scenario = load_scenario(scenario_name, overrides)
        window.controls.set_scenario(scenario)
        window._opening = (scenario, window.path)
        window._saved = scenario
    window.resize(w, h)
    window.show()
    c = window.controller
    _wait(app, lambda: c.frame is not None and window.network.positions is not None
          and window._opening is None)
    for _ in range(steps):
        before = c.frame.step
        c.step_once()
        _wait(app, lambda: c.frame.step > before)
    if person is not None:
        scores = c.frame.scores
        index = int(scores.argmin()) if person == "lowest" else int(person)
        window._on_person_selected(index)
    if name.endswith("-relayout"):
        old = window.network.positions
        c.relayout()
        _wait(app, lambda: window.network.positions is not old)
    if name.startswith("timeline-"):
        window.scrubber.go_to(steps // 2)
        _wait(app, lambda: window._past_frame is not None
              and window._past_frame.step == steps // 2)
    _settle(app, 0.5)   # throttled views (inspector, dashboard) catch up
    if "-moving" in name:
        before = c.frame.step
        c.step_once()
        _wait(app, lambda: c.frame.step > before and window.network.moving)
        _settle(app, 0.05)
    else:
        window.network.flush()
    window.dashboard.flush()
    app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    window.grab().save(str(path))
    window._saved = window.scenario   # nothing to save: close without asking
    window.close()
    settings().clear()
    if language is None:
        os.environ.pop("SCORENET_LANGUAGE", None)
    else:
        os.environ["SCORENET_LANGUAGE"] = language
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), help="shots to render")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for name in args.only or list(SHOTS):
        start = time.perf_counter()
        path = shoot(name, args.out)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
              f"  ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
