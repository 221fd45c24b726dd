"""Checks run where the model lives, before the GUI accepts a choice (Qt-free).

Reading a chosen graph file can take seconds for a large one, so the window asks the
model host to read it (``SimController.call_in_worker``) and accepts the file only if
it reads; a bad file is refused with its one-line error instead of failing every Reset.
"""

from __future__ import annotations

__all__ = ["read_graph_size"]


def read_graph_size(_simulation, path: str) -> tuple[int, int]:
    """People and friendships in the graph file ``path``.

    Raises
    ------
    models.errors.ScenarioError
        One line naming the file and what is wrong with it.
    """
    from models.graphio import read_graph

    graph = read_graph(path)
    return int(graph.n), int(graph.edges.shape[0])
