"""Search text for Japanese and English: what a user types finds what was written."""

from __future__ import annotations

from qa_desktop.domain.search_text import fts5_match, index_text, parse_query, tsquery


def test_japanese_runs_are_indexed_as_overlapping_bigrams() -> None:
    assert index_text("発火のおそれ") == "発火 火の のお おそ それ"


def test_latin_words_are_case_folded_and_full_width_forms_unified() -> None:
    assert index_text("Heater ＯＨ－１２") == index_text("heater oh-12")


def test_a_japanese_query_becomes_a_phrase_of_bigrams() -> None:
    (term,) = parse_query("のおそれ")
    assert term.tokens == ("のお", "おそ", "それ")
    assert not term.prefix


def test_a_single_kanji_searches_as_a_bigram_prefix() -> None:
    (term,) = parse_query("火")
    assert term.tokens == ("火",)
    assert term.prefix


def test_the_last_latin_word_matches_as_a_prefix_while_typing() -> None:
    terms = parse_query("cord overh")
    assert [t.prefix for t in terms] == [False, True]


def test_query_syntax_characters_cannot_leak_into_fts5() -> None:
    expression = fts5_match(parse_query('a" OR NOT *(x)'))
    assert expression.count('"') % 2 == 0
    assert " OR " not in expression.replace('"or"', "")


def test_tsquery_operators_typed_by_a_user_are_not_operators() -> None:
    assert tsquery(parse_query("o'neil <-> & | !")) == "('o') & ('neil':*)"
    assert tsquery(parse_query("発火の")) == "('発火' <-> '火の')"


def test_an_overlong_query_is_cut_not_refused() -> None:
    assert len(parse_query("a " * 100_000)) <= 200
