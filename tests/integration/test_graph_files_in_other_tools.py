"""Exported cause graphs open in the tools users name: Graphviz renders the DOT file."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from qa_desktop.analysis.interchange import GraphFormat, export_graph
from tests.unit.test_graph_interchange import full_analysis


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (Debian graphviz) is missing")
def test_graphviz_renders_the_exported_dot_with_japanese_and_markup_text() -> None:
    text = "発火のおそれ <b>&amp;</b> \"quoted\" \\ back\nslash"
    data = export_graph(full_analysis(text), GraphFormat.DOT)
    result = subprocess.run(
        ["dot", "-Tsvg"], input=data, capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    svg = result.stdout.decode("utf-8")
    assert "<svg" in svg
    assert "C1" in svg  # every cause is drawn
