"""`margin join`, `devices`, `backup`, `check`: several computers, backups, verification.

`margin check` exit codes: 0 everything verified, 1 problems found (listed in plain words),
2 the check could not run (no such folder, wrong passphrase), 3 no problem found but some
parts could not be checked (written by a newer Margin).
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import click

from margin import errors, runtime
from margin.cli import CliContext
from margin.cli.client import DaemonClient
from margin.cli.door import Door, ensure_unlocked, given_passphrase, open_door, prompt_passphrase
from margin.cli.progress import progress_bar
from margin.home import configured_vault_dir, set_vault_dir
from margin.paths import given_path
from margin.sync import backup as backups
from margin.sync import checker
from margin.vault import KeyStore, Vault
from margin.vault.crypto import KeyRing

PASSPHRASE_FILE = click.option(
    "--passphrase-file", type=click.Path(dir_okay=False),
    help="Read the recovery passphrase from this file (first line). Also MARGIN_PASSPHRASE_FILE.")


@click.command()
@click.argument("vault_dir", type=click.Path(file_okay=False))
@click.option("--name", help="A name for this computer, shown on your other devices.")
@PASSPHRASE_FILE
@click.pass_obj
def join(obj: CliContext, vault_dir: str, name: str | None, passphrase_file: str | None) -> None:
    """Use the vault your sync service brought to VAULT_DIR on this computer.

    Opens it with the recovery passphrase, registers this computer as a new device, and keeps
    the key in this computer's keychain when it has one.
    """
    home, folder = obj.home, Path(vault_dir).expanduser().resolve()
    if DaemonClient.for_home(home) is not None:
        raise errors.StopMarginFirst()
    if not (folder / "keys").is_dir() or not any((folder / "keys").iterdir()):
        raise errors.NotASyncedVault()
    current = configured_vault_dir(home.root, home.local_dir)
    if Vault.exists(home) and current.resolve() != folder:
        raise errors.AlreadyHasVault()
    passphrase = given_passphrase(passphrase_file) or prompt_passphrase()
    home.ensure()
    lock = runtime.InstanceLock(home)
    lock.acquire()
    try:
        set_vault_dir(home.local_dir, folder)
        try:
            vault = Vault.open(home, keystore=KeyStore())
            with progress_bar("Reading the vault") as progress:
                vault.unlock_with_passphrase(passphrase, device_name=name or socket.gethostname(),
                                             progress=progress)
        except BaseException:
            set_vault_dir(home.local_dir, None if current == home.root / "vault" else current)
            raise
        device, keychain = vault.device_id, vault.keychain_status
        vault.lock()
    finally:
        lock.release()
    click.echo(f"This computer is now a device of the vault in {folder} (device {device[:8]}).")
    click.echo(f"Keychain: {keychain}.")
    click.echo("Start Margin with 'margin serve'; changes arrive as your sync service brings them.")


@click.command()
@click.option("--remove", "remove_id", metavar="ID", help="Remove a device (a lost or old one).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@PASSPHRASE_FILE
@click.pass_obj
def devices(obj: CliContext, remove_id: str | None, as_json: bool,
            passphrase_file: str | None) -> None:
    """List the devices of your vault, or remove one (its past writes stay audited)."""
    with open_door(obj.home) as door:
        ensure_unlocked(door, passphrase_file)
        if remove_id:
            door.call("remove_device", device_id=_full_id(door, remove_id))
        found = door.call("devices")["devices"]
    if as_json:
        click.echo(json.dumps(found, indent=2))
        return
    for device in found:
        click.echo(_device_line(device))


def _full_id(door: Door, given: str) -> str:
    return _match([d["id"] for d in door.call("devices")["devices"]], given)


def _match(ids: list[str], given: str) -> str:
    """A device id, or the start of one that names a single device."""
    chosen = [i for i in ids if i.startswith(given.lower())]
    if len(chosen) != 1:
        raise errors.DeviceNotFound()
    return chosen[0]


def _device_line(device: dict[str, Any]) -> str:
    state = "this computer" if device["this_device"] else (
        "active" if device["active"] else f"removed {device['removed'][:10]}")
    name = device["name"] or "(no name yet)"
    last = (device["last_activity"] or "never")[:16].replace("T", " ")
    warning = "  WROTE AFTER REMOVAL" if device["wrote_after_removal"] else ""
    return f"{device['id'][:8]}  {name:<24} {state:<16} last seen {last}{warning}"


@click.command()
@click.argument("destination", type=click.Path())
@click.option("--tar", "as_tar", is_flag=True, default=None,
              help="Write one .tar file (the default when DESTINATION ends in .tar).")
@click.pass_obj
def backup(obj: CliContext, destination: str, as_tar: bool | None) -> None:
    """Copy the vault's encrypted files to DESTINATION (a new folder, or a .tar file).

    Nothing is decrypted and no key is needed; 'margin check DESTINATION' verifies the copy.
    """
    home = obj.home
    with progress_bar("Copying encrypted files") as progress:
        result = backups.backup(configured_vault_dir(home.root, home.local_dir),
                                Path(destination).expanduser().resolve(), as_tar=as_tar,
                                progress=progress)
    click.echo(f"Backed up {result.files} encrypted files ({result.bytes} bytes) to "
               f"{result.destination} ({result.kind}). Check it with 'margin check "
               f"--read-data {result.destination}'.")


@click.command()
@click.argument("target", required=False, type=click.Path())
@click.option("--read-data", is_flag=True,
              help="Open and authenticate every object and check every chain (needs the key).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@PASSPHRASE_FILE
@click.pass_obj
def check(obj: CliContext, target: str | None, read_data: bool, as_json: bool,
          passphrase_file: str | None) -> None:
    """Verify your vault, or a backup of it (a folder or .tar), and say what is wrong.

    Exit 0: all verified; 1: problems found; 2: could not check; 3: parts not checked.
    """
    home = obj.home
    path = given_path(target) if target else configured_vault_dir(home.root, home.local_dir)
    if not path.exists():
        raise errors.CheckTargetMissing()
    report = _run_check(obj, path, read_data, passphrase_file, quiet=as_json)
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        _print_report(report)
    raise SystemExit(report["exit_code"])


def _run_check(obj: CliContext, path: Path, read_data: bool, passphrase_file: str | None,
               *, quiet: bool) -> dict[str, Any]:
    if not read_data:
        return checker.check(path).to_json()
    given = given_passphrase(passphrase_file)
    if DaemonClient.for_home(obj.home) is not None and given is None:  # it holds the key
        with open_door(obj.home) as door:
            ensure_unlocked(door, passphrase_file)
            report: dict[str, Any] = door.call("check", {"path": str(path), "read_data": True})
        return report
    key: KeyRing | bytearray | None = _key_from_keychain(path) if given is None else None
    if key is None:
        key = checker.key_for(path, given or prompt_passphrase())
    if key is None:
        raise errors.WrongPassphrase()
    with progress_bar("Checking every object", quiet=quiet) as progress:
        return checker.check(path, key, progress=progress).to_json()


def _key_from_keychain(path: Path) -> bytearray | None:
    vault_id = checker.vault_id_of(path)
    keystore = KeyStore()
    if vault_id is None or not keystore.usable:
        return None
    try:
        return keystore.load(vault_id)
    except errors.MarginError:
        return None


def _print_report(report: dict[str, Any]) -> None:
    what = "every object opened and every chain checked" if report["read_data"] else \
        "files checked without the key (add --read-data to open every object)"
    click.echo(f"Checked {report['files']} files, {report['objects']} objects: {what}.")
    for finding in report["findings"]:
        click.echo(f"  {finding['severity'].upper()}: {finding['message']}"
                   + (f" [{finding['path']}]" if finding["path"] else ""))
    verdict = {0: "No problems found.", 1: "Problems found: see above. Nothing was changed.",
               3: "No problems found, but some parts could not be checked."}
    click.echo(verdict[report["exit_code"]])
