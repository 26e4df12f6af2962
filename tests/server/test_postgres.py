"""The hub's state in PostgreSQL (Debian's server, a private cluster started for the test)."""

from __future__ import annotations

import subprocess

import pytest

from congdoan.server.postgres import pg_bin
from tests.server.harness import hub_prerequisites, running_hub
from tests.server.hubclient import HubUser

pytestmark = pytest.mark.slow
PEOPLE = {"cdp-hv01": "Phan Thị Lan"}


def test_the_hub_keeps_its_state_in_postgresql(vendor_server):
    reason = hub_prerequisites() or (None if pg_bin() else "PostgreSQL is not installed")
    if reason:
        pytest.skip(reason)
    with running_hub(
        vendor_server.url,
        PEOPLE,
        ("cdp-gv01", "Võ Văn An"),
        group="cdp-giangvien",
        grader="cdp-cham",
        postgres=True,
    ) as hub:
        assert hub.settings.hub.db_url.startswith("postgresql+psycopg://")
        user = HubUser(hub.url, "cdp-hv01", hub.passwords["cdp-hv01"])
        assert user.login().status_code == 302
        folder = hub.state / "postgres"
        query = subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(pg_bin() / "psql"),
                "-h",
                str(folder / "socket"),
                "-p",
                hub.settings.hub.db_url.rsplit("port=", 1)[1],
                "-U",
                "congdoan",
                "-d",
                "congdoan",
                "-tAc",
                "SELECT name FROM users ORDER BY name",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "cdp-hv01" in query.stdout.split()
