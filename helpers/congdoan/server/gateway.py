"""The AI gateway: a JupyterHub service that holds the vendors' keys for the whole class.

A trainee's library talks to ``<hub>/services/ai/<provider>/...`` with the trainee's own
JupyterHub token where a vendor key would go (the spawner puts it in
``OPENAI_API_KEY``, ``GEMINI_API_KEY`` ...). For each request the gateway:

1. identifies the trainee from that token (``HubAuth``; anything else gets 401);
2. refuses, with the library's Vietnamese errors, when the trainee's or the class's
   budget in VND is spent or the request rate is exceeded (429);
3. runs the personal-data guard (``congdoan.privacy``) on every text in the request:
   the trainer chose ``warn``, ``redact`` or ``block``;
4. forwards the request *by path*, whatever the API (Chat Completions, Responses,
   Gemini ``generateContent`` / ``streamGenerateContent``), with the real key, and
   relays the answer as it comes (JSON or server-sent events);
5. reads the usage the vendor reported in that answer and records the call (tokens,
   VND) in the ledger the trainer's report reads.

Refusals are shaped like the vendor's own errors and carry a ``congdoan_<reason>``
code, which ``congdoan.providers.errors`` turns into a message for the trainee.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tornado import httputil, web
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from ..config import Settings, provider_label
from ..i18n import msg
from .settings import GATEWAY_PROVIDERS, GatewaySettings, ServerSettings, read_keys
from .usage import Call, Ledger, read_usage

__all__ = ["Gateway", "HubIdentifier", "Identity", "StaticIdentifier", "Upstream", "make_app"]

#: Request headers worth passing on to the vendor; everything else (cookies, the
#: trainee's token, proxy headers) stays behind.
_FORWARD_HEADERS = ("content-type", "accept", "user-agent", "openai-beta", "x-goog-api-client")
_FORWARD_PREFIXES = ("x-stainless-",)
#: Response headers never relayed: the gateway frames the body itself.
_HOP_HEADERS = {
    "content-length",
    "transfer-encoding",
    "connection",
    "content-encoding",
    "keep-alive",
    "set-cookie",
    "server",
    "date",
}
#: JSON fields whose string values are text written by the trainee.
_TEXT_FIELDS = {"content", "text", "input", "instructions", "prompt", "system"}
_MAX_KEPT_BYTES = 4_000_000


@dataclass(frozen=True)
class Identity:
    name: str
    is_trainer: bool = False


@dataclass(frozen=True, repr=False)
class Upstream:
    """Where one provider's requests go, and the key that goes with them."""

    provider: str
    base_url: str
    key: str
    auth: str  # "bearer", "goog" or "azure"
    price_usd_per_mtok: tuple[float, float] = (0.0, 0.0)

    def __repr__(self) -> str:
        return f"Upstream({self.provider!r}, {self.base_url!r}, key=<set>)"

    def headers(self) -> dict[str, str]:
        if self.auth == "goog":
            return {"x-goog-api-key": self.key}
        if self.auth == "azure":
            return {"api-key": self.key}
        return {"Authorization": f"Bearer {self.key}"}


class StaticIdentifier:
    """Tokens known in advance (tests and the load benchmark without a hub)."""

    def __init__(self, tokens: Mapping[str, Identity]) -> None:
        self.tokens = dict(tokens)

    async def identify(self, token: str) -> Identity | None:
        return self.tokens.get(token)


class HubIdentifier:
    """Asks the hub whose token this is (cached by HubAuth) and whether it may use the gateway."""

    def __init__(self, trainers_group: str) -> None:
        from jupyterhub.services.auth import HubAuth

        self.auth = HubAuth(cache_max_age=120)
        self.trainers_group = trainers_group

    async def identify(self, token: str) -> Identity | None:
        try:
            model = await self.auth.user_for_token(token, sync=False)
        except Exception:
            return None
        if not model or model.get("kind", "user") != "user":
            return None
        if not self.auth.check_scopes(self.auth.access_scopes, model):
            return None
        trainer = bool(model.get("admin")) or self.trainers_group in model.get("groups", [])
        return Identity(model["name"], is_trainer=trainer)


