"""Render analyses: the analysis JSON document, Markdown, and HTML reports."""

from alliance.report.analysis_json import SCHEMA, analysis_document

__all__ = ["SCHEMA", "analysis_document"]
