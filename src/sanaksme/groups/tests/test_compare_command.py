"""`sanaksme compare` and its input format (no database)."""

from __future__ import annotations

import json
import sys
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy
import pytest
from django.core.management import CommandError, call_command

from sanaksme.groups.domain.compare_io import CompareInputError, parse_compare_input
from sanaksme.groups.domain.comparison import GroupKind
from sanaksme.groups.management.commands.compare import _embedding_similarity

EXAMPLE = Path(__file__).resolve().parents[4] / "examples" / "compare-sample.json"


def sample() -> dict[str, Any]:
    return {"groups": [
        {"name": "1. grupa", "kind": "experts", "items": [
            {"id": "e1-1", "text": "Zema motivācija mācīties",
             "responsibility": {"municipality": 40, "state": 30, "community": 30}},
            {"id": "e1-2", "text": "Valodas barjera"}]},
        {"name": "Romu grupa", "kind": "community", "items": [
            {"id": "r-1", "text": "bērni negrib iet uz skolu, neredz jēgu"}]},
    ]}


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "input.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("compare", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_prints_themes_as_json(tmp_path: Path) -> None:
    output = run(str(write(tmp_path, sample())))

    assert json.loads(output) == {"themes": [
        {"label": "Zema motivācija un pašvērtējums", "items": ["e1-1", "r-1"],
         "status": "common", "confirmed": False},
        {"label": "Valodas barjera", "items": ["e1-2"], "status": "experts_only",
         "confirmed": False},
    ]}
    assert "Zema motivācija" in output  # UTF-8, not \\u escapes


def test_writes_themes_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "themes.json"

    output = run(str(write(tmp_path, sample())), "-o", str(target))

    assert output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["themes"][0]["status"] == "common"


def test_the_example_has_common_and_different_themes() -> None:
    themes = json.loads(run(str(EXAMPLE)))["themes"]

    assert {"common", "experts_only"} <= {theme["status"] for theme in themes}
    assert any(theme["items"] == ["g1-4", "r-1"] for theme in themes)


def broken(change: str) -> Any:
    data = sample()
    groups = data["groups"]
    if change == "missing text":
        del groups[1]["items"][0]["text"]
    elif change == "empty text":
        groups[0]["items"][1]["text"] = "   "
    elif change == "unknown kind":
        groups[1]["kind"] = "roma"
    elif change == "duplicate id":
        groups[1]["items"][0]["id"] = "e1-2"
    elif change == "bad sum":
        groups[0]["items"][0]["responsibility"]["state"] = 20
    elif change == "fraction":
        groups[0]["items"][0]["responsibility"]["state"] = 30.5
    elif change == "unknown field":
        groups[0]["items"][1]["responsibilty"] = None
    elif change == "no groups":
        return {"groups": []}
    return data


@pytest.mark.parametrize(("change", "message"), [
    ("missing text", "groups[1].items[0].text: missing"),
    ("empty text", "groups[0].items[1].text: empty"),
    ("unknown kind", "groups[1].kind: unknown kind 'roma' (use experts, community)"),
    ("duplicate id", "groups[1].items[0].id: duplicate of groups[0].items[1].id"),
    ("bad sum", "groups[0].items[0].responsibility: shares add up to 90, not 100"),
    ("fraction", "groups[0].items[0].responsibility.state: expected a whole number"),
    ("unknown field", "groups[0].items[1].responsibilty: unknown field"),
    ("no groups", "groups: empty"),
])
def test_bad_input_names_the_field_and_writes_nothing(tmp_path: Path, change: str,
                                                      message: str) -> None:
    target = tmp_path / "themes.json"

    with pytest.raises(CommandError) as error:
        run(str(write(tmp_path, broken(change))), "-o", str(target))

    assert message in str(error.value)
    assert not target.exists()


def test_text_that_is_not_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not valid JSON"):
        run(str(write(tmp_path, "{groups: ")))


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "nope.json"))


