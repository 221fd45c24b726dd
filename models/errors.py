"""The one error type a user can cause: a bad scenario, parameter or graph file."""

from __future__ import annotations

__all__ = ["ScenarioError"]


class ScenarioError(ValueError):
    """A user mistake in a scenario, a parameter or a graph file.

    ``str(err)`` is one line naming the file, the key and what is wrong, ready to show
    as is in a terminal or a dialog.

    Examples
    --------
    >>> str(ScenarioError("a.toml", "rubric.social", "must be >= 0, got -1"))
    'a.toml: rubric.social: must be >= 0, got -1'
    """

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = str(source)
        self.key = key
        self.problem = " ".join(str(problem).split())  # always one line
        super().__init__(self.source, key, self.problem)

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.key, self.problem) if p]
        return ": ".join(parts)
