"""Staff sessions are revoked on the server: a copied session cookie dies at logout, disable, new password."""
from __future__ import annotations

import pytest

from verifier import appdb

from .conftest import STAFF_NAME, csrf_from, login


def copied_cookie(client, app) -> object:
    """Give a second client carrying a copy of the first client's session cookie."""
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def test_copied_cookie_works_while_the_session_lives(app, client, staff):
    login(client)
    assert copied_cookie(client, app).get("/staff/").status_code == 200


def logout(client) -> None:
    """Log out through the form on a staff page."""
    token = csrf_from(client.get("/staff/").text)
    assert client.post("/staff/logout", data={"csrf_token": token}).status_code == 303


@pytest.mark.parametrize("end", [
    logout,
    lambda client: appdb.set_staff_active(STAFF_NAME, False, "test"),
    lambda client: appdb.set_staff_password(STAFF_NAME, "a new long password 42", "test"),
], ids=["logout", "disabled", "new-password"])
def test_copied_cookie_is_refused_after_the_session_ends(app, client, staff, end):
    login(client)
    copy = copied_cookie(client, app)
    end(client)
    response = copy.get("/staff/")
    assert response.status_code == 302 and response.location.endswith("/staff/login")


def test_logging_in_again_after_logout_works(app, client, staff):
    login(client)
    logout(client)
    login(client)
    assert client.get("/staff/").status_code == 200


def test_cli_password_change_ends_sessions(app, client, staff, app_db):
    import subprocess
    import sys
    from .conftest import ROOT_ENV
    login(client)
    done = subprocess.run([sys.executable, "-m", "verifier.cli.staff", "password", STAFF_NAME, "--password-stdin"],
                          input="another long password 7\n", capture_output=True, text=True, env=ROOT_ENV(app_db))
    assert done.returncode == 0, done.stderr
    assert client.get("/staff/").status_code == 302
    assert login(client, STAFF_NAME, "another long password 7").status_code == 303
