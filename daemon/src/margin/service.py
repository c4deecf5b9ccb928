"""Margin, the application: one object per home folder, whoever calls it.

The daemon's HTTP routes and the `margin` command (when no daemon runs) both call
``Margin.call(operation, ...)``: the operation is named by its ``operationId`` in
``shared_schema/openapi.json``, its input is checked against the same request schema for
every caller, and the method of the same name does the work. Each method takes and returns
the JSON shapes that ``shared_schema/`` describes. Background work (watched folders,
taking in synced files, locking by itself) starts and stops with ``start()`` / ``stop()``.

Adding an operation: its schemas and an OpenAPI entry with an ``operationId``, and one
method here of that name. See docs/DESIGN.md ("Layers").
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from margin import __version__, errors
from margin.autolock import AutoLock, SessionLockWatch
from margin.contract import operation_named
from margin.holder import VaultHolder
from margin.home import Home
from margin.matcher import EXPORT_MIN_WORDS
from margin.note_fingerprints import MAX_CHECK_CHARS
from margin.oversharing.documented import DocumentedLog
from margin.pairing import CODE_LIFETIME_SECONDS, PairingStore
from margin.paths import given_path
from margin.scan.service import ScanService
from margin.scan.watched_folders import ExportWatch
from margin.schema import first_problem
from margin.surrogates import has_lone_surrogate, scrub
from margin.sync.service import SyncService
from margin.vault import UNSET, KdfParams, KeyStore, Vault


@dataclass(frozen=True)
class Caller:
    """Who asks: this user's own command, a paired extension, or an extension pairing."""

    kind: str  # "cli", "extension", "pairing"
    actor: str  # as recorded in the audit trail
    id: str | None = None
    name: str | None = None
    origin: str | None = None

    def view(self) -> dict[str, Any]:
        shown = {"kind": self.kind, "id": self.id, "name": self.name}
        return {key: value for key, value in shown.items() if value is not None}


COMMAND = Caller(kind="cli", actor="cli", id="cli")


@cache
def _parameters(method_name: str) -> frozenset[str]:
    return frozenset(inspect.signature(getattr(Margin, method_name)).parameters)