def test_embeddings_path_must_be_a_local_directory(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not a local model directory"):
        run(str(write(tmp_path, sample())), "--embeddings", str(tmp_path / "model"))


def test_a_local_embedding_model_gives_clipped_cosines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[tuple[str, bool]] = []

    class FakeModel:
        def __init__(self, path: str, *, local_files_only: bool) -> None:
            loaded.append((path, local_files_only))

        def encode(self, texts: list[str], **options: Any) -> Any:
            assert options["normalize_embeddings"]
            return numpy.array([[1.0, 0.0], [0.6, 0.8], [-1.0, 0.0]])[:len(texts)]

    monkeypatch.setitem(sys.modules, "sentence_transformers",
                        SimpleNamespace(SentenceTransformer=FakeModel))

    similarity = _embedding_similarity(str(tmp_path))

    assert loaded == [(str(tmp_path), True)]
    matrix = similarity(["a", "b", "c"])
    expected = [[1.0, 0.6, 0.0], [0.6, 1.0, 0.0], [0.0, 0.0, 1.0]]
    assert numpy.allclose(matrix, expected)


def test_parsed_input_keeps_kinds_and_items() -> None:
    groups = parse_compare_input(sample())

    assert [g.kind for g in groups] == [GroupKind.EXPERTS, GroupKind.COMMUNITY]
    assert [i.id for i in groups[0].items] == [i["id"] for i in sample()["groups"][0]["items"]]


def test_extra_top_level_keys_are_allowed() -> None:
    data = sample() | {"meeting": "Daugavpils", "gold": []}

    assert len(parse_compare_input(data)) == 2


def test_input_error_carries_the_path() -> None:
    with pytest.raises(CompareInputError) as error:
        parse_compare_input({"groups": [{"name": "A", "kind": "experts"}]})

    assert error.value.path == "groups[0].items"


def test_decisions_are_kept_and_marked(tmp_path: Path) -> None:
    data = sample() | {"decisions": {
        "apart": [["e1-1", "r-1"]],
        "themes": [{"label": "Valoda", "items": ["e1-2"], "confirmed": True}]}}

    themes = json.loads(run(str(write(tmp_path, data))))["themes"]

    assert {"label": "Valoda", "items": ["e1-2"], "status": "experts_only",
            "confirmed": True} in themes
    assert not any({"e1-1", "r-1"} <= set(t["items"]) for t in themes)


@pytest.mark.parametrize(("decisions", "message"), [
    ({"together": [["e1-1", "x-9"]]}, "decisions.together[0][1]: unknown item 'x-9'"),
    ({"together": [["e1-1"]]}, "decisions.together[0]: expected a pair [id, id]"),
    ({"apart": [["e1-1", "e1-1"]]}, "decisions.apart[0]: the same item twice"),
    ({"together": [["e1-1", "r-1"]], "apart": [["r-1", "e1-1"]]},
     "decisions.apart[0]: \"together\" decisions join these items"),
    ({"themes": [{"label": "A", "items": ["e1-1"]}], "together": [["e1-1", "r-1"]]},
     "decisions.together[0]: would change a confirmed theme"),
    ({"themes": [{"label": "A", "items": ["e1-1"]}, {"label": "B", "items": ["e1-1"]}]},
     "decisions.themes[1].items[0]: 'e1-1' is already in decisions.themes[0]"),
    ({"themes": [{"label": "A", "items": []}]}, "decisions.themes[0].items: empty"),
    ({"themes": [{"label": "A", "items": ["e1-1"], "confirmed": "yes"}]},
     "decisions.themes[0].confirmed: expected true or false"),
    ({"togther": []}, "decisions.togther: unknown field"),
])
def test_bad_decisions_name_the_field(tmp_path: Path, decisions: dict[str, Any],
                                      message: str) -> None:
    with pytest.raises(CommandError) as error:
        run(str(write(tmp_path, sample() | {"decisions": decisions})))

    assert message in str(error.value)
