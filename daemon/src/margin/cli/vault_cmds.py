"""`margin init`, `unlock`, `lock`, `passphrase`: the vault's life."""

from __future__ import annotations

import click

from margin import errors
from margin.cli import CliContext
from margin.cli.client import DaemonClient
from margin.cli.door import given_passphrase, open_door, prompt_passphrase

PASSPHRASE_FILE = click.option(
    "--passphrase-file", type=click.Path(dir_okay=False),
    help="Read the recovery passphrase from this file (first line). Also MARGIN_PASSPHRASE_FILE.")


@click.command()
@PASSPHRASE_FILE
@click.pass_obj
def init(obj: CliContext, passphrase_file: str | None) -> None:
    """Create your encrypted vault.

    Without --passphrase-file, Margin makes a strong recovery passphrase and shows it once.
    """
    chosen = given_passphrase(passphrase_file)
    if chosen is not None and len(chosen) < 12:
        raise errors.PassphraseTooShort()
    with open_door(obj.home) as door:
        created = door.call("create_vault", {"passphrase": chosen} if chosen else {})
    click.echo("Your vault is ready and unlocked.")
    if created["recovery_passphrase"]:
        click.echo(f"""
Your recovery passphrase (shown only this once):

    {created['recovery_passphrase']}

Write it down on paper and keep it somewhere safe. It is the only way to open your notes
on a new computer, or if this computer's keychain is lost. Margin cannot recover it.""")
    keychain = created["vault"]["keychain"]
    if not keychain["usable"]:
        click.echo("\n" + keychain["message"])


@click.command()
@PASSPHRASE_FILE
@click.pass_obj
def unlock(obj: CliContext, passphrase_file: str | None) -> None:
    """Unlock the vault in the running Margin (keychain first, then your passphrase)."""
    client = DaemonClient.for_home(obj.home)
    if client is None:
        raise errors.DaemonNotRunning(
            hint="Start it with 'margin serve', then run 'margin unlock'.")
    with open_door(obj.home) as door:
        state = door.call("vault_state")
        if not state["exists"]:
            raise errors.NoVault()
        if state["unlocked"]:
            click.echo("The vault is already unlocked.")
            return
        given = given_passphrase(passphrase_file)
        if given is None:
            try:
                door.call("unlock", {})
                click.echo("Unlocked with the key in this computer's keychain.")
                return
            except errors.MarginError:
                given = prompt_passphrase()
        door.call("unlock", {"passphrase": given})
    click.echo("Unlocked.")


@click.command()
@click.pass_obj
def lock(obj: CliContext) -> None:
    """Lock the vault: the key leaves Margin's memory until you unlock again."""
    client = DaemonClient.for_home(obj.home)
    if client is None:
        click.echo("Margin is not running, so the vault is locked.")
        return
    with open_door(obj.home) as door:
        door.call("lock")
    click.echo("Locked. Nothing was lost; unlock again with 'margin unlock'.")


@click.command()
@PASSPHRASE_FILE
@click.option("--new-passphrase-file", type=click.Path(dir_okay=False),
              help="Read the new passphrase from this file instead of asking.")
@click.option("--reencrypt", is_flag=True,
              help="If the old passphrase leaked: also seal every file this computer wrote "
                   "again with the new key, so the old passphrase opens none of it.")
@click.pass_obj
def passphrase(obj: CliContext, passphrase_file: str | None,
               new_passphrase_file: str | None, reencrypt: bool) -> None:
    """Change the recovery passphrase. Your notes stay as they are."""
    old = given_passphrase(passphrase_file) or prompt_passphrase("Current passphrase")
    if new_passphrase_file:
        new = given_passphrase(new_passphrase_file) or ""
    else:
        new = prompt_passphrase("New passphrase")
        if prompt_passphrase("New passphrase again") != new:
            raise errors.PassphrasesDiffer()
    if len(new) < 12:
        raise errors.PassphraseTooShort()
    with open_door(obj.home) as door:
        state = door.call("vault_state")
        if not state["exists"]:
            raise errors.NoVault()
        if not state["unlocked"]:
            door.call("unlock", {"passphrase": old})
        door.call("change_passphrase", {"old_passphrase": old, "new_passphrase": new})
        resealed = door.call("reencrypt")["resealed"] if reencrypt else None
    if resealed is not None:
        click.echo(f"Sealed {resealed} file(s) of this computer again with the new key. Run "
                   "'margin passphrase --reencrypt' on your other computers too; 'margin "
                   "check' lists what each still holds under an older key.")
    click.echo("The recovery passphrase is changed. Write the new one down; the old one no "
               "longer opens the vault.")
