"""Saving matplotlib figures so that the same picture gives the same bytes.

matplotlib's SVG writer stamps the date (``dc:date``) and draws random ids for clip
paths unless ``svg.hashsalt`` is set; its PDF writer stamps a creation date. Every
place that saves a figure (the render command, the network view's and the dashboard's
exports, the sweep plot) takes its settings from here.
"""

from __future__ import annotations

__all__ = ["FILE_RC", "file_metadata"]

#: rcParams for a saved file: text stays text, ids come from a fixed salt (not uuid4).
FILE_RC = {"svg.fonttype": "none", "svg.hashsalt": "scorenet", "pdf.fonttype": 42}


def file_metadata(fmt: str, metadata: dict | None = None) -> dict:
    """``metadata`` for ``savefig`` with the date stamps of ``fmt`` removed.

    Examples
    --------
    >>> file_metadata("svg", {"Title": "ScoreNet"})
    {'Title': 'ScoreNet', 'Date': None}
    """
    meta = dict(metadata or {})
    if fmt == "svg":
        meta["Date"] = None
    elif fmt == "pdf":
        meta["CreationDate"] = None
    return meta
