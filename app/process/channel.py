"""Where the model host runs: a child process driven over a pipe, or the calling thread.

Both channels take the same requests, ``request(op, *args)``, and answer with what
:class:`~app.process.host.ModelHost`'s method ``op`` returns, or raise its
:class:`~app.process.host.Failure`. A thread alone is not enough for a responsive window:
igraph's Louvain holds Python's GIL for its whole run (50 ms a step on the facebook
network, 6 s on 60,000 people). In its own process the model uses the second core, and
closing the window can stop a long step at once.

The pipe protocol: the parent sends ``(op, args)`` and receives ``("ok", result)`` or
``("error", failure)`` (a pickled :class:`~app.process.host.Failure`, which keeps the
error log's path of a bug), one reply per request, in order; ``("quit", ())`` ends the child.
This module imports no Qt, so the child starts with only the model's imports.
"""

from __future__ import annotations

from app.process.host import Failure, ModelHost, failure_of

__all__ = ["ProcessChannel", "InlineChannel", "Died"]


class Died(Failure):
    """The child process is gone."""


def _serve(conn) -> None:
    """The child process: answer requests until "quit" or until the pipe closes."""
    host = ModelHost()
    while True:
        try:
            op, args = conn.recv()
        except (EOFError, OSError):
            return
        if op == "quit":
            return
        try:
            reply = ("ok", getattr(host, op)(*args))
        except Exception as exc:  # noqa: BLE001 - e.g. an unknown op, an unpicklable argument
            reply = ("error", failure_of(exc, op))
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            conn.send(("error", failure_of(exc, op)))


class ProcessChannel:
    """Requests to a model host in a child process; replies come back in order."""

    def __init__(self) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")   # no fork: the parent has Qt threads running
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), name="scorenet-model",
                                   daemon=True)
        self.process.start()
        child.close()

    def request(self, op: str, *args):
        try:
            self._conn.send((op, args))
            status, payload = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.process.join(1.0)
            code = self.process.exitcode
            raise Died(f"The model process stopped unexpectedly (exit code {code}); "
                       "press Reset to start again from your scenario.") from None
        if status == "error":
            raise payload if isinstance(payload, Failure) else Failure(str(payload))
        return payload

    def close(self, timeout: float = 2.0) -> None:
        try:
            self._conn.send(("quit", ()))
        except (OSError, BrokenPipeError):
            pass
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        self._conn.close()

    def kill(self) -> None:
        """Stop the child now (closing the window in the middle of a long step)."""
        if self.process.is_alive():
            self.process.terminate()


class InlineChannel:
    """The same requests answered by a model host in the calling thread."""

    process = None

    def __init__(self) -> None:
        self._host = ModelHost()

    def request(self, op: str, *args):
        return getattr(self._host, op)(*args)

    def close(self, timeout: float = 0.0) -> None:
        pass

    def kill(self) -> None:
        pass
