"""Misplacement linter: flags sentences of a private note that belong in the progress note.

HIPAA (45 CFR 164.501) excludes from psychotherapy notes medication, session times,
modality and frequency, test results, and summaries of diagnosis, functional status,
treatment plan, symptoms, prognosis and progress; safety content must reach the record too.
"""

from margin.lint.engine import Finding, Linter, default_linter, lint_text, to_utf16

CATEGORIES = (
    "safety", "medication", "session_times", "modality_frequency", "test_results", "diagnosis",
    "functional_status", "treatment_plan", "symptoms", "prognosis", "progress",
)

__all__ = ["CATEGORIES", "Finding", "Linter", "default_linter", "lint_text", "to_utf16"]
