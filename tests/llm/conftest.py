"""A local OpenAI-compatible chat endpoint for the LLM analyzer tests: ``http.server`` in a thread that
answers each POST with the next scripted reply (recorded outputs under ``recorded/``) and keeps every
request it received, so a test can see what was sent and how often."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

RECORDED = Path(__file__).parent / "recorded"


def recorded(name: str) -> str:
    return (RECORDED / name).read_text()


@dataclass
class Reply:
    """``content``: a chat completion whose message is this text; ``status``: an HTTP error; ``sleep``:
    wait this long first; ``raw``: this body as it is."""

    content: str = ""
    status: int = 200
    sleep: float = 0.0
    raw: bytes | None = None


@dataclass
class Endpoint:
    url: str
    script: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)


def _handler(endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            endpoint.requests.append(json.loads(body))
            endpoint.headers.append(dict(self.headers))
            reply = endpoint.script.pop(0) if endpoint.script else Reply(status=500)
            if reply.sleep:
                time.sleep(reply.sleep)
            if reply.status != 200:
                self.send_error(reply.status)
                return
            data = reply.raw if reply.raw is not None else json.dumps(
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": reply.content}}]}
            ).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (timeout, oversize): nothing to do
                pass

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[Endpoint]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Endpoint("")))
    ep = Endpoint(f"http://127.0.0.1:{server.server_address[1]}/v1")
    server.RequestHandlerClass = _handler(ep)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("SCHEMAWRIGHT_LLM_URL", ep.url)
    monkeypatch.setenv("SCHEMAWRIGHT_LLM_MODEL", "recorded-model")
    monkeypatch.delenv("SCHEMAWRIGHT_LLM_API_KEY", raising=False)
    monkeypatch.delenv("SCHEMAWRIGHT_LLM_TIMEOUT", raising=False)
    try:
        yield ep
    finally:
        server.shutdown()
        server.server_close()
