"""Compatibility names: graph-file reading and writing now live in :mod:`models.io`."""

from .io import FILE_DIALOG_FILTER, read_graph, write_graph

__all__ = ["read_graph", "write_graph", "FILE_DIALOG_FILTER"]
