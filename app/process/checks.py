"""Small jobs run where the model lives: checks before the GUI accepts a choice, and the
scam state that Undo restores (Qt-free).

Reading a chosen graph file can take seconds for a large one, so the window asks the
model host to read it (``SimController.call_in_worker``) and accepts the file only if
it reads; a bad file is refused with its one-line error instead of failing every Reset.
"""

from __future__ import annotations

__all__ = ["read_graph_size", "scam_state", "restore_scam"]


def read_graph_size(_simulation, path: str) -> tuple[int, int, tuple[str, ...]]:
    """People and friendships in the graph file ``path``, and the reader's notes on what
    reading changed (self-loops dropped, repeated ties merged, directed read as mutual).

    Raises
    ------
    models.errors.ScenarioError
        One line naming the file and what is wrong with it (fewer than two people too).
    """
    from models.io.read import read_graph, require_people

    graph = require_people(read_graph(path), path)   # refused now, not at every Reset
    return int(graph.n), int(graph.edges.shape[0]), tuple(graph.notes)


def scam_state(simulation, person: int) -> tuple[int, int, bool]:
    """``(month, scam months left, ever scammed)`` of ``person`` now, to undo a scam."""
    i = int(person)
    return (int(simulation.step_count), int(simulation.scam_left[i]),
            bool(simulation.ever_scammed[i]))


def restore_scam(simulation, person: int, month: int, left: int, ever: bool) -> bool:
    """Undo a scam on ``person``; True when exact (no month has passed since it).

    Then the victim's record is what it was before the scam, bit for bit (a scam only
    sets these two values). Later, the months already missed stay and the scam stops
    from now on; ``ever scammed`` stays true.
    """
    i = int(person)
    if int(simulation.step_count) == int(month):
        simulation.scam_left[i] = int(left)
        simulation.ever_scammed[i] = bool(ever)
        return True
    simulation.scam_left[i] = 0
    return False
