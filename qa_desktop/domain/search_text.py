"""Full-text indexing that works for Japanese as well as English.

Japanese is written without spaces, so a word tokenizer sees a whole sentence as one word
and a search for 発火 finds nothing. Both databases therefore index a *search text* made
here: Latin words as they are, and every run of Han, kana or Hangul characters as its
overlapping bigrams (発火のおそれ → 発火 火の のお おそ それ), the approach of CJK
analysers in search engines. A query is turned into the same tokens, a CJK run into the
phrase of its bigrams, so the database matches substrings of Japanese text by index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

_CJK = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u3005\u3006\u3007"  # 々 〆 〇
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0002fa1f"  # Han extensions
)
#: Longest query the register accepts, in characters; longer input is cut, not refused.
MAX_QUERY_LENGTH = 200
_ASCII_WORD = re.compile(r"[^\W_]+", re.ASCII)


@dataclass(frozen=True, slots=True)
class _Patterns:
    token: re.Pattern[str]
    cjk_run: re.Pattern[str]
    pair: re.Pattern[str]


# Compiled on first use: the CJK classes take several milliseconds to compile, and the
# window imports this module for MAX_QUERY_LENGTH before anyone has searched.
@cache
def _patterns() -> _Patterns:
    return _Patterns(
        token=re.compile(rf"[{_CJK}]+|[^\W{_CJK}]+", re.UNICODE),
        cjk_run=re.compile(rf"^[{_CJK}]+$"),
        pair=re.compile(rf"([{_CJK}]+)|([^\W{_CJK}]+)", re.UNICODE),
    )


def _normalise(text: str) -> str:
    # NFKC folds full-width Latin (ＡＢＣ) and half-width kana so either form finds the other.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(*parts: str) -> str:
    """The search text stored for a record made of *parts* (title, description, …).

    On the import path for every row, hence the plain-ASCII fast path.
    """
    text = "\n".join(parts)
    if text.isascii():
        return " ".join(_ASCII_WORD.findall(text.lower()))
    tokens: list[str] = []
    for cjk, word in _patterns().pair.findall(_normalise(text)):
        if cjk:
            tokens.extend(_bigrams(cjk))
        else:
            tokens.extend(word.replace("_", " ").split())
    return " ".join(tokens)


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One term of a query: a phrase of tokens; ``prefix`` when its last token may continue."""

    tokens: tuple[str, ...]
    prefix: bool


def parse_query(text: str) -> list[SearchTerm]:
    """The terms of a user's query; all must match. The last word matches as a prefix."""
    terms: list[SearchTerm] = []
    patterns = _patterns()
    matches = list(patterns.token.finditer(_normalise(text[:MAX_QUERY_LENGTH])))
    for index, match in enumerate(matches):
        token = match.group()
        last = index == len(matches) - 1
        if patterns.cjk_run.match(token):
            # A single CJK character can only be found as the start of a bigram.
            terms.append(SearchTerm(tuple(_bigrams(token)), prefix=len(token) == 1))
        else:
            words = tuple(w for w in token.replace("_", " ").split() if w)
            if words:
                terms.append(SearchTerm(words, prefix=last))
    return terms


def fts5_match(terms: list[SearchTerm]) -> str:
    """An SQLite FTS5 MATCH expression for *terms* (every token quoted, so no syntax leaks)."""
    parts = []
    for term in terms:
        phrase = " ".join(term.tokens)
        quoted = '"' + phrase.replace('"', '""') + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " AND ".join(parts)


def tsquery(terms: list[SearchTerm]) -> str:
    """A PostgreSQL ``to_tsquery('simple', …)`` expression for *terms*."""

    def lexeme(token: str, prefix: bool) -> str:
        escaped = token.replace("\\", "\\\\").replace("'", "''")
        return f"'{escaped}'" + (":*" if prefix else "")

    parts = []
    for term in terms:
        last = len(term.tokens) - 1
        chain = " <-> ".join(
            lexeme(tok, term.prefix and i == last) for i, tok in enumerate(term.tokens)
        )
        parts.append(f"({chain})")
    return " & ".join(parts)
