"""The method library: defaults and parameter cleaning."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sanaksme.programme.domain.methods import (
    METHODS,
    Method,
    ParamError,
    clean_params,
    default_params,
)

SITES = frozenset({"school", "kindergarten"})


def test_every_method_has_a_spec() -> None:
    missing = [m for m in Method if m not in METHODS]

    assert missing == []


def test_tour_de_table_defaults_to_three_minutes_per_speaker() -> None:
    params = default_params(Method.TOUR_DE_TABLE)

    assert params == {"minutes_per_speaker": 3}


def test_default_lists_are_fresh_copies() -> None:
    first = default_params(Method.BRAINSTORM)

    first["columns"].append("changed")

    assert "changed" not in default_params(Method.BRAINSTORM)["columns"]


def test_break_has_no_params() -> None:
    params = default_params(Method.BREAK)

    assert params == {}


def test_missing_params_get_defaults() -> None:
    cleaned, errors = clean_params(Method.GROUP_PRESENTATIONS, {})

    assert errors == []
    assert cleaned == {"order": "random_first", "minutes_per_group": 5, "compare": True}


def test_number_given_as_text_is_read_as_int() -> None:
    cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"minutes_per_speaker": "4"})

    assert errors == []
    assert cleaned == {"minutes_per_speaker": 4}


def test_number_below_minimum_is_too_small() -> None:
    cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"minutes_per_speaker": 0})

    assert errors == [ParamError("minutes_per_speaker", "too_small", 0, 1)]
    assert cleaned == {"minutes_per_speaker": 3}


def test_number_above_maximum_is_too_large() -> None:
    _cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"minutes_per_speaker": 31})

    assert errors == [ParamError("minutes_per_speaker", "too_large", 31, 30)]


def test_word_for_a_number_is_not_int() -> None:
    _cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"minutes_per_speaker": "three"})

    assert errors == [ParamError("minutes_per_speaker", "not_int", "three")]


def test_boolean_is_not_taken_for_a_number() -> None:
    _cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"minutes_per_speaker": True})

    assert [e.code for e in errors] == ["not_int"]


def test_option_outside_the_list_is_unknown_option() -> None:
    _cleaned, errors = clean_params(Method.BRAINSTORM, {"columns": ["positive", "gossip"]})

    assert len(errors) == 1
    assert (errors[0].param, errors[0].code, errors[0].value) == (
        "columns", "unknown_option", "gossip")


def test_unknown_parameter_name_is_an_error() -> None:
    _cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"speakers": 5})

    assert errors == [ParamError("speakers", "unknown_param", "speakers")]


def test_site_visit_requires_a_site() -> None:
    _cleaned, errors = clean_params(Method.SITE_VISIT, {}, site_keys=SITES)

    assert errors == [ParamError("site", "required")]


def test_site_visit_to_a_site_not_in_the_meeting_is_unknown_site() -> None:
    _cleaned, errors = clean_params(Method.SITE_VISIT, {"site": "museum"}, site_keys=SITES)

    assert errors == [ParamError("site", "unknown_site", "museum")]


def test_site_visit_to_a_meeting_site_is_clean() -> None:
    cleaned, errors = clean_params(Method.SITE_VISIT, {"site": "school"}, site_keys=SITES)

    assert errors == []
    assert cleaned == {"site": "school"}


def test_brainstorm_sites_must_be_meeting_sites() -> None:
    _cleaned, errors = clean_params(Method.BRAINSTORM, {"sites": ["school", "museum"]},
                                    site_keys=SITES)

    assert [(e.param, e.code, e.value) for e in errors] == [
        ("sites", "unknown_option", "museum")]


def test_lists_drop_blanks_and_repeats_and_keep_order() -> None:
    cleaned, errors = clean_params(
        Method.PRESENTATION, {"videos": ["b ", "", "a", "b"]})

    assert errors == []
    assert cleaned["videos"] == ["b", "a"]


def test_choice_must_be_one_of_the_options() -> None:
    _cleaned, errors = clean_params(Method.GROUP_PRESENTATIONS, {"order": "alphabetical"})

    assert [e.code for e in errors] == ["unknown_option"]


def test_bool_param_refuses_text() -> None:
    _cleaned, errors = clean_params(Method.FEEDBACK, {"anonymous": "yes"})

    assert errors == [ParamError("anonymous", "not_bool", "yes")]


@given(st.one_of(st.integers(), st.text(max_size=6), st.booleans(), st.none(),
                 st.floats(allow_nan=False)))
def test_tour_minutes_are_cleaned_to_1_to_30_or_refused(value: Any) -> None:
    cleaned, errors = clean_params(Method.TOUR_DE_TABLE, {"minutes_per_speaker": value})

    minutes = cleaned["minutes_per_speaker"]
    assert isinstance(minutes, int)
    assert errors or 1 <= minutes <= 30
    if isinstance(value, int) and not isinstance(value, bool) and not 1 <= value <= 30:
        assert [e.code for e in errors] in (["too_small"], ["too_large"])
