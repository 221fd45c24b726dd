"""Scenario files: load, validate, override and save the TOML that holds every parameter.

A :class:`Scenario` is an immutable mapping from dotted names (``"rubric.social"``) to
values, checked against :mod:`models.schema`. Presets live in ``assets/scenarios/``.
"""

from __future__ import annotations

import math
import numbers
import os
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .atomic import write_text_atomic
from .errors import ScenarioError
from .schema import FIELD_BY_NAME, FIELDS, RUBRIC_KEYS, SECTIONS, Field
from .shipped import asset_dir

__all__ = [
    "Scenario",
    "load_scenario",
    "save_scenario",
    "parse_value",
    "preset_dir",
    "preset_names",
    "resolve_scenario",
]

SCHEMA_VERSION = 1

#: Generated networks above this many ties would not fit in a desktop's memory
#: (1,000,000 people and 5,000,000 ties peak at 1.7 GiB, so 10,000,000 at about 3.4 GiB).
MAX_GENERATED_TIES = 10_000_000

#: A table in a scenario file that says how an output was made (``FILE.meta.toml``);
#: read files ignore it, so a sidecar runs as a scenario.
MADE_BY = "made_by"


def preset_dir() -> Path:
    """Folder holding the shipped scenario presets."""
    return asset_dir("scenarios")


def preset_names() -> list[str]:
    """Names of the shipped presets, sorted, ``default`` first."""
    names = sorted(p.stem for p in preset_dir().glob("*.toml"))
    if "default" in names:
        names.remove("default")
        names.insert(0, "default")
    return names


def preset_title(name: str) -> str:
    """A preset's name as a title: ``"scam_victims"`` -> ``"Scam victims"``.

    Example
    -------
    >>> preset_title("friends_count")
    'Friends count'
    """
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def resolve_scenario(name_or_path: str | os.PathLike[str]) -> Path:
    """Turn a preset name or a path into a path to a TOML file.

    Raises
    ------
    ScenarioError
        If it is neither an existing file nor a preset name.
    """
    from .io.special import special_file_problem

    p = Path(name_or_path)
    problem = special_file_problem(p)
    if problem is None:
        return p
    preset = preset_dir() / f"{name_or_path}.toml"
    if not p.suffix and "/" not in str(name_or_path) and preset.is_file():
        return preset
    if problem != "file not found":
        raise ScenarioError(str(p), "", problem)
    known = ", ".join(preset_names())
    raise ScenarioError(str(p), "", f"no such file or preset (presets: {known})")


def _describe(value: Any) -> str:
    return type(value).__name__ if not isinstance(value, bool) else "boolean"


def _shown(value: Any) -> str:
    """A value as the user wrote it, briefly: ``1e+308`` not 309 digits, text escaped."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        return text if len(text) <= 40 else f"{text[:12]}... ({len(text.lstrip('-'))} digits)"
    from .errors import printable

    return printable(repr(value), limit=60)


def _bound(field: Field, which: float) -> str:
    """A bound as written in the schema: ``9223372036854775807`` for ints, not 9.2e18."""
    if field.type is int and math.isfinite(which):
        return str(int(which))
    return f"{which:g}"


def _check_value(field: Field, value: Any, source: str) -> Any:
    """Coerce one value to the field's type and range, or raise ScenarioError."""
    name = field.name
    if field.type is bool:
        if not isinstance(value, (bool, np.bool_)):
            raise ScenarioError(source, name, f"must be true or false, got {_shown(value)}")
        return bool(value)
    if field.type is str:
        if not isinstance(value, str):
            raise ScenarioError(source, name,
                                f"must be a string, got {_describe(value)} {_shown(value)}")
        if "\x00" in value:   # no file name or title can hold one (the OS refuses it)
            raise ScenarioError(source, name, "contains a NUL character")
        if field.choices is not None and value not in field.choices:
            raise ScenarioError(
                source, name, f"must be one of {', '.join(field.choices)}; got {_shown(value)}")
        return value
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        want = "an integer" if field.type is int else "a number"
        raise ScenarioError(source, name,
                            f"must be {want}, got {_describe(value)} {_shown(value)}")
    given = value
    if field.type is int:
        if isinstance(value, numbers.Integral):
            value = int(value)
        else:
            value = float(value)
            if not value.is_integer():
                raise ScenarioError(source, name, f"must be an integer, got {_shown(value)}")
            if (field.lo is not None and value < field.lo) or \
                    (field.hi is not None and value > field.hi):
                pass   # out of range: reported below, as written
            else:
                value = int(value)
    else:
        value = float(value)
        if math.isnan(value):
            raise ScenarioError(source, name, "must be a number, got nan")
    if field.lo is not None and value < field.lo:
        raise ScenarioError(source, name,
                            f"must be >= {_bound(field, field.lo)}, got {_shown(given)}")
    if field.hi is not None and value > field.hi:
        raise ScenarioError(source, name,
                            f"must be <= {_bound(field, field.hi)}, got {_shown(given)}")
    if field.type is float and math.isinf(value) and field.hi != math.inf:
        raise ScenarioError(source, name, "must be finite")
    return value


