"""Which reader a graph file needs, from its first bytes first and its extension second.

Content wins when it is clear: XML (``<``), GML (``graph [``) and Pajek (``*Vertices``)
are recognised whatever the file is called. Files that are no graph at all are refused
with a line saying what they look like: archives and spreadsheets, compressed files,
images, PDF, Parquet and SQLite tables, JSON, and TOML (a scenario given as a graph).
"""

from __future__ import annotations

import re

from .base import Bad
from .gml import looks_like_gml
from .pajek import looks_like_pajek

__all__ = ["sniff", "XML_EXTENSIONS", "ADJACENCY_EXTENSIONS"]

#: Extensions read as XML (GraphML or GEXF, told apart by the root element).
XML_EXTENSIONS = (".graphml", ".gexf", ".xml")
#: Extensions read as adjacency lists.
ADJACENCY_EXTENSIONS = (".adj", ".adjlist")

#: Magic numbers of files that are certainly not graph text, and what they are.
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (an .xlsx or .ods spreadsheet?); export the sheet "
                    "as CSV"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (an .xls spreadsheet?); "
                                          "export the sheet as CSV"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"BZh", "bzip2-compressed; decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; extract it first"),
    (b"PAR1", "a Parquet table, not a graph"),
    (b"SQLite format 3\x00", "an SQLite database, not a graph"),
    (b"%PDF", "a PDF document, not a graph"),
    (b"\x89PNG", "a PNG image, not a graph"),
    (b"\xff\xd8\xff", "a JPEG image, not a graph"),
    (b"GIF8", "a GIF image, not a graph"),
    (b"\x7fELF", "a program, not a graph"),
)

_TOML_LINE = re.compile(r"\[\[?[A-Za-z_][\w.\-\" ]*\]\]?\s*(?:#.*)?|[A-Za-z_][\w.\-]*\s*=\s*\S.*")
_JSON_START = re.compile(r"[\[{]\s*(?:[\"{\[\]}]|$)")


def _first_data_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return line
    return ""


def sniff(raw: bytes, ext: str, is_bundle) -> str:
    """``"xml"``, ``"gml"``, ``"pajek"``, ``"bundle"``, ``"adjacency"`` or ``"edges"``.

    ``is_bundle(raw)`` tells a ScoreNet bundle from any other ZIP archive.

    Raises
    ------
    Bad
        When the content is certainly not a graph, saying what it looks like.
    """
    for magic, what in _SIGNATURES:
        if raw.startswith(magic):
            if magic == b"PK\x03\x04" and is_bundle(raw):
                return "bundle"
            raise Bad(f"binary file: {what}")
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml"
    text = head.decode("utf-8", "ignore")
    if looks_like_gml(text):
        return "gml"
    if looks_like_pajek(text):
        return "pajek"
    if ext in XML_EXTENSIONS:
        raise Bad(f"named {ext} but not XML: the file starts with {_start(text)}")
    if ext == ".gml":
        return "gml"  # the GML reader says what is wrong
    first = _first_data_line(text)
    if _JSON_START.match(first):
        raise Bad("looks like JSON, not a graph format ScoreNet reads; save it as GraphML "
                  "(networkx: nx.write_graphml)")
    if _TOML_LINE.fullmatch(first) and ("=" in first or first.startswith("[")) and \
            re.search(r"(?m)^\s*[A-Za-z_][\w.\-]*\s*=", text):
        raise Bad("looks like a TOML file (a scenario?), not a graph: give a scenario as "
                  "the SCENARIO argument, not as the graph")
    if ext in ADJACENCY_EXTENSIONS:
        return "adjacency"
    return "edges"


def _start(text: str) -> str:
    from .base import short

    return short(text.strip()[:30])
