"""Every error a clinician (or the extension) can meet, in one place.

Each class says what happened (``message``) and what to do (``hint``) in plain words.
The CLI turns them into a sentence and exit code 2; the daemon turns them into the JSON
envelope ``{"error", "message", "hint"}`` defined in ``shared_schema/schemas/error.json``.
Anything that is not a ``MarginError`` is a bug and is reported as one.

Messages never contain note text, client names or EHR identifiers: they may be logged or
shown to a caller that has not proved who it is.
"""

from __future__ import annotations

from typing import Any, ClassVar


class MarginError(Exception):
    """Something went wrong that the clinician can understand and act on."""

    code: ClassVar[str] = "error"
    http_status: ClassVar[int] = 500
    message: str = "Margin could not do that."
    hint: str = "Try again. If it keeps happening, restart Margin."
    where: str | None = None  # the file a command was reading: printed, never sent or logged

    def __init__(self, message: str | None = None, hint: str | None = None, **extra: Any):
        if message is not None:
            self.message = message
        if hint is not None:
            self.hint = hint
        self.extra = extra
        super().__init__(self.message)

    def envelope(self) -> dict[str, Any]:
        """The JSON body sent to HTTP callers."""
        body: dict[str, Any] = {"error": self.code, "message": self.message, "hint": self.hint}
        body.update(self.extra)
        return body


# --- Requests that are refused before anything is read -------------------------------


class ForbiddenHost(MarginError):
    code = "forbidden_host"
    http_status = 421
    message = "This request did not come to Margin's own loopback address."
    hint = "Margin only answers at http://127.0.0.1 on its port; nothing was read or changed."


class ForbiddenOrigin(MarginError):
    code = "forbidden_origin"
    http_status = 403
    message = "This request came from a web page or program that is not paired with Margin."
    hint = "Only the paired Margin browser extension may talk to Margin. Nothing was read."


class NotPaired(MarginError):
    code = "not_paired"
    http_status = 401
    message = "This browser extension is not paired with Margin yet."
    hint = "Run 'margin pair' on this computer and type the code it shows into the panel."


class BadToken(MarginError):
    code = "bad_token"
    http_status = 401
    message = "This browser's pairing with Margin is no longer valid."
    hint = "Pair again: run 'margin pair' and type the code into the panel. No notes were lost."


class PairingCodeWrong(MarginError):
    code = "pairing_code_wrong"
    http_status = 403
    message = "That pairing code is not right."
    hint = "Check the code that 'margin pair' shows and type it again."


class PairingLockedOut(MarginError):
    code = "pairing_locked_out"
    http_status = 429
    message = "Too many wrong pairing codes; that code no longer works."
    hint = "Run 'margin pair' again for a new code."


class NoPairingInProgress(MarginError):
    code = "no_pairing_in_progress"
    http_status = 409
    message = "There is no pairing code waiting, or it has expired."
    hint = "Run 'margin pair' on this computer for a new code (it works for 5 minutes)."


class NotAnExtension(MarginError):
    code = "not_an_extension"
    http_status = 403
    message = "Only a browser extension can pair with Margin."
    hint = "Pair from the Margin panel in your browser."


class UnknownPairing(MarginError):
    code = "unknown_pairing"
    http_status = 404
    message = "There is no paired extension with that id."
    hint = "Run 'margin pair --list' to see the paired extensions and their ids."


# --- Requests whose body is wrong -------------------------------------------------------


class PayloadTooLarge(MarginError):
    code = "payload_too_large"
    http_status = 413
    message = "The request was larger than Margin accepts."
    hint = "Nothing was saved. Split the text into smaller parts and try again."


class UnsupportedMediaType(MarginError):
    code = "unsupported_media_type"
    http_status = 415
    message = "Margin only accepts JSON requests."
    hint = "Send the request with 'Content-Type: application/json'. Nothing was saved."


