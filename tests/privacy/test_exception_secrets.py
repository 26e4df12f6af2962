"""Issue 11: no key is reachable from an error a trainee can print or inspect.

The real SDKs talk to the local vendor server, which rejects the key and echoes it back;
the exception the trainee catches, and everything chained to it, must not hold the key.
"""

from __future__ import annotations

import pytest

import congdoan
from congdoan import ask
from tests.providers.conftest import NETWORK_PROVIDERS, point_at


def _chain(exc: BaseException | None, seen: set[int] | None = None):
    seen = set() if seen is None else seen
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        yield from _chain(exc.__cause__, seen)
        exc = exc.__context__


@pytest.mark.parametrize("provider", [p for p in NETWORK_PROVIDERS if p != "local"])
@pytest.mark.parametrize("stream", [False, True])
def test_rejected_key_is_not_reachable_from_the_error(vendor, monkeypatch, provider, stream):
    secret = point_at(vendor, provider, monkeypatch)
    vendor.fail_next(401, {"error": {"message": f"Incorrect API key provided: {secret}"}})

    with pytest.raises(congdoan.AuthError) as caught:
        ask("Xin chào", provider=provider, stream=stream, on_chunk=lambda _: None)

    chained = list(_chain(caught.value))
    assert chained == [caught.value]  # the SDK's exception, with its request, is not kept
    for exc in chained:
        for shown in (str(exc), repr(exc), getattr(exc, "detail", ""), repr(vars(exc))):
            assert secret not in shown and secret[:12] not in shown
