"""One real classroom hub per test session (see ``harness.running_hub``)."""

from __future__ import annotations

import pytest

from tests.server.harness import Hub, hub_prerequisites, running_hub


@pytest.fixture(scope="session")
def hub(vendor_server) -> Hub:
    reason = hub_prerequisites()
    if reason:
        pytest.skip(reason)
    with running_hub(vendor_server.url) as started:
        yield started
