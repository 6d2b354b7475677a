"""HQ's admin commands as an admin types them: ``opdesk-server`` in a process of its own,
on a SQLite file that the test also opens."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from opdesk.core.clock import utc_now
from opdesk.server.devices import create_enrollment, enroll
from opdesk.storage.migrate import open_database

Admin = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def admin(tmp_path: Path) -> Admin:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(tmp_path / "hq"),
             "--database-url", f"sqlite:///{tmp_path / 'hq.sqlite3'}", *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    return run


def test_a_desk_is_enrolled_only_for_an_opcafe_that_exists(admin: Admin) -> None:
    typo = admin("enroll-device", "Banco 1", "--site", "Rhò Milanese")
    assert typo.returncode == 1 and "Traceback" not in typo.stderr
    assert "no opcafè in 'Rhò Milanese'" in typo.stderr
    assert "Arese, Cornaredo, Lainate" in typo.stderr  # what it could have been
    forgotten = admin("enroll-device", "Banco 1")  # neither --site nor --hq
    assert forgotten.returncode == 2 and "--site" in forgotten.stderr
    assert "No desks yet" in admin("devices").stdout  # nothing was made

    spelled = admin("enroll-device", "Banco 1", "--site", "  pregnana MILANESE ")
    assert spelled.returncode == 0
    assert "Pregnana Milanese" in admin("devices").stdout

    user = admin("create-user", "gbianchi", "Gino Bianchi", "--site", "Atlantide")
    assert user.returncode == 1 and "no opcafè in 'Atlantide'" in user.stderr


def test_the_device_list_says_where_each_desk_is_and_its_state(
    admin: Admin, tmp_path: Path
) -> None:
    code = admin("enroll-device", "Rho, banco 1", "--site", "Rho").stdout.split()[0]
    assert admin("enroll-device", "Portatile HQ", "--hq").returncode == 0
    db = open_database(tmp_path / "hq.sqlite3")
    try:
        enroll(db, code, now=utc_now())
        create_enrollment(
            db, name="Lainate, banco 2", site_id=None, now=utc_now() - timedelta(hours=2)
        )
    finally:
        db.dispose()

    lines = {line.split("  ")[1]: line for line in admin("devices").stdout.splitlines()}
    assert "  Rho  enrolled  last sync: never" in lines["Rho, banco 1"]
    assert "  HQ, every site  code not used yet (valid until " in lines["Portatile HQ"]
    assert "code expired unused" in lines["Lainate, banco 2"]


def test_a_username_taken_is_said_in_words(admin: Admin) -> None:
    assert admin("create-user", "mrossi", "Maria Rossi", "--site", "Rho").returncode == 0
    again = admin("create-user", "MRossi", "Mario Rossi", "--site", "Lainate")
    assert again.returncode == 1
    assert "username: This username is empty or already taken." in again.stderr


def test_the_database_comes_from_the_environment_or_the_trial_one_is_named(
    tmp_path: Path,
) -> None:
    """Without the URL, a command on HQ's machine changed a database the server did not
    use: its code was "not valid" at the desk, and nothing said why."""
    base = [sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(tmp_path / "hq")]
    hq = f"sqlite:///{tmp_path / 'real.sqlite3'}"
    env = {**os.environ, "OPDESK_SERVER_DATABASE_URL": hq}
    made = subprocess.run([*base, "enroll-device", "Rho 1", "--site", "Rho"], env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert made.returncode == 0 and "trial database" not in made.stderr
    listed = subprocess.run([*base, "--database-url", hq, "devices"],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert "Rho 1" in listed.stdout

    trial = {k: v for k, v in os.environ.items() if k != "OPDESK_SERVER_DATABASE_URL"}
    told = subprocess.run([*base, "devices"], env=trial, capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert "No desks yet" in told.stdout
    assert f"the trial database {tmp_path / 'hq'}" in told.stderr


def test_a_site_is_made_in_a_comune_new_to_the_network_and_only_once(admin: Admin) -> None:
    swapped = admin("create-site", "Pero", "opcafè Pero 2")  # NAME COMUNE the other way
    assert swapped.returncode == 1 and "The order is create-site NAME COMUNE" in swapped.stderr
    again = admin("create-site", "opcafè Pero 2", "pero")
    assert again.returncode == 1 and "Pero has an opcafè already: 'opcafè Pero'" in again.stderr
    grown = admin("create-site", "opcafè Nerviano", "Nerviano", "--new-comune")
    assert grown.returncode == 0, grown.stderr
    assert admin("enroll-device", "Nerviano 1", "--site", "nerviano").returncode == 0
    assert "Nerviano 1  Nerviano  code not used yet" in admin("devices").stdout
