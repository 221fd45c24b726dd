"""One panel in a window of its own, fed by a simulation in this process: for working on
how the dashboard or the inspector looks without starting the whole app.

    python -m app.window.preview dashboard [SCENARIO]
    python -m app.window.preview inspector [SCENARIO]

:func:`preview` takes a widget factory, so it knows no panel; :data:`PANELS` names the
panels for the command line and imports each only when asked. Panels never import this
module: the dependency goes one way (window -> panel).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

__all__ = ["preview", "PANELS"]


def _dashboard(sim):
    from app.dashboard.panel import QtDashboard

    return QtDashboard()


def _inspector(sim):
    from app.inspector.panel import QtInspector

    return QtInspector(sim.score_history)


#: name -> (widget factory taking the simulation, default scenario, warm-up steps,
#: window size, milliseconds between steps)
PANELS: dict[str, tuple[Callable, str, int, tuple[int, int], int]] = {
    "dashboard": (_dashboard, "default", 0, (1400, 420), 30),
    "inspector": (_inspector, "karate", 20, (420, 900), 200),
}


def preview(panel: str, argv: list[str] | None = None, *,
            factory: Callable | None = None) -> int:
    """Show ``panel`` stepping through a scenario's run; returns the exit status.

    ``argv`` (default ``sys.argv[1:]``) may name the scenario: a preset or a TOML file.
    ``factory(sim)`` makes the widget; by default the one :data:`PANELS` names for
    ``panel``, which also gives the default scenario, window size and pace.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.process.frame import frame_from_simulation, static_from_simulation
    from models import load_scenario
    from models.simulation import Simulation

    argv = sys.argv[1:] if argv is None else argv
    default_factory, scenario, warm_up, size, interval = PANELS[panel]
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    sim = Simulation(load_scenario(argv[0] if argv else scenario))
    sim.run(warm_up)
    widget = (factory or default_factory)(sim)
    widget.on_rebuilt(static_from_simulation(sim), frame_from_simulation(sim, edges_changed=True))
    if hasattr(widget, "show_person"):
        widget.show_person(0)
        widget.person_selected.connect(widget.show_person)
        widget.scam_requested.connect(sim.scam)
    widget.resize(*size)
    widget.setWindowTitle(f"ScoreNet {panel} (preview): {sim.scenario.name}")
    widget.show()

    def advance() -> None:
        if sim.step_count < sim.scenario["run.steps"]:
            sim.step()
            widget.on_frame(frame_from_simulation(sim, edges_changed=False))

    timer = QTimer()
    timer.timeout.connect(advance)
    timer.start(interval)
    return qapp.exec()


if __name__ == "__main__":
    sys.exit(preview(sys.argv[1] if len(sys.argv) > 1 else "dashboard", sys.argv[2:]))