class Gateway:
    """Budgets, rate, privacy and the ledger; the HTTP handlers below only move bytes."""

    def __init__(
        self,
        settings: GatewaySettings,
        upstreams: Mapping[str, Upstream],
        ledger: Ledger,
        identifier: Any,
    ) -> None:
        self.settings = settings
        self.upstreams = dict(upstreams)
        self.ledger = ledger
        self.identifier = identifier
        self._recent: dict[str, deque[float]] = defaultdict(deque)

    def refusal(self, user: str) -> str | None:
        """Why this trainee may not call now (``budget``, ``budget_class``, ``rate``), or None."""
        if self.ledger.spent(user) >= self.settings.budget_trainee_vnd:
            return "budget"
        if self.ledger.class_spent() >= self.settings.budget_class_vnd:
            return "budget_class"
        window = self._recent[user]
        now = time.monotonic()
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= self.settings.requests_per_minute:
            return "rate"
        window.append(now)
        return None

    def cost_vnd(self, upstream: Upstream, tokens_in: int, tokens_out: int) -> float:
        price_in, price_out = upstream.price_usd_per_mtok
        usd = (tokens_in * price_in + tokens_out * price_out) / 1_000_000
        return usd * self.settings.usd_to_vnd


def upstreams_from(settings: GatewaySettings, keys: Mapping[str, str]) -> dict[str, Upstream]:
    """One upstream per provider that has a key; endpoints and prices from the settings."""
    found = {}
    for provider, (base_url, auth, variables) in GATEWAY_PROVIDERS.items():
        key = next((keys[v] for v in variables if keys.get(v)), None)
        if provider == "copilot" and not key and keys.get("AZURE_OPENAI_API_KEY"):
            endpoint = keys.get("AZURE_OPENAI_ENDPOINT", "").rstrip("/")
            if endpoint:
                key, base_url, auth = keys["AZURE_OPENAI_API_KEY"], endpoint + "/openai/v1", "azure"
        if not key:
            continue
        values = {f"CONGDOAN_{provider.upper()}_PRICE": settings.prices.get(provider, "")}
        price = Settings(values=values).provider(provider).price_usd_per_mtok
        base_url = settings.upstreams.get(provider, base_url)
        found[provider] = Upstream(provider, base_url.rstrip("/"), key, auth, price)
    return found


# -- HTTP ---------------------------------------------------------------------------------
class _Base(web.RequestHandler):
    def initialize(self, gateway: Gateway) -> None:
        self.gateway = gateway

    def token(self) -> str:
        header = self.request.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() in ("bearer", "token") and value.strip():
            return value.strip()
        for name in ("x-goog-api-key", "api-key"):
            if self.request.headers.get(name):
                return self.request.headers[name].strip()
        return self.get_query_argument("key", "")

    async def identity(self) -> Identity | None:
        token = self.token()
        return await self.gateway.identifier.identify(token) if token else None

    def refuse(self, status: int, reason: str, provider: str, **fields: Any) -> None:
        """Answer in the vendor's error shape with a ``congdoan_<reason>`` code."""
        label = provider_label(provider) if provider in GATEWAY_PROVIDERS else provider
        text = msg(f"server.refusal.{reason}", provider=label, **fields)
        code = f"congdoan_{reason}"
        if provider == "gemini":
            error = {"code": status, "message": f"{code}: {text}", "status": code}
        else:
            error = {"message": f"{code}: {text}", "type": code, "code": code}
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("x-should-retry", "false")  # the openai SDK would retry a 429
        self.finish(json.dumps({"error": error}, ensure_ascii=False))


