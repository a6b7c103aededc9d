"""One chat completion from an OpenAI-compatible endpoint (Ollama, vLLM, the llama.cpp server, hosted
APIs) over the standard library, with the limits the caller needs to trust nothing it receives: a total
deadline, a maximum answer size read no further than one byte past it, and one line per failure."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any

from schemawright.llm.config import LLMConfig
from schemawright.pipeline import DesignError

_CHUNK = 65536


class LLMError(DesignError):
    """The endpoint could not be used or its answer could not be trusted; nothing was designed (exit 1)."""


class ChatClient:
    """Posts to ``{url}/chat/completions``. The first request asks for ``response_format: json_schema``;
    an endpoint that rejects it (HTTP 400/422) is asked again without it, and then never again."""

    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        self.structured = True

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> str:
        """The text of the first choice's message."""
        body: dict[str, Any] = {"model": self.config.model, "messages": messages, "temperature": 0}
        if self.structured:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "domain_model", "schema": schema, "strict": False},
            }
        try:
            raw = self._post(body)
        except _Rejected:
            if not self.structured:
                raise LLMError(f"{self._where()} refused the request — check {self.config.model!r}") from None
            self.structured = False
            return self.complete(messages, schema)
        return _content(raw, self._where())

    def _post(self, body: dict[str, Any]) -> bytes:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        request = urllib.request.Request(
            self._where(), data=json.dumps(body).encode(), headers=headers, method="POST"
        )
        deadline = time.monotonic() + self.config.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:
                return self._read(response, deadline)
        except urllib.error.HTTPError as exc:
            if exc.code in (400, 422) and "response_format" in body:
                raise _Rejected from None
            raise LLMError(f"{self._where()} answered HTTP {exc.code} {exc.reason}") from None
        except TimeoutError:
            raise self._timeout() from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise self._timeout() from None
            raise LLMError(f"cannot reach {self._where()}: {exc.reason}") from None
        except OSError as exc:
            raise LLMError(f"cannot read the answer of {self._where()}: {exc}") from None

    def _read(self, response: Any, deadline: float) -> bytes:
        """The body, refusing one over ``max_bytes`` (announced or streamed) or past the deadline."""
        limit = self.config.max_bytes
        announced = response.headers.get("Content-Length")
        if announced and announced.isdigit() and int(announced) > limit:
            raise self._oversize()
        data = bytearray()
        while chunk := response.read(min(_CHUNK, limit + 1 - len(data))):
            data += chunk
            if len(data) > limit:
                raise self._oversize()
            if time.monotonic() > deadline:
                raise self._timeout()
        return bytes(data)

    def _where(self) -> str:
        return f"{self.config.url}/chat/completions"

    def _timeout(self) -> LLMError:
        seconds = f"{self.config.timeout:g} s"
        return LLMError(f"{self._where()} did not answer within {seconds} (SCHEMAWRIGHT_LLM_TIMEOUT)")

    def _oversize(self) -> LLMError:
        size = f"{self.config.max_bytes:,} bytes"
        return LLMError(f"the answer of {self._where()} is over {size}; refused unread")


class _Rejected(Exception):
    """The endpoint refused ``response_format``."""


def _content(raw: bytes, where: str) -> str:
    try:
        reply = json.loads(raw)
        content = reply["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LLMError(f"{where} did not answer as an OpenAI-compatible chat endpoint") from None
    if not isinstance(content, str):
        raise LLMError(f"{where} answered without message content")
    return content
