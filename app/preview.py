"""One panel in a window of its own, fed by a simulation in this process: for working on
how the dashboard or the inspector looks without starting the whole app.

    python -m app.preview dashboard [SCENARIO]
    python -m app.preview inspector [SCENARIO]

(``python -m app.dashboard`` and ``python -m app.inspector`` do the same.)
"""

from __future__ import annotations

import sys

__all__ = ["preview"]


def preview(panel: str, argv: list[str] | None = None) -> int:
    """Show ``panel`` ("dashboard" or "inspector") stepping through a scenario's run.

    ``argv`` (default ``sys.argv[1:]``) may name the scenario: a preset or a TOML file.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.frame import frame_from_simulation, static_from_simulation
    from models import load_scenario
    from models.simulation import Simulation

    argv = sys.argv[1:] if argv is None else argv
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    if panel == "dashboard":
        from app.dashboard import QtDashboard

        sim = Simulation(load_scenario(argv[0] if argv else "default"))
        widget, size, interval = QtDashboard(), (1400, 420), 30
    else:
        from app.inspector import QtInspector

        sim = Simulation(load_scenario(argv[0] if argv else "karate"))
        sim.run(20)
        widget, size, interval = QtInspector(sim.score_history), (420, 900), 200
    widget.on_rebuilt(static_from_simulation(sim), frame_from_simulation(sim, edges_changed=True))
    if panel == "inspector":
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