def _check_whole(values: Mapping[str, Any], source: str) -> None:
    """Checks that involve several keys."""
    if sum(values[f"rubric.{k}"] for k in RUBRIC_KEYS) <= 0:
        raise ScenarioError(source, "rubric", "the five weights must have a positive sum")
    if values["perks.restricted_below"] > values["perks.privileged_at"]:
        raise ScenarioError(
            source, "perks.restricted_below",
            f"must not exceed perks.privileged_at ({values['perks.privileged_at']:g}), "
            f"got {values['perks.restricted_below']:g}")
    kind = values["network.kind"]
    if kind in ("watts_strogatz", "barabasi_albert", "sbm"):
        ties = values["population.size"] * min(values["network.mean_degree"],
                                               values["population.size"] - 1) / 2
        if ties > MAX_GENERATED_TIES:
            raise ScenarioError(
                source, "network.mean_degree",
                f"{values['population.size']:,} people with mean degree "
                f"{values['network.mean_degree']:g} make about {ties:,.0f} ties; "
                f"at most {MAX_GENERATED_TIES:,} fit in memory")
    if kind == "file" and not values["network.path"]:
        raise ScenarioError(source, "network.path", "network.kind is 'file' but no path is given")


class Scenario(Mapping[str, Any]):
    """An immutable, validated set of every model parameter.

    Index it by dotted name; derive changed copies with :meth:`replace`.

    Parameters
    ----------
    values
        Dotted names to values; missing names take the schema default.
    source
        Where the values came from (a file path or a description), used in errors.
    base_dir
        Folder against which a relative ``network.path`` is resolved.

    Examples
    --------
    >>> s = Scenario()
    >>> s["rubric.history"]
    0.35
    >>> s.replace({"rubric.social": 0.4})["rubric.social"]
    0.4
    """

    __slots__ = ("_values", "source", "base_dir")

    def __init__(self, values: Mapping[str, Any] | None = None, *, source: str = "<scenario>",
                 base_dir: str | os.PathLike[str] | None = None) -> None:
        merged: dict[str, Any] = {f.name: f.default for f in FIELDS}
        for name, value in (values or {}).items():
            field = FIELD_BY_NAME.get(name)
            if field is None:
                raise ScenarioError(source, name, _unknown_key_message(name))
            merged[name] = _check_value(field, value, source)
        _check_whole(merged, source)
        self._values = merged
        self.source = source
        self.base_dir = Path(base_dir) if base_dir is not None else Path.cwd()

    # Mapping protocol
    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Scenario):
            return self._values == other._values
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, repr(v)) for k, v in self._values.items())))

    def __repr__(self) -> str:
        return f"Scenario(name={self.name!r}, source={self.source!r})"

    @property
    def name(self) -> str:
        """The scenario's display name (``about.name``)."""
        return self._values["about.name"]

    @property
    def weights(self) -> dict[str, float]:
        """The five raw rubric weights."""
        return {k: self._values[f"rubric.{k}"] for k in RUBRIC_KEYS}

    def replace(self, changes: Mapping[str, Any], *, source: str | None = None,
                blame: str | None = None) -> Scenario:
        """A copy with some values changed, validated like a file.

        ``blame`` names where the changes came from in errors (``"--set"``) without
        changing the copy's :attr:`source`. A new graph path or network kind clears
        ``network.sha256`` unless the changes set it too.

        Raises
        ------
        ScenarioError
            On an unknown name, a wrong type, a value out of range or an inconsistent whole.
        """
        merged = dict(self._values)
        src = source or self.source
        who = blame or src
        for name, value in changes.items():
            field = FIELD_BY_NAME.get(name)
            if field is None:
                raise ScenarioError(who, name, _unknown_key_message(name))
            merged[name] = value
        if ({"network.path", "network.kind"} & set(changes)) and "network.sha256" not in changes \
                and any(merged[k] != self._values[k] for k in ("network.path", "network.kind")):
            merged["network.sha256"] = ""
        out = Scenario(merged, source=who, base_dir=self.base_dir)
        out.source = src
        return out

    def changed(self) -> dict[str, Any]:
        """The values that differ from the schema defaults."""
        return {k: v for k, v in self._values.items() if v != FIELD_BY_NAME[k].default}

    def graph_path(self) -> Path | None:
        """The resolved graph file path, or None when the network is generated."""
        if self._values["network.kind"] != "file":
            return None
        p = Path(os.path.expanduser(self._values["network.path"]))
        return p if p.is_absolute() else self.base_dir / p

    def to_nested(self) -> dict[str, dict[str, Any]]:
        """Section -> key -> value, in schema order."""
        out: dict[str, dict[str, Any]] = {s: {} for s in SECTIONS}
        for f in FIELDS:
            out[f.section][f.key] = self._values[f.name]
        return out

    def to_toml(self) -> str:
        """The full scenario as TOML text, with every parameter written out."""
        import tomli_w

        doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        doc.update(self.to_nested())
        return tomli_w.dumps(doc)


