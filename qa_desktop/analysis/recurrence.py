"""Learning across incidents: causes that recur, and past incidents like a new one.

:func:`recurring_causes` groups the causes of many analyses by what they say (title text
normalised with NFKC, case folding and collapsed white space) or by the component or
failure mode they name, always within one layer, and returns the groups that span more than
one incident, widest first, e.g. the same framework cause behind three different failures.

:func:`similar_incidents` scores past analyses against a new incident by shared product,
components, failure modes and cause words (Latin words, and character pairs for Japanese
text, which has no spaces between words), weighting rare words above common ones.

Both make one pass over the analyses, so their time grows linearly with the history
(figures in ``docs/cause-graphs.md``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import starmap
from typing import Any

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import CauseLayer, CauseNode, CauseStatus

_LAYER_ORDER = {layer: i for i, layer in enumerate(CauseLayer)}
_WORD_RUN = re.compile(r"\w+")
# Han, hiragana, katakana (incl. the prolonged sound mark) and Hangul: no spaces between words.
_CJK = r"\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_RUN = re.compile(rf"[{_CJK}]+")
_SCRIPT_BOUNDARY = re.compile(rf"(?<=[{_CJK}])(?=[^{_CJK}\s])|(?<=[^{_CJK}\s])(?=[{_CJK}])")
_NON_WORD = re.compile(r"[\W_]+")
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is",
        "it", "no", "not", "of", "on", "or", "the", "to", "was", "were", "with",
    }
)
_PRODUCT_WEIGHT = 3.0
_MATCH_WEIGHT = 2.0


def normalise_text(text: str) -> str:
    """Text as compared across analyses: NFKC, case folded, white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class PastAnalysis:
    """One incident's analysis with what the cross-incident view groups it by."""

    reference: str
    product: str
    year: int
    graph: CauseGraph


class RecurrenceBasis(StrEnum):
    """What the causes of a recurrence group have in common (besides their layer)."""

    TEXT = "text"
    COMPONENT = "component"
    FAILURE_MODE = "failure_mode"


@dataclass(frozen=True, slots=True)
class CauseOccurrence:
    """One cause of one analysis within a recurrence group (fields in sorting order)."""

    year: int
    reference: str
    product: str
    cause_id: str
    title: str


@dataclass(frozen=True, slots=True)
class RecurringCause:
    """Causes in the same layer that say the same, or name the same component or failure mode.

    ``label`` is the wording used most often; the counts are of distinct incidents,
    products (normalised) and years.
    """

    basis: RecurrenceBasis
    layer: CauseLayer
    key: str
    label: str
    occurrences: tuple[CauseOccurrence, ...]
    incident_count: int
    product_count: int
    years: tuple[int, ...]

    @property
    def summary(self) -> str:
        """One sentence for the cross-incident view."""
        what = {
            RecurrenceBasis.TEXT: f"The same {self.layer.value} cause “{self.label}”",
            RecurrenceBasis.COMPONENT: f"{self.layer.value.capitalize()} causes in the "
            f"component “{self.label}”",
            RecurrenceBasis.FAILURE_MODE: f"{self.layer.value.capitalize()} causes with the "
            f"failure mode “{self.label}”",
        }[self.basis]
        span = f"{self.years[0]}" if len(self.years) == 1 else f"{self.years[0]}–{self.years[-1]}"
        verb = "recurs" if self.basis is RecurrenceBasis.TEXT else "recur"
        return (
            f"{what} {verb} in {self.incident_count} incidents across "
            f"{self.product_count} product(s), {span}."
        )


_ATTRIBUTE = {
    RecurrenceBasis.TEXT: "title",
    RecurrenceBasis.COMPONENT: "component",
    RecurrenceBasis.FAILURE_MODE: "failure_mode",
}
_DEFAULT_STATUSES = frozenset({CauseStatus.CONFIRMED})
_GroupKey = tuple[RecurrenceBasis, CauseLayer, str]
_Spread = tuple[int, int, tuple[int, ...]]  # distinct incidents, products, years


