"""Tables of OCHIBO-HIROI cause analyses: one document per analysis plus what is searched.

The graph itself is stored whole, as the validated node-link JSON the interchange module
writes (:attr:`CauseAnalysis.document`): the editor loads and saves an analysis as one value
under one version number, and a whole-document write can never leave half a graph. What
other screens query across analyses is copied out on every save into indexed rows:
causes (:class:`AnalysisCause`), countermeasures (:class:`AnalysisCountermeasure`) and the
similarity terms (:class:`AnalysisTerm`). Those rows are derived: they are rewritten from
the document, never edited on their own. Evidence files and signatures are append-only.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from qa_desktop.persistence.models import Base, UtcDateTime


def _analysis_key() -> Mapped[int]:
    return mapped_column(ForeignKey("cause_analyses.id", ondelete="RESTRICT"))


class CauseAnalysis(Base):
    """One incident's analysis: the graph document, its version and whether it is closed."""

    __tablename__ = "cause_analyses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="RESTRICT"), unique=True
    )
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    #: The graph as node-link JSON (``qa_desktop.analysis.interchange.export_draft``).
    document: Mapped[str] = mapped_column(Text)
    #: The incident's product, normalised (NFKC, case folded), for search and grouping.
    product_key: Mapped[str] = mapped_column(String(200))
    #: The year the incident happened (else became known): the cross-incident view's axis.
    year: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_cause_analyses_product_key", "product_key"),
        Index("ix_cause_analyses_status", "status"),
    )


class AnalysisCause(Base):
    """One cause of a stored analysis, copied out of the document for search and grouping.

    The ``*_key`` columns hold the normalised text (NFKC, case folded, white space
    collapsed) that lessons compare across analyses.
    """

    __tablename__ = "analysis_causes"
    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("cause_analyses.id", ondelete="CASCADE"), primary_key=True
    )
    cause_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    layer: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    title_key: Mapped[str] = mapped_column(String(200))
    #: Title and description, normalised: what a cause-text search looks in.
    text_key: Mapped[str] = mapped_column(Text)
    component: Mapped[str] = mapped_column(String(200))
    component_key: Mapped[str] = mapped_column(String(200))
    failure_mode: Mapped[str] = mapped_column(String(200))
    failure_mode_key: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        Index("ix_analysis_causes_title_key", "title_key"),
        Index("ix_analysis_causes_component_key", "component_key"),
        Index("ix_analysis_causes_failure_mode_key", "failure_mode_key"),
        Index("ix_analysis_causes_status_layer", "status", "layer"),
    )


class AnalysisCountermeasure(Base):
    """One countermeasure of a stored analysis, for the deadlines view and the flow guard."""

    __tablename__ = "analysis_countermeasures"
    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("cause_analyses.id", ondelete="CASCADE"), primary_key=True
    )
    measure_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(64))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    step: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(16))

    __table_args__ = (Index("ix_analysis_countermeasures_due_on", "due_on"),)


class AnalysisTerm(Base):
    """One entry of the similarity index: a term an analysis holds.

    Terms are prefixed by what they are: ``p:`` the product, ``c:`` a component, ``f:`` a
    failure mode, ``w:`` a word of the incident or cause titles (Japanese as character
    pairs). The primary key (term, analysis) is the inverted index the suggestions read.
    """

    __tablename__ = "analysis_terms"
    term: Mapped[str] = mapped_column(String(210), primary_key=True)
    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("cause_analyses.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index("ix_analysis_terms_analysis_id", "analysis_id"),)


class AnalysisEvidence(Base):
    """An evidence file kept for one cause (test report, photo), with its checksum."""

    __tablename__ = "analysis_evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    analysis_id: Mapped[int] = _analysis_key()
    cause_id: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_analysis_evidence_analysis", "analysis_id", "id"),)


class AnalysisSignature(Base):
    """The QA executive's signature on a closed analysis, bound to the version it signed.

    ``content_sha256`` covers the signed graph document, the signer, the meaning and the
    time; it is recomputed from the analysis as stored whenever the signature is shown.
    """

    __tablename__ = "analysis_signatures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    analysis_id: Mapped[int] = _analysis_key()
    analysis_version: Mapped[int] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(64))
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_role: Mapped[str] = mapped_column(String(32))
    meaning: Mapped[str] = mapped_column(String(16))
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    content_sha256: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_analysis_signatures_analysis", "analysis_id", "id"),)