def _unknown_key_message(name: str) -> str:
    section, _, key = name.partition(".")
    if section not in SECTIONS:
        return f"unknown section {section!r} (sections: {', '.join(SECTIONS)})"
    import difflib

    keys = [f.key for f in FIELDS if f.section == section]
    close = difflib.get_close_matches(key, keys, n=1)
    hint = f"; did you mean {section}.{close[0]}?" if close else ""
    return f"unknown key{hint}"


def parse_value(text: str) -> Any:
    """Parse a ``--set`` value as TOML (``0.4``, ``true``, ``inf``, ``"x"``); else a string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _flatten(doc: Mapping[str, Any], source: str) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, body in doc.items():
        if section == "schema_version":
            if not isinstance(body, int) or isinstance(body, bool):
                raise ScenarioError(source, "schema_version",
                                    f"must be an integer, got {body!r}")
            if not 1 <= body <= SCHEMA_VERSION:
                raise ScenarioError(source, "schema_version",
                                    f"unsupported version {_shown(body)} (versions run from 1 "
                                    f"to {SCHEMA_VERSION}, this ScoreNet's)")
            continue
        if section == MADE_BY:
            continue
        if section == "lesson" and "step" in doc:   # a guided lesson: it names a scenario
            raise ScenarioError(source, "", "a lesson, not a scenario (open it with "
                                "scorenet gui --lesson FILE)")
        if section not in SECTIONS:
            raise ScenarioError(source, section, _unknown_key_message(section + "."))
        if not isinstance(body, dict):
            raise ScenarioError(source, section, "must be a [section] table")
        for key, value in body.items():
            flat[f"{section}.{key}"] = value
    return flat


def load_scenario(name_or_path: str | os.PathLike[str],
                  overrides: Mapping[str, Any] | None = None, *,
                  blame: str | None = None, check_graph: bool = True) -> Scenario:
    """Read and validate a scenario file or preset.

    Parameters
    ----------
    name_or_path
        A path to a TOML file or the name of a preset (``"default"``, ``"karate"``...).
    overrides
        Dotted names to values applied on top of the file, validated the same way (a
        relative ``network.path`` is read from the file's folder; the CLI makes the
        paths given on its command line absolute from the current folder first).
    blame
        Where the overrides came from, for errors (the CLI passes ``"--set"``).
    check_graph
        Check the graph file now (:func:`check_graph_file`); off when the caller changes
        the network afterwards.

    Raises
    ------
    ScenarioError
        One line naming the file, the key and the problem.

    Examples
    --------
    >>> s = load_scenario("default", {"rubric.social": 0.4})
    >>> s["rubric.social"]
    0.4
    """
    path = resolve_scenario(name_or_path)
    source = str(path)
    from .io.scenario_files import check_graph_file, read_scenario_text

    text, bundled = read_scenario_text(path, source)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(source, "", f"invalid TOML: {exc}") from None
    flat = _flatten(doc, source)
    if "about.name" not in flat:
        flat["about.name"] = path.stem
    if bundled:   # the network is read from inside the bundle itself
        flat["network.path"] = path.name
    scenario = Scenario(flat, source=source, base_dir=path.parent)
    if overrides:
        scenario = scenario.replace(overrides, source=source, blame=blame)
    if check_graph:
        check_graph_file(scenario, blame if overrides and (
            {"network.path", "network.kind"} & set(overrides)) else None)
    return scenario


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write the scenario to ``path`` atomically (temporary file, then rename).

    A relative ``network.path`` is rewritten relative to the new file's folder so that the
    saved scenario still finds its graph, and the graph file's SHA-256 is recorded in
    ``network.sha256`` so that loading against a changed graph says so.
    """
    from .io.scenario_files import scenario_for

    path = Path(path)
    write_text_atomic(path, scenario_for(scenario, path).to_toml())