def recurring_causes(
    analyses: Iterable[PastAnalysis],
    *,
    min_incidents: int = 2,
    statuses: frozenset[CauseStatus] = _DEFAULT_STATUSES,
    bases: Iterable[RecurrenceBasis] = tuple(RecurrenceBasis),
    limit: int | None = None,
) -> list[RecurringCause]:
    """Groups of causes spanning at least *min_incidents* incidents, widest first.

    Only causes in *statuses* count (by default confirmed ones: what was found, not guessed).
    Sorted by distinct incidents, then products, then years, all descending; *limit* keeps
    the first so many (only those are assembled, which saves time on large histories).
    """
    wanted = frozenset(bases)
    attributes = [(b, _ATTRIBUTE[b]) for b in RecurrenceBasis if b in wanted]
    history = list(analyses)
    normal: dict[str, str] = {}  # texts repeat across analyses: normalise each once
    # Flat lists alternating analysis index and cause: no pair objects for the garbage
    # collector to trace, which is most of the time on 100,000 causes.
    groups: dict[_GroupKey, list[Any]] = {}
    for index, analysis in enumerate(history):
        if analysis.product not in normal:
            normal[analysis.product] = normalise_text(analysis.product)
        for cause in analysis.graph.causes.values():
            if cause.status not in statuses:
                continue
            for basis, attribute in attributes:
                text = getattr(cause, attribute)
                if not text:
                    continue
                key = normal.get(text)
                if key is None:
                    key = normal[text] = normalise_text(text)
                if key:
                    members = groups.setdefault((basis, cause.layer, key), [])
                    members.append(index)
                    members.append(cause)
    ranked: list[tuple[tuple[int, int, int, int, str, str], _GroupKey, _Spread]] = []
    for group, members in groups.items():
        involved = [history[i] for i in set(members[0::2])]
        references = {analysis.reference for analysis in involved}
        if len(references) < min_incidents:
            continue
        products = {normal[analysis.product] for analysis in involved}
        years = tuple(sorted({analysis.year for analysis in involved}))
        basis, layer, key = group
        order = (-len(references), -len(products), -len(years), _LAYER_ORDER[layer], basis, key)
        ranked.append((order, group, (len(references), len(products), years)))
    ranked.sort(key=lambda entry: entry[0])
    return [
        _recurrence(group, history, groups[group], spread) for _, group, spread in ranked[:limit]
    ]


def _recurrence(
    group: _GroupKey, history: list[PastAnalysis], members: list[Any], spread: _Spread
) -> RecurringCause:
    basis, layer, key = group
    causes: list[CauseNode] = members[1::2]
    wording = Counter(getattr(cause, _ATTRIBUTE[basis]) for cause in causes)
    rows = sorted(
        (history[i].year, history[i].reference, history[i].product, cause.id, cause.title)
        for i, cause in zip(members[0::2], causes, strict=True)
    )
    return RecurringCause(
        basis=basis,
        layer=layer,
        key=key,
        label=min(wording, key=lambda w: (-wording[w], w)),
        occurrences=tuple(starmap(CauseOccurrence, rows)),
        incident_count=spread[0],
        product_count=spread[1],
        years=spread[2],
    )


# ---------------------------------------------------------------------------- similar incidents


@dataclass(frozen=True, slots=True)
class IncidentTerms:
    """What is known of a new incident: product, components, failure modes, free text."""

    product: str = ""
    components: tuple[str, ...] = ()
    failure_modes: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True, slots=True)
class SimilarIncident:
    """A past analysis like the new incident: why it matched and the causes found then."""

    reference: str
    product: str
    year: int
    score: float
    reasons: tuple[str, ...]
    confirmed_causes: tuple[CauseNode, ...]


def search_terms(text: str) -> set[str]:
    """The words of *text* for matching: Latin words, and character pairs of Japanese runs."""
    terms: set[str] = set()
    for run in _WORD_RUN.findall(normalise_text(text)):
        for piece in _SCRIPT_BOUNDARY.split(run):
            if _CJK_RUN.fullmatch(piece):
                pairs = {piece[i : i + 2] for i in range(len(piece) - 1)}
                terms |= pairs or {piece}
            elif len(piece) > 1 and piece not in _STOPWORDS and not piece.isdigit():
                terms.add(piece)
    return terms


def document_terms(graph: CauseGraph) -> set[str]:
    """The words under which a past analysis is found, for an index of many analyses.

    The :func:`search_terms` of the incident and cause titles, plus each Japanese character
    on its own: a one-character query matches any analysis containing it, exactly as
    :func:`similar_incidents` does when it scans the titles.
    """
    titles = "\n".join([graph.incident.title, *(c.title for c in graph.causes.values())])
    terms = search_terms(titles)
    for run in _CJK_RUN.findall(normalise_text(titles)):
        terms.update(run)
    return terms


