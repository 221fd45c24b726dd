"""ScoreNet bundles: one shareable ZIP file holding a scenario and its network file.

Layout (plain ZIP, so any unzip tool can open it)::

    scorenet-bundle.toml   what this is: format, version, the members below
    scenario.toml          the scenario; network.path = "network/<file>" when it has one
    network/<file>         the graph file, byte for byte as it was read

Unzipped by hand, ``scenario.toml`` still finds its graph. Opened by ScoreNet (``scorenet
run FILE.scorenet``, the app's Open), the scenario reads its network from inside the
bundle and checks the graph's SHA-256. Reading is bounded: a member larger than it
claims, or larger than :data:`MAX_MEMBER` bytes, is refused (no ZIP bombs).
"""

from __future__ import annotations

import hashlib
import io
import os
import tomllib
import zipfile
from pathlib import Path

from .base import Bad

__all__ = ["BUNDLE_EXTENSION", "MANIFEST", "is_bundle", "bundle_network", "bundle_scenario",
           "save_bundle", "write_bundle_bytes", "sha256_of_graph"]

BUNDLE_EXTENSION = ".scorenet"
MANIFEST = "scorenet-bundle.toml"
FORMAT = "scorenet-bundle"
VERSION = 1
#: Largest member read from a bundle (uncompressed).
MAX_MEMBER = 4 << 30
#: Largest scenario member (scenarios are small text files).
MAX_SCENARIO = 1 << 20


def _zip(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Bad(f"damaged ZIP archive: {exc}") from None


def is_bundle(raw_or_path) -> bool:
    """True when the ZIP archive (bytes or path) holds a ScoreNet bundle manifest."""
    try:
        with _zip(raw_or_path) as zf:
            return MANIFEST in zf.namelist()
    except Bad:
        return False


def _member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise Bad(f"bundle lacks {name!r}") from None
    if info.file_size > limit:
        raise Bad(f"bundle member {name!r} is {info.file_size:,} bytes uncompressed "
                  f"(at most {limit:,})")
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Bad(f"damaged bundle member {name!r}: {exc}") from None
    except NotImplementedError as exc:   # an unsupported compression method
        raise Bad(f"bundle member {name!r}: {exc}") from None
    if len(data) > info.file_size:
        raise Bad(f"bundle member {name!r} is larger than its header says")
    return data


def _manifest(zf: zipfile.ZipFile) -> dict:
    try:
        doc = tomllib.loads(_member(zf, MANIFEST, MAX_SCENARIO).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise Bad(f"bundle manifest is not valid TOML: {exc}") from None
    if doc.get("format") != FORMAT:
        raise Bad(f"bundle manifest: format must be {FORMAT!r}")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        raise Bad(f"bundle manifest: unsupported version {version!r} (this ScoreNet reads "
                  f"version {VERSION})")
    return doc


def bundle_network(source) -> tuple[str, bytes]:
    """``(member name, bytes)`` of the network inside a bundle (bytes or path)."""
    with _zip(source) as zf:
        name = _manifest(zf).get("network")
        if not isinstance(name, str) or not name:
            raise Bad("bundle holds no network file (its scenario generates its network)")
        return name, _member(zf, name, MAX_MEMBER)


def bundle_scenario(path: str | os.PathLike[str]) -> tuple[str, str | None]:
    """``(scenario TOML text, network member name or None)`` of a bundle file."""
    with _zip(Path(path)) as zf:
        doc = _manifest(zf)
        raw = _member(zf, doc.get("scenario", "scenario.toml"), MAX_SCENARIO)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Bad("bundle scenario is not UTF-8 text") from None
        network = doc.get("network")
        return text, network if isinstance(network, str) and network else None


def write_bundle_bytes(scenario_toml: str, network: tuple[str, bytes] | None) -> bytes:
    """The bytes of a bundle holding ``scenario_toml`` and ``(name, bytes)`` of a network.

    Members carry a fixed timestamp, so the same inputs give the same bundle, byte for byte.
    """
    buf = io.BytesIO()
    lines = [f'format = "{FORMAT}"', f"version = {VERSION}", 'scenario = "scenario.toml"']
    if network is not None:
        lines.append(f'network = "network/{_toml_escape(network[0])}"')
        lines.append(f'network_sha256 = "{hashlib.sha256(network[1]).hexdigest()}"')
    members = [(MANIFEST, "\n".join(lines + [""]).encode()),
               ("scenario.toml", scenario_toml.encode("utf-8"))]
    if network is not None:
        members.append((f"network/{network[0]}", network[1]))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _toml_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def sha256_of_graph(path: str | os.PathLike[str]) -> str:
    """SHA-256 (hex) of what :func:`read_graph` reads at ``path``: the file's bytes, or the
    network member's when the file is a bundle."""
    path = Path(path)
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic == b"PK\x03\x04" and is_bundle(path):
        return hashlib.sha256(bundle_network(path)[1]).hexdigest()
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def save_bundle(scenario, path: str | os.PathLike[str]) -> None:
    """Write ``scenario`` and its network file (if it reads one) as one bundle, atomically.

    The scenario inside names ``network/<file>`` and records the graph's SHA-256; a
    scenario that generates its network holds no network member (the seed rebuilds it,
    bit for bit).

    Raises
    ------
    OSError
        When the graph cannot be read or the bundle cannot be written.
    Bad
        When the graph is itself a damaged bundle.
    """
    from ..atomic import atomic_path

    graph = scenario.graph_path()
    network = None
    if graph is not None:
        with open(graph, "rb") as fh:
            magic = fh.read(4)
        if magic == b"PK\x03\x04" and is_bundle(graph):
            name, data = bundle_network(graph)
            name = Path(name).name
        else:
            name, data = graph.name, graph.read_bytes()
        network = (name, data)
        scenario = scenario.replace({"network.path": f"network/{name}",
                                     "network.sha256": hashlib.sha256(data).hexdigest()})
    blob = write_bundle_bytes(scenario.to_toml(), network)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(blob)
