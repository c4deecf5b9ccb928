"""Over-sharing check: flags sentences of a progress note that belong in the private notes.

The third of the documentation mistakes Margin answers (the "diary entry" progress note):
speculation, the clinician's own feelings, dream content, third parties' secrets, long
quotations, blow-by-blow narrative, supervision notes and intimate or identifying detail.
Record content is left alone, and safety content is never flagged.

The check is ``margin.oversharing.engine`` (``check_text``, ``OversharingCheck``); this
package's import stays light (the daemon starts without the rules, the models or numpy).
"""

# The order breaks ties (shared_schema/oversharing/rules.json "order").
CATEGORIES = (
    "supervision", "transference", "hypothesis", "dream_fantasy", "third_party",
    "sexual_or_identifying_detail", "verbatim_quote", "diary_narrative",
)
