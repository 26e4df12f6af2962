"""A local HTTP server that speaks the vendors' wire formats, with injectable faults.

The real ``openai`` and ``google-genai`` SDKs are pointed at it through the
``CONGDOAN_*_BASE_URL`` settings, so tests exercise the SDKs, their retries and their
streaming parsers end to end, on 127.0.0.1 only. It answers:

* OpenAI Chat Completions: ``POST .../chat/completions`` (JSON, or SSE with
  ``"stream": true``) and ``GET .../models`` (with ``created`` and ``shutdown_date``);
* OpenAI Responses: ``POST .../responses`` (JSON, or SSE events ``response.created``,
  ``response.reasoning_summary_text.delta``, ``response.output_text.delta``,
  ``response.completed`` / ``response.incomplete`` / ``response.failed``), with
  reasoning summaries when asked for and ``url_citation`` annotations for web search;
* GitHub Models' catalogue: ``GET .../catalog/models``;
* Gemini: ``POST /v1*/models/M:generateContent``, ``:streamGenerateContent?alt=sse``,
  ``GET /v1*/models/M`` and ``GET /v1*/models`` (paged, names ``models/...``); grounded
  answers carry Search Suggestions (``searchEntryPoint.renderedContent``).

Faults are queued with :meth:`VendorServer.fail_next` and friends and consumed one
request at a time.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Fault:
    """What to do instead of a normal answer for one request."""

    kind: str  # "status", "delay", "cut", "malformed", "blocked", "incomplete", "failed"
    status: int = 500
    body: dict[str, Any] | None = None
    seconds: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] = field(default_factory=dict)


class VendorServer:
    """Start with :meth:`start`; ``url`` is ``http://127.0.0.1:PORT``."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.faults: deque[Fault] = deque()
        self.reply_text = "Xin chào từ máy chủ thử nghiệm."
        self.reasoning: str | None = None
        self.reasoning_field = "reasoning_content"
        self.model_ids = ["test-model"]
        #: Extra fields per listed model id, e.g. ``{"created": 1, "shutdown_date": "..."}``.
        self.model_info: dict[str, dict[str, Any]] = {}
        #: Gemini lists this many models a page (the real API: 50).
        self.page_size = 50
        #: Answer 400 to a Responses request that asks for ``reasoning.summary``.
        self.refuse_summary = False
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> VendorServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- fault injection ------------------------------------------------------------
    def fail_next(self, status: int, body: dict[str, Any] | None = None, times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault("status", status=status, body=body))

    def delay_next(self, seconds: float, times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault("delay", seconds=seconds))

    def cut_next(self, times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault("cut"))

    def malformed_next(self, times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault("malformed"))

    def block_next(self) -> None:
        self.faults.append(Fault("blocked"))

    def incomplete_next(self) -> None:
        """A Responses answer that ran out of tokens (``status: incomplete``)."""
        self.faults.append(Fault("incomplete"))

    def fail_response_next(self) -> None:
        """A Responses answer that starts, then fails (``response.failed``)."""
        self.faults.append(Fault("failed"))

    def _take_fault(self) -> Fault | None:
        return self.faults.popleft() if self.faults else None


