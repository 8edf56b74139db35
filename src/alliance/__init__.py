"""alliance: make the therapeutic relationship visible in session transcripts.

The stable public API::

    from alliance import analyze_file, analysis_document
    [analysis] = analyze_file("session.vtt")
    doc = analysis_document(analysis)          # the alliance.session/1 document
"""

from alliance.analysis import Analysis, ReadOptions, analyze_file, analyze_session
from alliance.errors import (
    AllianceError,
    InputError,
    ModelError,
    PipelineError,
    RoleError,
    SessionError,
    UnknownFormatError,
)
from alliance.model import Annotation, Role, Session, Span, Speaker, Utterance
from alliance.pipeline import Annotator, AnnotatorOutput, Pipeline, default_pipeline

__version__ = "0.1.0"

__all__ = [
    "Analysis", "ReadOptions", "analyze_file", "analyze_session",
    "AllianceError", "InputError", "ModelError", "PipelineError", "RoleError",
    "SessionError", "UnknownFormatError",
    "Annotation", "Role", "Session", "Span", "Speaker", "Utterance",
    "Annotator", "AnnotatorOutput", "Pipeline", "default_pipeline",
    "analysis_document",
]


def __getattr__(name: str):
    # The report layer sits above analysis; import it lazily to keep imports pointing down.
    if name == "analysis_document":
        from alliance.report import analysis_document

        return analysis_document
    raise AttributeError(name)
