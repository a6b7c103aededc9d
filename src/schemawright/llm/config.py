"""Where the LLM analyzer sends the spec, and the limits it holds the answer to. All of it comes from the
environment, so a spec is never sent to a default host the user did not name."""

from __future__ import annotations

import os
from dataclasses import dataclass

from schemawright.io import UsageError

URL = "SCHEMAWRIGHT_LLM_URL"
MODEL = "SCHEMAWRIGHT_LLM_MODEL"
API_KEY = "SCHEMAWRIGHT_LLM_API_KEY"
TIMEOUT = "SCHEMAWRIGHT_LLM_TIMEOUT"


@dataclass(frozen=True)
class LLMConfig:
    url: str  # the API base, e.g. http://localhost:11434/v1; the request goes to {url}/chat/completions
    model: str
    api_key: str = ""
    timeout: float = 120.0  # seconds for one request
    max_bytes: int = 1_000_000  # an answer larger than this is refused unread
    retries: int = 2  # further attempts after an invalid answer, each told the problems found


def from_env(environ: dict[str, str] | None = None) -> LLMConfig:
    """The configuration from ``SCHEMAWRIGHT_LLM_*``; a missing URL or model is one clear usage error."""
    env = dict(os.environ) if environ is None else environ
    url = env.get(URL, "").strip().rstrip("/")
    if not url:
        raise UsageError(
            f"--analyzer llm needs {URL} (an OpenAI-compatible API base such as http://localhost:11434/v1) "
            f"and {MODEL}; nothing was sent"
        )
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"{URL} must start with http:// or https://, got {url!r}")
    model = env.get(MODEL, "").strip()
    if not model:
        raise UsageError(f"--analyzer llm needs {MODEL} (the model the endpoint serves); nothing was sent")
    try:
        timeout = float(env.get(TIMEOUT, "") or 120.0)
    except ValueError:
        raise UsageError(f"{TIMEOUT} must be a number of seconds, got {env[TIMEOUT]!r}") from None
    return LLMConfig(url=url, model=model, api_key=env.get(API_KEY, ""), timeout=timeout)