class ForwardHandler(_Base):
    SUPPORTED_METHODS = ("GET", "POST")

    async def get(self, provider: str, rest: str) -> None:
        await self.forward(provider, rest)

    async def post(self, provider: str, rest: str) -> None:
        await self.forward(provider, rest)

    async def forward(self, provider: str, rest: str) -> None:
        started = time.monotonic()
        who = await self.identity()
        if who is None:
            return self.refuse(401, "auth", provider)
        upstream = self.gateway.upstreams.get(provider)
        if upstream is None:
            return self.refuse(503, "no_key", provider)
        # Only generations cost and count: listing or describing models (GET) is free.
        reason = self.gateway.refusal(who.name) if self.request.method == "POST" else None
        body, model, findings = self.request.body, _model_of(self.request.body, rest), 0
        if reason is None and body:
            reason, body, findings = self._guard(body)
        if reason is not None:
            status = {"privacy": 400}.get(reason, 429)
            self._record(who, upstream, model, status, 0, 0, started, refused=reason)
            return self.refuse(status, reason, provider)
        await self._relay(who, upstream, rest, body, model, findings, started)

    def _guard(self, body: bytes) -> tuple[str | None, bytes, int]:
        """The personal-data guard on every text of a JSON request, in the trainer's mode."""
        from .. import privacy

        try:
            document = json.loads(body)
        except ValueError:
            return None, body, 0
        texts = list(_texts(document))
        findings = [f for text in texts for f in privacy.find(text)]
        personal = [f for f in findings if f.kind != "sensitive"]
        mode = self.gateway.settings.privacy
        if personal and mode == "block":
            return "privacy", body, len(findings)
        if personal and mode == "redact":
            document = _rewrite(document, privacy.redact)
            body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        if findings:
            kinds = sorted({f.kind for f in findings})
            self.set_header("X-Congdoan-Privacy", f"{mode}: {','.join(kinds)}")
        return None, body, len(findings)

    async def _relay(self, who, upstream, rest, body, model, findings, started) -> None:
        query = [(k, v) for k, v in parse_qsl(self.request.query) if k != "key"]
        url = f"{upstream.base_url}/{rest}" + (f"?{urlencode(query)}" if query else "")
        headers = {k: v for k, v in self.request.headers.get_all() if _forwardable(k)}
        headers.update(upstream.headers())
        kept: list[bytes] = []
        state: dict[str, Any] = {"status": 502, "headers": httputil.HTTPHeaders(), "sent": False}

        def on_header(line: str) -> None:
            if line.startswith("HTTP/"):
                state["status"] = httputil.parse_response_start_line(line.strip()).code
                state["headers"] = httputil.HTTPHeaders()
            elif line.strip():
                state["headers"].parse_line(line)

        def on_chunk(chunk: bytes) -> None:
            if not state["sent"]:
                self._start(state)
            if sum(map(len, kept)) < _MAX_KEPT_BYTES:
                kept.append(chunk)
            self.write(chunk)
            self.flush()

        request = HTTPRequest(
            url,
            method=self.request.method,
            headers=headers,
            body=body if self.request.method == "POST" else None,
            header_callback=on_header,
            streaming_callback=on_chunk,
            request_timeout=self.gateway.settings.timeout_seconds,
            connect_timeout=15,
            decompress_response=True,
        )
        try:
            response = await AsyncHTTPClient().fetch(request, raise_error=False)
            status = response.code
        except Exception as exc:  # refused, timed out, cut: the trainee gets a vendor-like 5xx
            status = 504 if "timeout" in type(exc).__name__.lower() else 502
            if not state["sent"]:
                self._record(who, upstream, model, status, 0, 0, started, refused="upstream")
                return self.refuse(status, "upstream", upstream.provider)
            self._record(who, upstream, model, status, 0, 0, started)
            return self.finish()
        if not state["sent"]:
            state["status"] = status if status != 599 else 502
            self._start(state)
        generated = status < 400 and self.request.method == "POST"
        tokens = read_usage(b"".join(kept)) if generated else (0, 0)
        estimated = tokens is None
        if tokens is None:  # no usage in the answer: estimate from the text sizes
            tokens = (len(body) // 4, sum(map(len, kept)) // 4)
        self._record(who, upstream, model, status, *tokens, started, estimated, findings)
        self.finish()

    def _start(self, state: dict[str, Any]) -> None:
        state["sent"] = True
        self.set_status(state["status"] if state["status"] != 599 else 502)
        for name, value in state["headers"].get_all():
            if name.lower() not in _HOP_HEADERS:
                self.add_header(name, value)

    def _record(
        self,
        who,
        upstream,
        model,
        status,
        tokens_in,
        tokens_out,
        started,
        estimated=False,
        findings=0,
        refused="",
    ) -> None:
        cost = self.gateway.cost_vnd(upstream, tokens_in, tokens_out)
        seconds = time.monotonic() - started
        call = Call(
            who.name,
            upstream.provider,
            model,
            status,
            tokens_in,
            tokens_out,
            cost,
            seconds,
            estimated,
            findings,
            refused,
        )
        self.gateway.ledger.record(call)


class UsageHandler(_Base):
    """Spending per trainee, for trainers only (``GET <prefix>usage``)."""

    async def get(self) -> None:
        who = await self.identity()
        if who is None or not who.is_trainer:
            return self.refuse(403, "trainers_only", "gateway")
        rows = self.gateway.ledger.per_user()
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"users": rows, "class_vnd": self.gateway.ledger.class_spent()}))


