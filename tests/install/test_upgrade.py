"""Installing a newer wheel over the current one keeps the vault, the settings and the
pairings: the home written by this release is opened by the next one."""

from __future__ import annotations

import http.client
import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.install.wheel import Installed, build, clean_env, copy_tree_with_version, install
from tests.install.wheel import new_venv as make_venv

ORIGIN = "chrome-extension://" + "c" * 32
NEXT_VERSION = "0.1.1"
ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "MARGIN_PORT": "0"}


def _pair_an_extension(installed: Installed, user: Path) -> None:
    """Start Margin, pair an extension with the typed code, stop Margin."""
    server = subprocess.Popen([str(installed.margin), "serve"], cwd=installed.cwd,
                              env=clean_env(user, ENV), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        runtime_file = user / "margin-home" / "local" / "daemon.json"
        deadline = time.monotonic() + 90
        while not runtime_file.exists():
            assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
            time.sleep(0.2)
        info = json.loads(runtime_file.read_text())
        code = _post(info["port"], "/v1/pairing-code", {},
                     {"Authorization": f"Bearer {info['cli_token']}"})["code"]
        _post(info["port"], "/v1/pair", {"code": code, "name": "Upgrade test"},
              {"Origin": ORIGIN})
    finally:
        server.terminate()
        server.wait(timeout=30)


def _post(port: int, path: str, body: object, headers: dict[str, str]) -> dict[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, body=json.dumps(body), headers={
        "Host": f"127.0.0.1:{port}", "Content-Type": "application/json", **headers})
    response = connection.getresponse()
    answer: dict[str, str] = json.loads(response.read())
    assert response.status == 201, answer
    return answer


@pytest.fixture
def newer_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = copy_tree_with_version(tmp_path_factory.mktemp("next-src"), NEXT_VERSION)
    return build(source, tmp_path_factory.mktemp("next-dist"))[1]


def test_upgrading_keeps_vault_settings_and_pairings(
        built: tuple[Path, Path], newer_wheel: Path, tmp_path: Path) -> None:
    venv = make_venv(tmp_path / "venv")
    install(venv, built[1])
    installed = Installed(venv=venv, cwd=tmp_path)
    user = tmp_path / "user"
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("correct horse battery staple margin\n")
    watched = tmp_path / "Downloads"
    watched.mkdir()
    note = tmp_path / "session.txt"
    note.write_text("Talked about the move and what it stirred up about her father.\n")
    pf = ["--passphrase-file", str(passphrase)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = installed.run(*args, home=user, env=ENV)
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
        return done

    run("init", *pf)
    run("import", "--client", "R. K.", "--date", "2026-11-30", *pf, str(note))
    run("watch", "add", str(watched))
    _pair_an_extension(installed, user)
    before = [run("notes", "--json", *pf).stdout, run("watch", "list").stdout,
              run("pair", "--list", "--json").stdout]

    install(venv, newer_wheel)
    assert run("--version").stdout.strip().endswith(NEXT_VERSION)
    after = [run("notes", "--json", *pf).stdout, run("watch", "list").stdout,
             run("pair", "--list", "--json").stdout]
    assert after == before
    assert "R. K." in after[0] and str(watched) in after[1] and ORIGIN in after[2]
    note_id = json.loads(after[0])[0]["id"]
    assert "stirred up about her father" in run("show", note_id, *pf).stdout
    run("check", *pf)