class _QuietServer(ThreadingHTTPServer):
    """Clients hang up on purpose in the timeout and cut tests: not worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


def _handler_for(server: VendorServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one response per connection; SSE ends on close

        def log_message(self, *args: Any) -> None:  # keep test output (and stderr) clean
            pass

        def do_GET(self) -> None:
            self._record({})
            fault = server._take_fault()
            if fault and self._apply_simple_fault(fault):
                return
            path = self.path.split("?", 1)[0].rstrip("/")
            if path.endswith("/catalog/models"):
                rows = [
                    {"id": m, "name": m, **server.model_info.get(m, {})} for m in server.model_ids
                ]
                self._json(200, rows)
            elif path.endswith("/models") and "x-goog-api-key" in self._lower_headers():
                self._gemini_models()
            elif path.endswith("/models"):
                data = [
                    {"id": m, "object": "model", "owned_by": "test", **server.model_info.get(m, {})}
                    for m in server.model_ids
                ]
                self._json(200, {"object": "list", "data": data})
            elif "/models/" in self.path:
                name = self.path.split("/models/", 1)[1]
                self._json(200, {"name": f"models/{name}", "displayName": name})
            else:
                self._json(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:
            request = self._read_request()
            if request is None:
                return
            body, fault = request
            if self.path.endswith("/chat/completions"):
                self._openai(body, fault)
            elif self.path.endswith("/responses"):
                self._responses(body, fault)
            elif ":generateContent" in self.path:
                self._gemini(body, fault, stream=False)
            elif ":streamGenerateContent" in self.path:
                self._gemini(body, fault, stream=True)
            else:
                self._json(404, {"error": {"message": f"no route {self.path}"}})

        # -- OpenAI -----------------------------------------------------------------
        def _openai(self, body: dict[str, Any], fault: Fault | None) -> None:
            model = body.get("model", "test-model")
            finish = "content_filter" if fault and fault.kind == "blocked" else "stop"
            if body.get("stream"):
                self._openai_stream(model, finish, cut=bool(fault and fault.kind == "cut"))
                return
            if fault and fault.kind == "cut":
                self._truncated_json()
                return
            message: dict[str, Any] = {"role": "assistant", "content": server.reply_text}
            if server.reasoning:
                message[server.reasoning_field] = server.reasoning
            self._json(
                200,
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                    "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
                },
            )

        def _openai_stream(self, model: str, finish: str, *, cut: bool) -> None:
            self._start_sse()
            base = {
                "id": "chatcmpl-test",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
            }
            if server.reasoning:
                delta = {server.reasoning_field: server.reasoning}
                self._event({**base, "choices": [{"index": 0, "delta": delta}]})
            for piece in _pieces(server.reply_text):
                self._event({**base, "choices": [{"index": 0, "delta": {"content": piece}}]})
                if cut:
                    return  # the connection closes mid-answer
            self._event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
            usage = {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
            self._event({**base, "choices": [], "usage": usage})
            self.wfile.write(b"data: [DONE]\n\n")

        # -- OpenAI Responses ---------------------------------------------------------
        def _responses(self, body: dict[str, Any], fault: Fault | None) -> None:
            if server.refuse_summary and "summary" in (body.get("reasoning") or {}):
                error = {
                    "message": "Your organization must be verified to generate reasoning "
                    "summaries.",
                    "type": "invalid_request_error",
                    "param": "reasoning.summary",
                    "code": "unsupported_value",
                }
                self._json(400, {"error": error})
                return
            kind = fault.kind if fault else None
            if not body.get("stream"):
                if kind == "cut":
                    self._truncated_json()
                else:
                    self._json(200, _response_object(server, body, kind))
                return
            self._start_sse()
            final = _response_object(server, body, kind)
            seq = iter(range(10_000))
            created = {**final, "status": "in_progress", "output": [], "usage": None}
            self._named("response.created", {"response": created, "sequence_number": next(seq)})
            for index, item in enumerate(final["output"]):
                if item["type"] == "reasoning":
                    for part in item["summary"]:
                        self._named(
                            "response.reasoning_summary_text.delta",
                            {
                                "item_id": item["id"],
                                "output_index": index,
                                "summary_index": 0,
                                "delta": part["text"],
                                "sequence_number": next(seq),
                            },
                        )
                if item["type"] != "message":
                    continue
                for content in item["content"]:
                    if content["type"] == "refusal":
                        self._named(
                            "response.refusal.delta",
                            {
                                "item_id": item["id"],
                                "output_index": index,
                                "content_index": 0,
                                "delta": content["refusal"],
                                "sequence_number": next(seq),
                            },
                        )
                        continue
                    for number, piece in enumerate(_pieces(content["text"])):
                        if kind == "cut" and number == 1:
                            return  # the connection closes mid-answer
                        self._named(
                            "response.output_text.delta",
                            {
                                "item_id": item["id"],
                                "output_index": index,
                                "content_index": 0,
                                "delta": piece,
                                "logprobs": [],
                                "sequence_number": next(seq),
                            },
                        )
            ending = {
                "completed": "response.completed",
                "incomplete": "response.incomplete",
                "failed": "response.failed",
            }[final["status"]]
            self._named(ending, {"response": final, "sequence_number": next(seq)})

        def _named(self, event: str, payload: dict[str, Any]) -> None:
            data = json.dumps({"type": event, **payload}, ensure_ascii=False).encode()
            self.wfile.write(b"event: " + event.encode() + b"\ndata: " + data + b"\n\n")
            self.wfile.flush()

        # -- Gemini -----------------------------------------------------------------
        def _gemini_models(self) -> None:
            query = self.path.split("?", 1)[1] if "?" in self.path else ""
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            start = int(params.get("pageToken") or 0)
            names = server.model_ids[start : start + server.page_size]
            page: dict[str, Any] = {
                "models": [
                    {
                        "name": f"models/{m}",
                        "displayName": m,
                        "supportedGenerationMethods": ["generateContent"],
                    }
                    for m in names
                ]
            }
            if start + server.page_size < len(server.model_ids):
                page["nextPageToken"] = str(start + server.page_size)
            self._json(200, page)

        def _lower_headers(self) -> dict[str, str]:
            return {k.lower(): v for k, v in self.headers.items()}

        def _gemini(self, body: dict[str, Any], fault: Fault | None, *, stream: bool) -> None:
            model = self.path.split("/models/", 1)[1].split(":", 1)[0]
            blocked = bool(fault and fault.kind == "blocked")
            if fault and fault.kind == "cut" and not stream:
                self._truncated_json()
                return
            usage = {"promptTokenCount": 9, "candidatesTokenCount": 5, "totalTokenCount": 14}
            grounded = any("googleSearch" in tool for tool in body.get("tools", []))
            if not stream:
                response = _gemini_response(server.reply_text, model, blocked, usage)
                if grounded:
                    response["candidates"][0]["groundingMetadata"] = _GROUNDING
                self._json(200, response)
                return
            self._start_sse()
            pieces = _pieces(server.reply_text)
            for index, piece in enumerate(pieces):
                last = index == len(pieces) - 1
                if fault and fault.kind == "cut" and index == 1:
                    return
                event = _gemini_response(piece, model, blocked and last, usage if last else None)
                if not last:
                    event["candidates"][0].pop("finishReason")
                elif grounded:
                    event["candidates"][0]["groundingMetadata"] = _GROUNDING
                self._event(event)

        # -- plumbing ---------------------------------------------------------------
        def _read_request(self) -> tuple[dict[str, Any], Fault | None] | None:
            """Read and record a POST body, then apply the next fault; ``None`` when the
            fault already answered the request (an error status, a malformed body)."""
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) if length else b"{}")
            except ValueError:
                body = {}
            self._record(body)
            fault = server._take_fault()
            if fault and fault.kind == "delay":
                time.sleep(fault.seconds)
                fault = None
            if fault and self._apply_simple_fault(fault):
                return None
            return body, fault

        def _apply_simple_fault(self, fault: Fault) -> bool:
            if fault.kind == "status":
                body = fault.body or {"error": {"message": f"injected {fault.status}"}}
                self._json(fault.status, body, headers={"retry-after-ms": "5"})
                return True
            if fault.kind == "malformed":
                self._raw(200, b"<html>this is not JSON", "application/json")
                return True
            return False

        def _record(self, body: dict[str, Any]) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            server.requests.append(Seen(self.command, self.path, headers, body))

        def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode()
            self._raw(status, data, "application/json", headers)

        def _raw(self, status: int, data: bytes, kind: str, headers=None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _truncated_json(self) -> None:
            data = b'{"id": "chatcmpl-test", "choices": [{"message": {"content": "Xin'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data) + 200))
            self.end_headers()
            self.wfile.write(data)

        def _start_sse(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()

        def _event(self, payload: dict[str, Any]) -> None:
            self.wfile.write(b"data: " + json.dumps(payload, ensure_ascii=False).encode() + b"\n\n")
            self.wfile.flush()

    return Handler


#: What Gemini returns with Google Search grounding: the web pages it used.
_GROUNDING = {
    "webSearchQueries": ["Tháng Công nhân 2025 chủ đề"],
    "groundingChunks": [
        {"web": {"uri": "https://example.org/thang-cong-nhan", "title": "Báo Lao Động"}},
        {"web": {"uri": "https://example.org/ldld-hue", "title": "LĐLĐ thành phố Huế"}},
    ],
    "searchEntryPoint": {
        "renderedContent": '<style>.container{display:flex}</style><div class="container">'
        '<a class="chip" href="https://www.google.com/search?q=Th%C3%A1ng+C%C3%B4ng+nh%C3%A2n">'
        "Tháng Công nhân 2025 chủ đề</a></div>"
    },
}

#: What OpenAI's web search tool cites: ``url_citation`` annotations on the answer text.
_WEB_SOURCES = [
    ("https://example.org/thang-cong-nhan", "Báo Lao Động"),
    ("https://example.org/ldld-hue", "LĐLĐ thành phố Huế"),
]


def _response_object(server: VendorServer, body: dict[str, Any], fault: str | None) -> dict:
    """A Responses API ``response`` object for ``body``, shaped by the fault, if any."""
    text = server.reply_text
    output: list[dict[str, Any]] = []
    if server.reasoning and "summary" in (body.get("reasoning") or {}):
        summary = [{"type": "summary_text", "text": server.reasoning}]
        output.append({"type": "reasoning", "id": "rs_test", "summary": summary})
    searched = any(t.get("type", "").startswith("web_search") for t in body.get("tools") or [])
    annotations = []
    if searched:
        output.append(
            {
                "type": "web_search_call",
                "id": "ws_test",
                "status": "completed",
                "action": {"type": "search", "query": "Tháng Công nhân 2025 chủ đề"},
            }
        )
        annotations = [
            {
                "type": "url_citation",
                "url": url,
                "title": title,
                "start_index": 0,
                "end_index": min(len(text), 10),
            }
            for url, title in _WEB_SOURCES
        ]
    content: dict[str, Any] = {"type": "output_text", "text": text, "annotations": annotations}
    if fault == "blocked":
        content = {"type": "refusal", "refusal": "Tôi không thể giúp yêu cầu này."}
    status, incomplete, error = "completed", None, None
    if fault == "incomplete":
        status, incomplete = "incomplete", {"reason": "max_output_tokens"}
    elif fault == "failed":
        status = "failed"
        error = {"code": "server_error", "message": "The model failed to generate a response."}
    if status != "incomplete":  # a reasoning model cut at its budget wrote no message
        output.append(
            {
                "type": "message",
                "id": "msg_test",
                "role": "assistant",
                "status": "completed",
                "content": [content],
            }
        )
    return {
        "id": "resp_test",
        "object": "response",
        "created_at": 0,
        "model": body.get("model", "test-model"),
        "status": status,
        "error": error,
        "incomplete_details": incomplete,
        "instructions": body.get("instructions"),
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": body.get("tools") or [],
        "usage": {
            "input_tokens": 11,
            "output_tokens": 7,
            "total_tokens": 18,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens_details": {"reasoning_tokens": 3 if server.reasoning else 0},
        },
    }


def _pieces(text: str, size: int = 8) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _gemini_response(text: str, model: str, blocked: bool, usage: dict | None) -> dict[str, Any]:
    candidate = {
        "content": {"role": "model", "parts": [{"text": text}]},
        "finishReason": "SAFETY" if blocked else "STOP",
        "index": 0,
    }
    response: dict[str, Any] = {"candidates": [candidate], "modelVersion": model}
    if usage:
        response["usageMetadata"] = usage
    return response


# -- images (appended for congdoan.media) ----------------------------------------------
# OpenAI ``POST .../images/generations`` answers ``{"data": [{"b64_json": ...}]}``; a
# Gemini ``:generateContent`` call to a model whose name contains "image" answers with
# an ``inlineData`` part. The picture is ``VendorServer.image_png`` when a test sets it,
# else a small PNG. Faults queued with ``fail_next`` etc. apply as for chat.


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 80), (200, 30, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


_TINY_PNG = _tiny_png()
_chat_handler_for = _handler_for


def _handler_for(server: VendorServer):  # extends the chat handler above
    import base64

    base = _chat_handler_for(server)

    class ImageHandler(base):
        def do_POST(self) -> None:
            is_openai = self.path.rstrip("/").endswith("/images/generations")
            model = self.path.split("/models/", 1)[-1].split(":", 1)[0]
            is_gemini = ":generateContent" in self.path and "image" in model
            if not (is_openai or is_gemini):
                super().do_POST()
                return
            request = self._read_request()
            if request is None:
                return
            _, fault = request
            if fault and fault.kind == "cut":
                self._truncated_json()
                return
            png = getattr(server, "image_png", None) or _TINY_PNG
            encoded = base64.b64encode(png).decode()
            blocked = bool(fault and fault.kind == "blocked")
            if is_openai:
                self._json(200, {"created": 0, "data": [{"b64_json": encoded}]})
                return
            part = {"inlineData": {"mimeType": "image/png", "data": encoded}}
            candidate = {
                "content": {"role": "model", "parts": [] if blocked else [part]},
                "finishReason": "IMAGE_SAFETY" if blocked else "STOP",
                "index": 0,
            }
            self._json(200, {"candidates": [candidate], "modelVersion": model})

    return ImageHandler