class MalformedJson(MarginError):
    code = "malformed_json"
    http_status = 400
    message = "The request body is not valid JSON."
    hint = "Nothing was saved. This is a bug in the caller; try again or reload the extension."


class InvalidRequest(MarginError):
    code = "invalid_request"
    http_status = 422
    message = "The request is missing something or has a value Margin does not accept."
    hint = "Nothing was saved. Reload the extension; if it keeps happening, update Margin."


class NotFound(MarginError):
    code = "not_found"
    http_status = 404
    message = "Margin has no such address."
    hint = "Update the extension and Margin to the same version."


class MethodNotAllowed(MarginError):
    code = "method_not_allowed"
    http_status = 405
    message = "That address does not accept this kind of request."
    hint = "Update the extension and Margin to the same version."


# --- The daemon as a process --------------------------------------------------------------


class DaemonNotRunning(MarginError):
    code = "daemon_not_running"
    http_status = 503
    message = "Margin is not running."
    hint = ("Start it with 'margin serve' and try again ('margin setup' once makes it start at "
            "every login).")


class DaemonAlreadyRunning(MarginError):
    code = "daemon_already_running"
    http_status = 409
    message = "Margin is already running on this computer for this vault."
    hint = ("Use the Margin that is running, or stop it first: Ctrl+C in its window, or "
            "'systemctl --user stop margin' when it started at login.")


class PortInUse(MarginError):
    code = "port_in_use"
    http_status = 500
    message = "Another program is already using that port."
    hint = "Start Margin with another port, for example 'margin serve --port 47312'."


class NotLoopback(MarginError):
    code = "not_loopback"
    http_status = 500
    message = "Margin only listens on this computer's loopback address (127.0.0.1)."
    hint = "Remove the address setting; Margin never listens on a network address."


class DaemonUnreachable(MarginError):
    code = "daemon_unreachable"
    http_status = 503
    message = "Margin seems to be running but did not answer."
    hint = "Wait a moment and try again; if it keeps happening, restart Margin."


class PairingFileDamaged(MarginError):
    code = "pairing_file_damaged"
    http_status = 500
    message = "Margin's list of paired browsers is damaged and could not be read."
    hint = (
        "Your notes are not affected. Move the file 'local/pairings.json' in Margin's home "
        "folder aside, restart Margin and pair the extension again."
    )


class RuntimeFileDamaged(MarginError):
    code = "runtime_file_damaged"
    http_status = 500
    message = "Margin could not read the note it leaves about the running daemon."
    hint = "Restart Margin ('margin serve'); nothing was lost."


class CliOnly(MarginError):
    code = "cli_only"
    http_status = 403
    message = "Only the 'margin' command on this computer may do that."
    hint = "Run the matching 'margin' command in a terminal on this computer."


# --- The encrypted vault (daemon/src/margin/vault/) ---------------------------------------


class NoVault(MarginError):
    code = "no_vault"
    http_status = 409
    message = "There is no Margin vault here yet."
    hint = "Create one with 'margin init'. Nothing was lost."


class VaultExists(MarginError):
    code = "vault_exists"
    http_status = 409
    message = "A Margin vault already exists here."
    hint = "Unlock it with 'margin unlock'. Nothing was changed."


class VaultLocked(MarginError):
    code = "vault_locked"
    http_status = 423
    message = "Your notes are locked."
    hint = (
        "Unlock Margin with your passphrase (or 'margin unlock'), then try again. "
        "Nothing was lost."
    )


class GuardBuilding(MarginError):
    """The leak guard is still indexing the notes after an unlock (a first one, or a
    damaged index): a check now could miss a leak, so it is refused, never passed."""

    code = "guard_building"
    http_status = 503
    message = ("Margin is still indexing your private notes, so it cannot check for leaks "
               "yet.")
    hint = ("Wait until the indexing is done (the vault page shows how far it is), then check "
            "again. Nothing was saved or sent.")