class HealthHandler(web.RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


def make_app(gateway: Gateway, prefix: str = "/") -> web.Application:
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    providers = "|".join(GATEWAY_PROVIDERS)
    AsyncHTTPClient.configure(None, max_clients=500)  # a class streams at once
    return web.Application(
        [
            (rf"{prefix}({providers})/(.*)", ForwardHandler, {"gateway": gateway}),
            (rf"{prefix}usage", UsageHandler, {"gateway": gateway}),
            (rf"{prefix}?", HealthHandler),
        ]
    )


def _forwardable(name: str) -> bool:
    lowered = name.lower()
    return lowered in _FORWARD_HEADERS or lowered.startswith(_FORWARD_PREFIXES)


def _model_of(body: bytes, rest: str) -> str:
    if "/models/" in f"/{rest}":
        return rest.split("models/", 1)[1].split(":", 1)[0]
    try:
        model = json.loads(body).get("model", "") if body else ""
    except (ValueError, AttributeError):
        model = ""
    return str(model)[:100]


def _texts(document: Any, key: str = "") -> Any:
    if isinstance(document, str):
        if key in _TEXT_FIELDS:
            yield document
    elif isinstance(document, list):
        for item in document:
            yield from _texts(item, key)
    elif isinstance(document, dict):
        for name, value in document.items():
            yield from _texts(value, name)


def _rewrite(document: Any, change: Callable[[str], str], key: str = "") -> Any:
    if isinstance(document, str):
        return change(document) if key in _TEXT_FIELDS else document
    if isinstance(document, list):
        return [_rewrite(item, change, key) for item in document]
    if isinstance(document, dict):
        return {name: _rewrite(value, change, name) for name, value in document.items()}
    return document


@dataclass
class RunningGateway:
    url: str
    stop: Callable[[], None]


def start_in_thread(gateway: Gateway, prefix: str = "/") -> RunningGateway:
    """Serve ``gateway`` on a free loopback port from a background thread (tests, benchmark)."""
    import threading

    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets

    sockets = bind_sockets(0, "127.0.0.1")
    port = sockets[0].getsockname()[1]
    started = threading.Event()
    holder: dict[str, Any] = {}

    def run() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        server = HTTPServer(make_app(gateway, prefix))
        server.add_sockets(sockets)
        holder.update(loop=loop, server=server)
        started.set()
        loop.run_forever()
        server.stop()
        loop.close()

    thread = threading.Thread(target=run, daemon=True, name="congdoan-gateway")
    thread.start()
    started.wait(10)

    def stop() -> None:
        holder["loop"].call_soon_threadsafe(holder["loop"].stop)
        thread.join(10)

    path = "/" + prefix.strip("/") if prefix.strip("/") else ""
    return RunningGateway(f"http://127.0.0.1:{port}{path}", stop)


# -- the service's entry point (the hub starts it) ----------------------------------------
def build(server: ServerSettings, identifier: Any) -> Gateway:
    keys = read_keys(server.keys_file)
    ledger = Ledger(server.ledger_file)
    return Gateway(server.gateway, upstreams_from(server.gateway, keys), ledger, identifier)


async def serve(
    server: ServerSettings, port: int, prefix: str, ready: Callable[[], Awaitable] | None = None
) -> None:
    gateway = build(server, HubIdentifier(server.hub.trainers_group))
    make_app(gateway, prefix).listen(port, address="127.0.0.1")
    if ready:
        await ready()
    await asyncio.Event().wait()


def main() -> None:
    from urllib.parse import urlparse

    from .settings import load_server_settings

    server = load_server_settings()
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:8181"))
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/ai/")
    asyncio.run(serve(server, url.port or 8181, prefix))


if __name__ == "__main__":
    main()
