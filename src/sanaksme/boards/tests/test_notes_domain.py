"""What a note may say: pure rules, no database."""

from __future__ import annotations

import unicodedata

import pytest

from sanaksme.boards.domain.notes import NOTE_LIMIT, NoteProblem, clean_note_text


def test_text_is_trimmed() -> None:
    cleaned, problem = clean_note_text("  Laba skola \n")

    assert (cleaned, problem) == ("Laba skola", None)


def test_text_is_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Kalniņa")

    cleaned, problem = clean_note_text(decomposed)

    assert cleaned == "Kalniņa"
    assert cleaned != decomposed
    assert problem is None


def test_windows_line_ends_become_newlines() -> None:
    cleaned, problem = clean_note_text("a\r\nb")

    assert (cleaned, problem) == ("a\nb", None)


@pytest.mark.parametrize("text", ["", " ", "   \n\t  "])
def test_empty_or_whitespace_only_is_refused(text: str) -> None:
    _cleaned, problem = clean_note_text(text)

    assert problem is NoteProblem.EMPTY


def test_exactly_the_limit_is_accepted() -> None:
    cleaned, problem = clean_note_text("a" * NOTE_LIMIT)

    assert NOTE_LIMIT == 280
    assert len(cleaned) == 280
    assert problem is None


def test_one_over_the_limit_is_refused() -> None:
    _cleaned, problem = clean_note_text("a" * (NOTE_LIMIT + 1))

    assert problem is NoteProblem.TOO_LONG


def test_surrounding_spaces_do_not_count_towards_the_limit() -> None:
    _cleaned, problem = clean_note_text("  " + "a" * NOTE_LIMIT + "  ")

    assert problem is None


def test_a_custom_limit_is_used() -> None:
    _cleaned, problem = clean_note_text("abcd", limit=3)

    assert problem is NoteProblem.TOO_LONG


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\x7f", "\x85", "\r"])
def test_control_characters_are_refused(char: str) -> None:
    _cleaned, problem = clean_note_text(f"a{char}b")

    assert problem is NoteProblem.CONTROL_CHARACTERS


@pytest.mark.parametrize("text", ["line one\nline two", "col\tcol"])
def test_newline_and_tab_are_allowed(text: str) -> None:
    cleaned, problem = clean_note_text(text)

    assert (cleaned, problem) == (text, None)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "ā č ē ģ ī ķ ļ ņ š ū ž",
                                  "👍 labi", "Ромы"])
def test_ordinary_text_is_kept_as_is(text: str) -> None:
    cleaned, problem = clean_note_text(text)

    assert (cleaned, problem) == (text, None)