class GuardStopped(MarginError):
    """The leak guard's index build ended on a fault (a disk error, a bug): waiting would
    never end, so say what happened and how to retry. Checks stay refused, never passed."""

    code = "guard_stopped"
    http_status = 503
    message = "Margin could not finish indexing your private notes, so it cannot check for leaks."
    hint = ("Lock Margin and unlock it again to retry; if it happens again, free some disk "
            "space or run 'margin check'. Nothing was saved or sent.")


class WrongPassphrase(MarginError):
    code = "wrong_passphrase"
    http_status = 401
    message = "That passphrase does not open this vault."
    hint = (
        "Check the passphrase and try again; nothing was changed. If you are sure it is right, "
        "the vault's key file may be damaged: unlock from the keychain or another device."
    )


class KeychainUnavailable(MarginError):
    code = "keychain_unavailable"
    http_status = 503
    message = "This computer has no secure keychain Margin can use, so the key is not kept there."
    hint = "Unlock with your recovery passphrase instead. Margin never stores the key in clear."


class KeychainDenied(MarginError):
    code = "keychain_denied"
    http_status = 503
    message = "The keychain refused to give Margin its key (it may be locked or access was denied)."
    hint = "Unlock the keychain and try again, or unlock with your recovery passphrase."


class KeyNotInKeychain(MarginError):
    code = "key_not_in_keychain"
    http_status = 404
    message = "The keychain does not hold this vault's key."
    hint = "Unlock once with your recovery passphrase; Margin then keeps the key in the keychain."


class FormatTooNew(MarginError):
    code = "format_too_new"
    http_status = 409
    message = "Part of this vault was written by a newer version of Margin."
    hint = "Update Margin on this computer. Nothing was changed or lost."


class ObjectDamaged(MarginError):
    code = "object_damaged"
    http_status = 500
    message = "A file in the vault is damaged or was altered, so Margin did not load it."
    hint = (
        "It was moved to the vault's quarantine folder, not deleted. The rest of your notes "
        "open normally; restore the file from a backup or another device if you have one."
    )


class DiskFull(MarginError):
    code = "disk_full"
    http_status = 507
    message = "The disk is full, so this change was NOT saved."
    hint = "Free some space and save again. Everything saved before is intact."


class SaveFailed(MarginError):
    code = "save_failed"
    http_status = 500
    message = "Margin could not write this change to disk, so it was NOT saved."
    hint = "Check the disk and try again. Everything saved before is intact."


class AccessNotRecorded(MarginError):
    code = "access_not_recorded"
    http_status = 507
    message = ("The disk is full, so Margin could not record in the audit trail that this "
               "note was opened, and did not open it.")
    hint = "Nothing was lost. Free some space on the disk, then open the note again."


class NoteNotFound(MarginError):
    code = "note_not_found"
    http_status = 404
    message = "There is no note with that id in this vault."
    hint = "Check the id with 'margin notes'. Nothing was changed."


class StaleVersion(MarginError):
    code = "stale_version"
    http_status = 409
    message = "This note was changed elsewhere since you opened it, so your edit was not applied."
    hint = (
        "Both versions are kept; nothing was overwritten. Reload the note and apply your "
        "edit again."
    )


class WaitingForSync(MarginError):
    code = "waiting_for_sync"
    http_status = 409
    message = "Part of this note has not arrived from your other device yet."
    hint = "Wait for your sync service to finish and try again. Nothing was lost."


class NewerKey(MarginError):
    code = "newer_key"
    http_status = 409
    message = ("Part of this vault was saved after the recovery passphrase was changed "
               "(perhaps on another computer), so this computer cannot open it yet.")
    hint = "Lock Margin and unlock it with your newest recovery passphrase. Nothing was lost."


class NoteDeleted(MarginError):
    code = "note_deleted"
    http_status = 410
    message = "This note is deleted."
    hint = "Undo the delete first if you want to change it. Nothing was lost."


# --- Export checker (margin scan) -----------------------------------------------------------


