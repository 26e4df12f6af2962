"""A trainee (or trainer) talking to a real hub over HTTP, as a browser and a notebook would.

Used by the hub test and by ``tests/bench_server.py``: log in through the login form,
start the server, use the Jupyter REST API (contents, sessions, nbgrader's assignment
list) and run cells in a kernel over its websocket (the Jupyter protocol, JSON).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field

import requests
import websocket


@dataclass
class CellResult:
    outputs: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def text(self) -> str:
        parts = []
        for out in self.outputs:
            if out["msg_type"] == "stream":
                parts.append(out["content"]["text"])
            elif out["msg_type"] in ("execute_result", "display_data"):
                data = out["content"]["data"]
                parts.append(data.get("text/plain", "") + data.get("text/html", ""))
            elif out["msg_type"] == "error":
                parts.append("\n".join(out["content"]["traceback"]))
        return "".join(parts)

    @property
    def error(self) -> dict | None:
        return next((o["content"] for o in self.outputs if o["msg_type"] == "error"), None)


class HubUser:
    def __init__(self, base_url: str, name: str, password: str) -> None:
        self.base = base_url.rstrip("/")
        self.name = name
        self.password = password
        self.http = requests.Session()
        self.token = ""

    # -- the hub --------------------------------------------------------------------------
    def login(self) -> requests.Response:
        """The login form, as a browser posts it (with the hub's XSRF token)."""
        self.http.get(f"{self.base}/hub/login", timeout=30)
        xsrf = self.http.cookies.get("_xsrf", "")
        data = {"username": self.name, "password": self.password, "_xsrf": xsrf}
        return self.http.post(
            f"{self.base}/hub/login?next=", data=data, timeout=60, allow_redirects=False
        )

    def make_token(self) -> str:
        """An API token for this user, asked for with the login cookie (as the UI does)."""
        xsrf = self.http.cookies.get("_xsrf", "")
        answer = self.http.post(
            f"{self.base}/hub/api/users/{self.name}/tokens",
            json={"note": "test", "expires_in": 3600},
            headers={"X-XSRFToken": xsrf, "Referer": f"{self.base}/hub/token"},
            timeout=30,
        )
        answer.raise_for_status()
        self.token = answer.json()["token"]
        return self.token

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        return requests.request(
            method,
            f"{self.base}{path}",
            headers=headers,
            timeout=kwargs.pop("timeout", 60),
            **kwargs,
        )

    def start_server(self, timeout: float = 180) -> float:
        """Ask the hub to start this user's server; seconds until it answers."""
        started = time.monotonic()
        deadline = started + timeout
        while True:  # the hub answers 429 while too many servers are starting (the 8:00 rush)
            answer = self.api("POST", f"/hub/api/users/{self.name}/server")
            if answer.status_code != 429 or time.monotonic() > deadline:
                break
            time.sleep(float(answer.headers.get("Retry-After", "2") or 2))
        if answer.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"spawn of {self.name}: {answer.status_code} {answer.text}")
        while time.monotonic() < deadline:
            model = self.api("GET", f"/hub/api/users/{self.name}").json()
            server = (model.get("servers") or {}).get("")
            if server is None:  # the spawn failed: the hub dropped the server
                raise RuntimeError(f"the server of {self.name} failed to start")
            if server.get("ready"):
                return time.monotonic() - started
            time.sleep(0.3)
        raise TimeoutError(f"the server of {self.name} did not start in {timeout:.0f} s")

    # -- the user's own server --------------------------------------------------------------
    def user_api(self, method: str, path: str, **kwargs) -> requests.Response:
        return self.api(method, f"/user/{self.name}{path}", **kwargs)

    def start_kernel(self) -> str:
        answer = self.user_api("POST", "/api/kernels", json={"name": "python3"})
        answer.raise_for_status()
        return answer.json()["id"]

    def run(self, kernel_id: str, code: str, timeout: float = 120) -> CellResult:
        """Execute ``code`` in the kernel and collect its outputs until it is idle again."""
        url = (
            self.base.replace("http", "ws", 1)
            + f"/user/{self.name}/api/kernels/{kernel_id}/channels"
        )
        ws = websocket.create_connection(
            url, header=[f"Authorization: token {self.token}"], timeout=timeout
        )
        msg_id = uuid.uuid4().hex
        message = {
            "header": {
                "msg_id": msg_id,
                "username": self.name,
                "session": uuid.uuid4().hex,
                "msg_type": "execute_request",
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": {},
            "content": {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
            "channel": "shell",
            "buffers": [],
        }
        result = CellResult()
        started = time.monotonic()
        ws.send(json.dumps(message))
        try:
            while True:
                reply = json.loads(ws.recv())
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = reply["msg_type"]
                if kind in ("stream", "execute_result", "display_data", "error"):
                    result.outputs.append({"msg_type": kind, "content": reply["content"]})
                if kind == "status" and reply["content"]["execution_state"] == "idle":
                    break
        finally:
            ws.close()
        result.seconds = time.monotonic() - started
        return result