def similarity_keys(graph: CauseGraph) -> tuple[str, set[str], set[str]]:
    """The normalised product, components and failure modes :func:`similar_incidents` compares."""
    causes = graph.causes.values()
    return (
        normalise_text(graph.incident.product),
        {normalise_text(c.component) for c in causes} - {""},
        {normalise_text(c.failure_mode) for c in causes} - {""},
    )


def rarity(total: int, containing: int) -> float:
    """The weight of a shared word found in *containing* of *total* past analyses."""
    return math.log(1 + total / containing)


def _document(graph: CauseGraph) -> str:
    # Padded with spaces, and with a space between scripts, so " word " finds whole words.
    titles = [graph.incident.title, *(c.title for c in graph.causes.values())]
    text = _NON_WORD.sub(" ", normalise_text("\n".join(titles)))
    return f" {_SCRIPT_BOUNDARY.sub(' ', text)} "


def similar_incidents(
    new_incident_terms: IncidentTerms,
    past_analyses: Sequence[PastAnalysis],
    *,
    limit: int = 10,
) -> list[SimilarIncident]:
    """Past analyses most like the new incident, best first; only those sharing something.

    Scores: same product 3, each shared component or failure mode 2, and each shared cause
    word its rarity, ``ln(1 + N / analyses containing it)``.
    """
    terms = new_incident_terms
    product = normalise_text(terms.product)
    components = {normalise_text(c) for c in terms.components} - {""}
    modes = {normalise_text(m) for m in terms.failure_modes} - {""}
    needles = {
        word: (word if _CJK_RUN.fullmatch(word) else f" {word} ")
        for word in sorted(search_terms(terms.text))
    }
    found_words: list[list[str]] = []
    counts: Counter[str] = Counter()
    for analysis in past_analyses:
        document = _document(analysis.graph) if needles else ""
        present = [word for word, needle in needles.items() if needle in document]
        counts.update(present)
        found_words.append(present)
    total = len(past_analyses)
    weights = {word: rarity(total, counts[word]) for word in counts}
    scored: list[tuple[float, int, str, PastAnalysis, list[str]]] = []
    normal: dict[str, str] = {}
    for analysis, present in zip(past_analyses, found_words, strict=True):
        score, reasons = _shared_facts(analysis, product, components, modes, normal)
        if present:
            score += sum(weights[w] for w in present)
            reasons.append("shared cause words: " + ", ".join(sorted(present)))
        if score > 0:
            scored.append((-round(score, 6), -analysis.year, analysis.reference, analysis, reasons))
    scored.sort(key=lambda entry: entry[:3])
    return [
        SimilarIncident(
            analysis.reference,
            analysis.product,
            analysis.year,
            -negated,
            tuple(reasons),
            _confirmed(analysis.graph),
        )
        for negated, _, _, analysis, reasons in scored[:limit]
    ]


def _shared_facts(
    analysis: PastAnalysis,
    product: str,
    components: set[str],
    modes: set[str],
    normal: dict[str, str],
) -> tuple[float, list[str]]:
    """Score and reasons for shared product, components and failure modes.

    *normal* remembers normalised texts between calls: components repeat across analyses.
    """

    def key_of(text: str) -> str:
        if text not in normal:
            normal[text] = normalise_text(text)
        return normal[text]

    score, reasons = 0.0, []
    if product and key_of(analysis.product) == product:
        score += _PRODUCT_WEIGHT
        reasons.append(f"same product {analysis.product}")
    if components or modes:
        causes = analysis.graph.causes.values()
        for label, wanted, names in (
            ("component", components, {key_of(c.component) for c in causes}),
            ("failure mode", modes, {key_of(c.failure_mode) for c in causes}),
        ):
            for shared in sorted(wanted & names):
                score += _MATCH_WEIGHT
                reasons.append(f"shared {label} {shared}")
    return score, reasons


def _confirmed(graph: CauseGraph) -> tuple[CauseNode, ...]:
    confirmed = [c for c in graph.causes.values() if c.status is CauseStatus.CONFIRMED]
    return tuple(sorted(confirmed, key=lambda c: (_LAYER_ORDER[c.layer], c.id)))