class ScanPathNotFound(MarginError):
    code = "scan_path_not_found"
    http_status = 404
    message = "There is no file or folder at that place."
    hint = "Check the path and try again. Nothing was checked and nothing was changed."


class PathUnusable(MarginError):
    code = "path_unusable"
    http_status = 422
    message = "That path cannot name a file or folder on this computer."
    hint = "Check the path and try again. Nothing was checked and nothing was changed."


class BadNotesFile(MarginError):
    code = "bad_notes_file"
    http_status = 422
    message = "The notes file is not one JSON object with \"id\" and \"text\" a line."
    hint = "Fix the file and try again. Nothing was checked."


# --- Misplacement linter (margin lint, POST /v1/lint) -----------------------------------


class LintRulesMissing(MarginError):
    code = "lint_rules_missing"
    http_status = 500
    message = "Margin could not read the rules of its misplacement check."
    hint = "Reinstall Margin; your notes were not read or changed, and nothing was lost."


class OversharingRulesMissing(MarginError):
    code = "oversharing_rules_missing"
    http_status = 500
    message = "Margin could not read the rules of its over-sharing check."
    hint = "Reinstall Margin; your notes were not read or changed, and nothing was lost."


class LintFileMissing(MarginError):
    code = "lint_file_missing"
    http_status = 404
    message = "A file given to 'margin lint' does not exist."
    hint = "Check the path and try again; nothing was changed."


class LintFileUnreadable(MarginError):
    code = "lint_file_unreadable"
    http_status = 403
    message = "A file given to 'margin lint' could not be read (it may be a folder or locked)."
    hint = "Check that it is a text file you can open, and try again; nothing was changed."


class LintFileNotText(MarginError):
    code = "lint_file_not_text"
    http_status = 415
    message = "A file given to 'margin lint' is not a plain text file."
    hint = "Save the note as plain text (.txt or .md) and lint that; nothing was changed."


class PassphraseFileUnreadable(MarginError):
    code = "passphrase_file_unreadable"
    http_status = 400
    message = "Margin could not read a passphrase from that file."
    hint = "Check the file's name and that it holds the passphrase on its first line."


class PassphraseNeeded(MarginError):
    code = "passphrase_needed"
    http_status = 401
    message = "The vault is locked and no passphrase was given."
    hint = (
        "Start Margin and unlock it ('margin unlock'), or give the passphrase with "
        "--passphrase-file FILE (or MARGIN_PASSPHRASE_FILE)."
    )


class PassphraseTooShort(MarginError):
    code = "passphrase_too_short"
    http_status = 422
    message = "That passphrase is too short to protect your notes."
    hint = "Use at least 12 characters, for example four or five unrelated words."


class PassphrasesDiffer(MarginError):
    code = "passphrases_differ"
    http_status = 422
    message = "The two new passphrases you typed are not the same."
    hint = "Nothing was changed. Run 'margin passphrase' again."


class ImportFileProblem(MarginError):
    code = "import_file_problem"
    http_status = 422

    def __init__(self, where: str, problem: str):
        super().__init__(
            f"Nothing was imported: {where} {problem}.",
            "Fix or remove that file and run the import again; no note was saved.",
        )


class BrokenCharacter(MarginError):
    code = "broken_character"
    http_status = 422
    message = ("This request holds a broken character (half of an emoji or symbol, often "
               "left by copying and pasting), which Margin cannot record here.")
    hint = "Nothing was changed and nothing was lost. Remove that character and try again."


class ImportInterrupted(MarginError):
    code = "import_interrupted"
    http_status = 500

    def __init__(self, cause: MarginError, saved: int):
        undone = (f" The {saved} note(s) saved before it were deleted again, so nothing "
                  "was imported." if saved else " No note was saved.")
        super().__init__(f"The import stopped: {cause.message}{undone}",
                         f"{cause.hint} Then run the same import again.")


