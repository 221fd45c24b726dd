"""Scenario files: presets load, every bad input is one line naming file and key."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from models import Scenario, ScenarioError, load_scenario, preset_names, save_scenario
from models.scenario import parse_value
from models.schema import FIELDS


def write(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def error_of(path_or_name, overrides=None) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path_or_name, overrides)
    msg = str(info.value)
    assert "\n" not in msg
    return info.value


def test_presets_exist_and_load():
    names = preset_names()
    assert names[0] == "default"
    for required in ("default", "karate", "facebook", "frozen"):
        assert required in names
    for name in names:
        sc = load_scenario(name)
        assert sc.name


def test_default_uses_sesame_weights():
    sc = load_scenario("default")
    assert sc.weights == {"history": 0.35, "capacity": 0.20, "identity": 0.15,
                          "behaviour": 0.25, "social": 0.05}
    assert sc["population.size"] == 500


def test_every_field_has_doc_label_and_valid_default():
    for f in FIELDS:
        assert f.doc and f.label, f.name
    Scenario()  # defaults validate as a whole


@pytest.mark.parametrize("body, key, words", [
    ("[rubric]\nsocial = -0.1\n", "rubric.social", ">= 0"),
    ("[rubric]\nhistory = 0\ncapacity = 0\nidentity = 0\nbehaviour = 0\nsocial = 0\n",
     "rubric", "positive sum"),
    ("[rubric]\nsocail = 0.1\n", "rubric.socail", "did you mean rubric.social"),
    ("[rubrik]\nsocial = 0.1\n", "rubrik", "unknown section"),
    ("[rubric]\nsocial = \"lots\"\n", "rubric.social", "must be a number"),
    ("[rubric]\nsocial = true\n", "rubric.social", "must be a number"),
    ("[population]\nsize = 10.5\n", "population.size", "integer"),
    ("[perks]\nprivileged_at = 1000\n", "perks.privileged_at", "<= 950"),
    ("[perks]\nrestricted_below = 300\n", "perks.restricted_below", ">= 350"),
    ("[perks]\nrestricted_below = 800\nprivileged_at = 700\n", "perks.restricted_below",
     "must not exceed"),
    ("[events]\nenabled = 1\n", "events.enabled", "true or false"),
    ("[network]\nkind = \"lattice\"\n", "network.kind", "must be one of"),
    ("[network]\nkind = \"file\"\n", "network.path", "no path"),
    ("[network]\nkind = \"file\"\npath = \"nowhere.txt\"\n", "network.path", "not found"),
    ("rubric = 3\n", "rubric", "table"),
    ("[rubric\nsocial = 1\n", "", "invalid TOML"),
    ("[events]\nforgiveness_half_life = nan\n", "events.forgiveness_half_life", "nan"),
    ("[dating]\nactivity = inf\n", "dating.activity", "<= 1"),
    ("schema_version = 99\n", "schema_version", "unsupported"),
    ("[population]\nsize = 4000000\n[network]\nmean_degree = 1000\n", "network.mean_degree",
     "fit in memory"),
    ("[population]\nsize = 90000000\n", "population.size", "<="),
    ("[rubric]\nhistory = 1e308\ncapacity = 1e308\n", "rubric.history", "<="),
])
def test_bad_values_give_one_line_naming_file_and_key(tmp_path, body, key, words):
    p = write(tmp_path, body)
    err = error_of(p)
    assert str(p) in str(err)
    assert err.key == key
    assert words in str(err)


def test_unreadable_and_binary_files(tmp_path):
    junk = tmp_path / "junk.toml"
    junk.write_bytes(os.urandom(256) + b"\xff\xfe")
    assert "UTF-8" in str(error_of(junk)) or "TOML" in str(error_of(junk))
    err = error_of(tmp_path / "missing.toml")
    assert "no such file or preset" in str(err)
    err = error_of(tmp_path)
    assert "not a file" in str(err)


def test_graph_directory_is_refused(tmp_path):
    p = write(tmp_path, f'[network]\nkind = "file"\npath = "{tmp_path}"\n')
    assert "not a file" in str(error_of(p))


def test_infinite_half_life_round_trips(tmp_path):
    p = write(tmp_path, "[events]\nforgiveness_half_life = inf\n")
    sc = load_scenario(p)
    assert math.isinf(sc["events.forgiveness_half_life"])
    out = tmp_path / "again.toml"
    save_scenario(sc, out)
    assert load_scenario(out) == sc


def test_save_then_load_is_identity_for_every_preset(tmp_path):
    for name in preset_names():
        sc = load_scenario(name)
        out = tmp_path / "sub" / f"{name}.toml"
        out.parent.mkdir(exist_ok=True)
        save_scenario(sc, out)
        again = load_scenario(out)
        assert again.graph_path() == sc.graph_path() or (
            again.graph_path().resolve() == sc.graph_path().resolve())
        # The saved file records its graph's SHA-256 (tests/test_files_out.py checks it).
        skip = ("network.path", "network.sha256")
        assert {k: v for k, v in again.items() if k not in skip} == \
            {k: v for k, v in sc.items() if k not in skip}


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path, monkeypatch):
    out = tmp_path / "a.toml"
    save_scenario(Scenario(), out)
    before = out.read_bytes()

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr("models.atomic.os.replace", boom)
    with pytest.raises(RuntimeError):
        save_scenario(Scenario().replace({"rubric.social": 0.5}), out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml"]


def test_overrides_are_validated_like_the_file():
    err = error_of("default", {"rubric.capacity": -2})
    assert err.key == "rubric.capacity"
    err = error_of("default", {"nonsense.key": 1})
    assert err.key == "nonsense.key"


@pytest.mark.parametrize("text, value", [
    ("0.4", 0.4), ("3", 3), ("true", True), ("inf", math.inf), ('"x"', "x"), ("file", "file"),
])
def test_parse_value(text, value):
    assert parse_value(text) == value


def test_int_accepted_where_float_expected():
    sc = Scenario({"rubric.social": 1})
    assert isinstance(sc["rubric.social"], float)


def test_byte_order_mark_is_accepted(tmp_path):
    p = tmp_path / "bom.toml"
    p.write_bytes(b"\xef\xbb\xbf[about]\nname = \"bom\"\n")
    assert load_scenario(p).name == "bom"
