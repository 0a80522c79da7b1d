"""Saves and replays are outside input: whatever a damaged or hostile file holds, loading it gives a game or a
GameFileError naming the file — never another exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.session.replay import GameFileError
from game.session.session import LocalSession

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.integers(min_value=10**18, max_value=10**400)
    | st.floats() | st.sampled_from([float("nan"), float("inf"), float("-inf")]) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
DEEP = "[" * 5000 + "]" * 5000  # nesting far past any parser's comfort


def _paths(data, prefix=()):
    """Every (path) into a JSON document, for picking what to damage."""
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, (*prefix, i))


def _set(data, path, value):
    if not path:
        return value
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_saves_load_or_fail_cleanly(tiny_level, catalog, tmp_path, data):
    session = LocalSession(tiny_level, catalog, 2, seed=5)
    for _ in range(3):
        session.end_turn()
    good = tmp_path / "good.json"
    session.save(good)
    doc = json.loads(good.read_text())
    paths = sorted(_paths(doc), key=repr)
    for _ in range(data.draw(st.integers(1, 3))):
        doc = _set(doc, data.draw(st.sampled_from(paths)), data.draw(json_values))
        paths = sorted(_paths(doc), key=repr)
    bad = tmp_path / "bad.json"
    text = json.dumps(doc)  # NaN and Infinity are written as such: the loader must refuse them
    if data.draw(st.booleans()):
        text = text.replace("null", DEEP, 1) if "null" in text else text[:-1] + f', "deep": {DEEP}}}'
    bad.write_text(text)
    try:
        LocalSession.from_file(bad)
    except GameFileError as exc:
        assert str(bad) in str(exc)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300) | st.just(b'{"format": "bone-music-game", "seed": \xff\xfe}'))
def test_arbitrary_bytes_are_refused_cleanly(tmp_path, raw):
    path = tmp_path / "junk.json"
    path.write_bytes(raw)
    try:
        LocalSession.from_file(path)
    except GameFileError as exc:
        assert str(path) in str(exc)


def test_a_save_whose_level_puts_a_site_off_the_map_is_refused(tiny_level, catalog, tmp_path):
    session = LocalSession(tiny_level, catalog, 2, seed=5)
    session.end_turn()
    path = tmp_path / "offmap.json"
    session.save(path)
    doc = json.loads(path.read_text())
    doc["level"]["sites"][3]["at"] = [500, 2]
    path.write_text(json.dumps(doc))
    try:
        LocalSession.from_file(path)
    except GameFileError as exc:
        assert "offmap.json" in str(exc) and "sites[3]" in str(exc)
    else:
        raise AssertionError("a level with a site off the map was accepted")