class ExportWouldOverwrite(MarginError):
    code = "export_would_overwrite"
    http_status = 409

    def __init__(self, name: str):
        super().__init__(
            f"The folder already holds a file named {name}; Margin will not overwrite it.",
            "Choose an empty folder for the export.",
        )


class WatchFolderMissing(MarginError):
    code = "watch_folder_missing"
    http_status = 404
    message = "There is no folder there to watch."
    hint = "Check the folder's name, for example 'margin watch add ~/Downloads'."


class WatchFolderUnknown(MarginError):
    code = "watch_folder_unknown"
    http_status = 404
    message = "Margin is not watching that folder."
    hint = "Run 'margin watch list' to see the folders Margin watches."


# --- Multi-device sync, backups and checks (margin join, devices, backup, check) ------------


class DeviceNotFound(MarginError):
    code = "device_not_found"
    http_status = 404
    message = "This vault has no device with that id."
    hint = "Run 'margin devices' to see the devices and their ids. Nothing was changed."


class DeviceIsThisOne(MarginError):
    code = "device_is_this_one"
    http_status = 409
    message = "That is this computer; a device cannot remove itself."
    hint = "Remove it from another of your devices. Nothing was changed."


class NotASyncedVault(MarginError):
    code = "not_a_synced_vault"
    http_status = 404
    message = "That folder does not hold a Margin vault (it has no key file)."
    hint = (
        "Check the folder's name, and wait until your sync service has brought the vault's "
        "'keys' folder to this computer. Nothing was changed."
    )


class AlreadyHasVault(MarginError):
    code = "already_has_vault"
    http_status = 409
    message = "This computer already has a Margin vault, so it cannot join another one."
    hint = (
        "Use another home folder (--home) for the other vault. Nothing was changed or lost."
    )


class StopMarginFirst(MarginError):
    code = "stop_margin_first"
    http_status = 409
    message = "Margin is running on this computer, so the vault folder cannot be changed now."
    hint = "Stop Margin (Ctrl+C in its window), run this command again, then start it."


class BackupTargetNotEmpty(MarginError):
    code = "backup_target_not_empty"
    http_status = 409
    message = "The backup destination already exists and is not empty."
    hint = "Choose a new folder or file name; Margin never overwrites a backup."


class BackupFailed(MarginError):
    code = "backup_failed"
    http_status = 500
    message = "The backup could not be written completely, so it is NOT a usable backup."
    hint = "Check the destination's free space and try again. Your vault was not changed."


class CheckTargetMissing(MarginError):
    code = "check_target_missing"
    http_status = 404
    message = "There is no vault or backup there to check."
    hint = "Give the folder of a vault, a backup folder, or a backup .tar file."


class ExportFolderUnwritable(MarginError):
    code = "export_folder_unwritable"
    http_status = 500

    def __init__(self, written: int = 0):
        super().__init__(
            "Margin could not write the decrypted copies into that folder "
            f"({written} written before it stopped).",
            "Choose a folder you can write to (for example one in your home folder). "
            "Your vault was not changed.",
        )


# --- Setting Margin up on this computer (`margin setup`, `margin native-host`) ---------


class NotAnExtensionId(MarginError):
    code = "not_an_extension_id"
    http_status = 400
    message = "That is not a browser extension id."
    hint = ("A Chrome, Edge or Brave store id is 32 letters from a to p; a Firefox id looks "
            "like name@example.org. Nothing was changed.")


class ExtensionNotAllowed(MarginError):
    code = "extension_not_allowed"
    http_status = 403
    message = "A browser extension that is not Margin's asked to pair through the native host."
    hint = ("Nothing was shared with it. If this is Margin from a store, add its id with "
            "'margin setup --extension-id ID'.")


class DaemonDidNotStart(MarginError):
    code = "daemon_did_not_start"
    http_status = 503
    message = "Margin was not running and did not start in time."
    hint = "Run 'margin serve' in a terminal to see why, then pair again. Nothing was lost."
