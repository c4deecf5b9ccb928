"""The over-sharing operations as the application object runs them (one method each there):
their JSON in and out, as ``shared_schema/`` describes them, and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from margin.lint import to_utf16
from margin.oversharing.agreement import split_matches
from margin.oversharing.engine import default_check
from margin.oversharing.private_review import chosen_notes, report_json, review_private_notes
from margin.oversharing.report import to_json
from margin.oversharing.review import review_paths
from margin.vault import Vault


def review(body: dict[str, Any]) -> dict[str, Any]:
    """POST /v1/review: the progress note's over-sharing sentences, offsets in UTF-16."""
    return {"findings": oversharing_findings(body["text"])}


def oversharing_findings(text: str) -> list[dict[str, Any]]:
    """The over-sharing findings of `text` as POST /v1/review and the leak guard answer them."""
    return [f.as_dict() for f in to_utf16(text, default_check().check(text))]


# The leak guard runs on every pause in typing: its over-sharing part reads the first 50,000
# characters (about 8,000 words, far beyond a progress note), about 0.3 s at most here,
# where the whole 200,000 the guard matches would take over a second.
GUARD_OVERSHARING_CHARS = 50_000


def guard_oversharing(text: str) -> list[dict[str, Any]]:
    """The over-sharing findings the leak guard answers for the text it checked."""
    return oversharing_findings(text[:GUARD_OVERSHARING_CHARS])


def review_files(paths: list[Path], vault: Vault | None, index: Any = None, *,
                 actor: str = "cli", skipped: str | None = None) -> dict[str, Any]:
    """`margin review`: the files reviewed and, with the notes' fingerprint `index` (of the
    unlocked `vault`), compared with them; the comparison is audited like an export check."""
    files = review_paths(paths, index=index)
    if vault is not None and index is not None:
        vault.record("review", None, actor=actor, detail={
            "files": [{"path": f.path, "verdict": f.verdict.verdict if f.verdict else None,
                       "record_content": len(f.documented)} for f in files][:100]})
    return {**to_json(files), "skipped": skipped}


def lint_vault(vault: Vault, body: dict[str, Any], *, actor: str) -> dict[str, Any]:
    """`margin lint --vault`: the private notes' record sentences, safety first. With
    "with_text" (the vault page, an extension page that shows notes anyway) each note also
    carries its text and version, offsets in UTF-16 as JavaScript counts: the page shows the
    sentences and acknowledges safety findings from the same single audited read."""
    chosen = chosen_notes([s.to_json() for s in vault.list_notes()],
                          client=body.get("client"), since=body.get("since"))
    texts = dict(vault.iter_texts(actor=actor, purpose="lint",
                                  only=[s["id"] for s in chosen]))
    reviews = review_private_notes(chosen, texts)
    report = report_json(reviews)
    if body.get("with_text"):
        versions = {s["id"]: s["version"] for s in chosen}
        for shown, reviewed in zip(report["notes"], reviews, strict=True):
            text = texts[reviewed.note_id]
            shown.update(text=text, version=versions[reviewed.note_id], findings=[
                f.as_dict() for f in to_utf16(text, reviewed.findings)])
    return report


def guard_split(matches: list[Any], text: str) -> tuple[list[Any], list[dict[str, Any]]]:
    """The leak guard's matches that are leaks, and those that are record content (as the
    guard answers them: offsets, note, date, words, the linter's category, the message)."""
    documented, leaks = split_matches(matches, text)
    shown = [{**d.match.to_json(), "category": d.category, "message": d.message}
             for d in documented]
    return leaks, shown
