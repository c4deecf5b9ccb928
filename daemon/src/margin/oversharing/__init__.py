"""Over-sharing check: flags sentences of a progress note that belong in the private notes.

The third of the documentation mistakes Margin answers (the "diary entry" progress note):
speculation, the clinician's own feelings, dream content, third parties' secrets, long
quotations, blow-by-blow narrative, supervision notes and intimate or identifying detail.
Record content is left alone, and safety content is never flagged.
"""

from margin.lint import Finding, to_utf16
from margin.oversharing.engine import OversharingCheck, check_text, default_check

CATEGORIES = (
    "supervision", "transference", "hypothesis", "dream_fantasy",
    "sexual_or_identifying_detail", "third_party", "verbatim_quote", "diary_narrative",
)

__all__ = ["CATEGORIES", "Finding", "OversharingCheck", "check_text", "default_check",
           "to_utf16"]