class Margin:
    def __init__(self, home: Home, *, keystore: KeyStore | None = None,
                 kdf: KdfParams | None = None):
        self.home = home
        self.holder = VaultHolder(home, keystore=keystore, kdf=kdf)
        self.pairing_store = PairingStore(home.pairings_file)
        self.scans = ScanService(self.holder)
        self.exports = ExportWatch(self.holder, self.scans)
        self.sync = SyncService(self.holder)
        self.documented = DocumentedLog()
        self._background: list[Any] = [self.exports, self.sync, AutoLock(self.holder),
                                       SessionLockWatch(self.holder)]

    # --- one door for every caller ----------------------------------------------------------

    def call(self, name: str, *, caller: Caller, body: Any = None, **given: Any) -> Any:
        """Run operation ``name`` (its OpenAPI operationId) for ``caller``. ``given`` holds
        the path parameters (and, for an upload, ``filename`` and ``data``)."""
        operation = operation_named(name)
        if operation.cli_only and caller.kind != "cli":
            raise errors.CliOnly()
        if operation.request_schema is not None:
            body = {} if body is None else body
            try:
                problem = first_problem(operation.request_schema, body)
            except RecursionError:  # nested deeper than any request of Margin's
                problem = "the request: nested too deeply"
            if problem is not None:
                raise errors.InvalidRequest(detail=problem)
        if has_lone_surrogate(body):
            body = _with_lone_surrogates(name, body)
        wanted = _parameters(name)
        arguments = {key: value for key, value in given.items() if key in wanted}
        if "body" in wanted:
            arguments["body"] = body
        if "caller" in wanted:
            arguments["caller"] = caller
        return getattr(self, name)(**arguments)

    def start(self) -> None:
        for service in self._background:
            service.start()

    def stop(self) -> None:
        """Stop the background work, then lock (the keys leave memory last of all)."""
        for service in reversed(self._background):
            service.stop()
        self.holder.lock(actor="daemon:stop")

    # --- status and pairing -----------------------------------------------------------------

    def status(self, *, caller: Caller) -> dict[str, Any]:
        vault: dict[str, Any] = {"exists": self.holder.exists, "unlocked": self.holder.unlocked}
        fingerprints = self.holder.fingerprints
        if vault["unlocked"] and fingerprints is not None:
            vault["guard"] = fingerprints.state()
        return {"version": __version__, "vault": vault, "caller": caller.view()}

    def pair(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        pairing, token = self.pairing_store.redeem(body["code"], caller.origin,
                                              body.get("name", "Browser extension"))
        return {"token": token, "pairing": pairing.public()}

    def pair_natively(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        """For `margin native-host`: the browser vouched for the extension, so no code."""
        pairing, token = self.pairing_store.issue(body["origin"], body["name"])
        if self.holder.unlocked:  # a locked vault cannot be written; the pairing list remains
            self.holder.require().record("pair", None, actor=caller.actor,
                                         detail={"origin": pairing.origin, "via": pairing.via})
        return {"token": token, "pairing": pairing.public()}

    def pairing_code(self) -> dict[str, Any]:
        return {"code": self.pairing_store.new_code(), "expires_in_seconds": CODE_LIFETIME_SECONDS}

    def pairings(self) -> dict[str, Any]:
        return {"pairings": [p.public() for p in self.pairing_store.list()]}

    def revoke_pairing(self, pairing_id: str) -> dict[str, Any]:
        return {"revoked": self.pairing_store.revoke(pairing_id).public()}

    # --- the vault --------------------------------------------------------------------------

    def vault_state(self) -> dict[str, Any]:
        return self.holder.state()

    def create_vault(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        made = self.holder.create(body.get("passphrase"), actor=caller.actor)
        return {"recovery_passphrase": made, "vault": self.holder.state()}

    def unlock(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        try:
            self.holder.unlock(body.get("passphrase"), actor=caller.actor)
        except (errors.DiskFull, errors.SaveFailed):  # the unlock is audited first
            raise errors.DiskFull(
                message="The disk is full (or cannot be written), so Margin could not record "
                        "the unlock in the audit trail, and the vault stays locked.",
                hint="Nothing was lost. Free some space on the disk, then unlock again.",
            ) from None
        return self.holder.state()

    def lock(self, *, caller: Caller) -> dict[str, Any]:
        not_saved = self.holder.lock(actor=caller.actor)
        state = self.holder.state()
        if not_saved:
            state["not_saved"] = not_saved
        return state

    def change_passphrase(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        self.holder.require().change_passphrase(
            body["old_passphrase"], body["new_passphrase"], kdf=self.holder.kdf,
            actor=caller.actor)
        return self.holder.state()

    def reencrypt(self, *, caller: Caller) -> dict[str, Any]:
        """After a leaked passphrase (changed first): this device's files sealed again."""
        return {"resealed": self.holder.require().reencrypt(actor=caller.actor)}

    def settings(self) -> dict[str, Any]:
        return self.holder.settings.to_json()

    def update_settings(self, body: dict[str, Any]) -> dict[str, Any]:
        self.holder.settings.update(self.home, body)
        return self.holder.settings.to_json()

    def audit_view(self) -> dict[str, Any]:
        vault = self.holder.require()
        entries = sorted(vault.audit_entries(), key=lambda e: e.time, reverse=True)
        return {"entries": [e.to_json() for e in entries],
                "verification": vault.verify_audit().to_json()}

    def record_event(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        entry = self.holder.require().record(body["action"], body.get("note_id"),
                                             actor=caller.actor, detail=body.get("detail"))
        return {"recorded": {"device": entry.device, "seq": entry.seq, "action": entry.action}}

    # --- notes ------------------------------------------------------------------------------

    def create_note(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        note = self.holder.require().create_note(
            body["text"], actor=caller.actor, client=body.get("client"),
            context=body.get("context"), tags=body.get("tags", ()))
        return note.to_json()

    def search_notes(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        vault = self.holder.require()
        found = vault.list_notes(client=body.get("client"), site=body.get("site"),
                                 date=body.get("date"),
                                 include_deleted=body.get("include_deleted", False))
        summaries = [s.to_json() for s in found]
        if body.get("client_ref"):
            summaries = [s for s in summaries
                         if s["context"].get("client_ref") == body["client_ref"]]
        query = body.get("query", "").strip()
        if query:
            with _audited_read():
                summaries = _matching_text(vault, summaries, query, caller.actor)
        return {"notes": sorted(summaries, key=lambda s: s["updated"], reverse=True)}

    def read_note(self, note_id: str, *, caller: Caller) -> dict[str, Any]:
        with _audited_read():
            return self.holder.require().get_note(note_id, actor=caller.actor).to_json()

    def read_version(self, note_id: str, version_id: str, *, caller: Caller) -> dict[str, Any]:
        with _audited_read():
            return self.holder.require().get_note(note_id, actor=caller.actor,
                                                  version=version_id).to_json()

    def update_note(self, note_id: str, body: dict[str, Any], *,
                    caller: Caller) -> dict[str, Any]:
        vault = self.holder.require()
        try:
            return vault.update_note(
                note_id, body["text"], base_version=body["base_version"], actor=caller.actor,
                client=body.get("client", UNSET), context=body.get("context", UNSET),
                tags=body.get("tags", UNSET)).to_json()
        except errors.StaleVersion as stale:
            # The panel shows both side by side: give it the note as it is now, in full.
            stale.extra["current"] = vault.get_note(note_id, actor=caller.actor).to_json()
            raise

    def note_history(self, note_id: str) -> dict[str, Any]:
        versions = self.holder.require().history(note_id)
        return {"versions": [v.to_json() for v in versions]}

    def delete_note(self, note_id: str, body: dict[str, Any], *,
                    caller: Caller) -> dict[str, Any]:
        vault = self._current(note_id, body["base_version"])
        return vault.delete_note(note_id, actor=caller.actor).to_json()

    def restore_note(self, note_id: str, body: dict[str, Any], *,
                     caller: Caller) -> dict[str, Any]:
        vault = self._current(note_id, body["base_version"])
        return vault.undelete_note(note_id, actor=caller.actor).to_json()

    def note_conflict(self, note_id: str, *, caller: Caller) -> dict[str, Any]:
        with _audited_read():
            return self.holder.require().conflict(note_id, actor=caller.actor)

    def _current(self, note_id: str, base_version: str) -> Vault:
        """The vault, once sure the clinician still sees ``base_version`` as current."""
        vault = self.holder.require()
        summary = vault.note_summary(note_id)
        if summary.heads != [base_version]:
            raise errors.StaleVersion(current=summary.to_json(), your_version=[base_version])
        return vault

    # --- checks of text ---------------------------------------------------------------------

    def lint(self, body: dict[str, Any]) -> dict[str, Any]:
        from margin.lint import default_linter, to_utf16  # the model loads on first use

        text = body["text"]
        # JavaScript indexes strings in UTF-16 code units; the panel underlines by those.
        answer = {"findings": [f.as_dict() for f in to_utf16(text, default_linter().lint(text))]}
        if self.holder.settings.private_note_hints:
            from margin.oversharing.hints import hints

            answer["hints"] = [h.as_dict() for h in to_utf16(text, hints(text))]
        return answer

    def guard_check(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        """Spans of the progress-note text that stand in a private note; never private text.
        A span that is record content by the linter's rules (safety above all) is no leak:
        it is answered apart, as documentation, and audited once (issue 21)."""
        from margin.oversharing.operations import guard_oversharing, guard_split

        text: str = body["text"]
        checked = text[:MAX_CHECK_CHARS]
        min_words = body.get("min_words", self.holder.settings.guard_min_words)
        matches = self.holder.note_fingerprints().check(checked, min_words)
        leaks, documented = guard_split(matches, checked)
        if documented:
            self.documented.record(self.holder.require(), documented, actor=caller.actor)
        answer = {"matches": [m.to_json() for m in leaks],
                  "record_content": documented,
                  "checked_chars": len(checked.encode("utf-16-le", "surrogatepass")) // 2,
                  "truncated": len(text) > MAX_CHECK_CHARS,
                  "min_words": min_words}
        if body.get("oversharing"):  # only where the clinician left the check on: it costs time
            answer["oversharing"] = guard_oversharing(checked)
        return answer

    # --- over-sharing in progress notes, and the vault reviewed (issue 21) -------------------

    def review(self, body: dict[str, Any]) -> dict[str, Any]:
        from margin.oversharing import operations  # the rules and model load on first use

        return operations.review(body)

    def review_files(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        from margin.oversharing import operations

        paths = [given_path(p) for p in body["paths"]]
        try:
            index = self.holder.note_fingerprints().index
        except errors.MarginError as why:  # no vault, or locked: review without comparing
            return operations.review_files(paths, None, skipped=why.message)
        return operations.review_files(paths, self.holder.require(), index, actor=caller.actor)

    def lint_vault(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        from margin.oversharing import operations

        return operations.lint_vault(self.holder.require(), body, actor=caller.actor)

    # --- export checks and watched folders ----------------------------------------------------

    def scan(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        paths = [given_path(p) for p in body["paths"]]
        report = self.scans.scan(paths, actor=caller.actor,
                                 min_words=body.get("min_words", EXPORT_MIN_WORDS),
                                 origin="margin scan")
        return report.to_json()

    def scan_upload(self, filename: str, data: bytes, *, caller: Caller,
                    thumbnails: bool = False) -> dict[str, Any]:
        # Thumbnails show the file's pages: only for the extension's own vault page.
        shown = thumbnails and caller.kind == "extension"
        return self.scans.scan_upload(filename, data, actor=caller.actor,
                                      thumbnails=shown).to_json()

    def watch_state(self) -> dict[str, Any]:
        return self.exports.summary()

    def watch_add(self, body: dict[str, Any]) -> dict[str, Any]:
        self.exports.add(str(given_path(body["folder"])))
        return self.exports.summary()

    def watch_remove(self, body: dict[str, Any]) -> dict[str, Any]:
        self.exports.remove(str(given_path(body["folder"])))
        return self.exports.summary()

    # --- several devices --------------------------------------------------------------------

    def sync_state(self) -> dict[str, Any]:
        self.sync.take_in()  # show what has landed, not the last poll
        return self.sync.state()

    def devices(self) -> dict[str, Any]:
        return {"devices": [d.to_json() for d in self.holder.require().devices()]}

    def remove_device(self, device_id: str, *, caller: Caller) -> dict[str, Any]:
        return self.holder.require().remove_device(device_id, actor=caller.actor).to_json()

    def check(self, body: dict[str, Any], *, caller: Caller) -> dict[str, Any]:
        vault = self.holder.require()
        target = given_path(body["path"]) if body.get("path") else vault.layout.vault_dir
        report = vault.check_copy(target, read_data=bool(body.get("read_data")))
        vault.record("check", None, actor=caller.actor,
                     detail={"read_data": report.read_data, "exit_code": report.exit_code})
        result: dict[str, Any] = report.to_json()
        return result


@contextmanager
def _audited_read() -> Iterator[None]:
    """A read is audited before any text leaves the vault (docs/DESIGN.md, invariant 7); when
    the audit entry cannot be written, nothing was changed, so the message must not say
    that a change was not saved."""
    try:
        yield
    except (errors.DiskFull, errors.SaveFailed):
        raise errors.AccessNotRecorded() from None


# Note text and its metadata are stored exactly as given (docs/DESIGN.md, invariant 11);
# text that is only checked gets U+FFFD in place of each broken character.
_STORED_EXACTLY = frozenset({"create_note", "update_note"})
_CHECKED_TEXT = frozenset({"guard_check", "lint"})


def _with_lone_surrogates(name: str, body: dict[str, Any]) -> dict[str, Any]:
    if name in _STORED_EXACTLY:
        return body
    if name in _CHECKED_TEXT:
        return {**body, "text": scrub(body["text"])}
    raise errors.BrokenCharacter()


def _matching_text(vault: Vault, summaries: list[dict[str, Any]], query: str,
                   actor: str) -> list[dict[str, Any]]:
    """Keep the notes whose text has every word of ``query``; add a short snippet."""
    wanted = {s["id"]: s for s in summaries}
    words = query.casefold().split()
    kept = []
    for note_id, text in vault.iter_texts(actor=actor, purpose="search"):
        folded = text.casefold()
        if note_id in wanted and all(word in folded for word in words):
            at = folded.find(words[0])
            snippet = text[max(0, at - 60): at + 100].replace("\n", " ")
            kept.append({**wanted[note_id], "snippet": snippet})
    return kept
