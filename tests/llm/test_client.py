"""The chat protocol against the local endpoint: what is sent, the ``response_format`` fallback, and the
limits (timeout, answer size, a body that is not a chat completion), each one ``LLMError`` line."""

from __future__ import annotations

import pytest

from schemawright.io import UsageError
from schemawright.llm.client import ChatClient, LLMError
from schemawright.llm.config import LLMConfig, from_env
from tests.llm.conftest import Endpoint, Reply

SCHEMA = {"type": "object"}
MESSAGES = [{"role": "user", "content": "hello"}]


def _client(endpoint: Endpoint, timeout: float = 120.0, max_bytes: int = 1_000_000) -> ChatClient:
    config = LLMConfig(url=endpoint.url, model="recorded-model", api_key="k-123", timeout=timeout,
                       max_bytes=max_bytes)
    return ChatClient(config)


def test_posts_a_chat_completion_with_the_json_schema(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content="{}")]
    assert _client(endpoint).complete(MESSAGES, SCHEMA) == "{}"
    [sent] = endpoint.requests
    assert sent["model"] == "recorded-model" and sent["messages"] == MESSAGES
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["schema"] == SCHEMA
    assert endpoint.headers[0]["Authorization"] == "Bearer k-123"


def test_an_endpoint_without_json_schema_is_asked_again_without_it(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(status=400), Reply(content="{}"), Reply(content="{}")]
    client = _client(endpoint)
    assert client.complete(MESSAGES, SCHEMA) == "{}"
    assert client.complete(MESSAGES, SCHEMA) == "{}"
    assert ["response_format" in r for r in endpoint.requests] == [True, False, False]


def test_timeout_is_one_error_line(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content="{}", sleep=2.0)]
    with pytest.raises(LLMError, match=r"did not answer within 0\.3 s") as exc:
        _client(endpoint, timeout=0.3).complete(MESSAGES, SCHEMA)
    assert "\n" not in str(exc.value)


def test_oversize_answer_is_refused(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content="x" * 5000)]
    with pytest.raises(LLMError, match="over 1,000 bytes; refused unread"):
        _client(endpoint, max_bytes=1000).complete(MESSAGES, SCHEMA)


def test_a_body_that_is_not_a_chat_completion(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(raw=b"<html>gateway error</html>")]
    with pytest.raises(LLMError, match="did not answer as an OpenAI-compatible chat endpoint"):
        _client(endpoint).complete(MESSAGES, SCHEMA)


def test_http_error_and_unreachable_endpoint(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(status=503)]
    with pytest.raises(LLMError, match="answered HTTP 503"):
        _client(endpoint).complete(MESSAGES, SCHEMA)
    with pytest.raises(LLMError, match="cannot reach"):
        ChatClient(LLMConfig(url="http://127.0.0.1:9/v1", model="m")).complete(MESSAGES, SCHEMA)


def test_configuration_comes_from_the_environment_only() -> None:
    with pytest.raises(UsageError, match="SCHEMAWRIGHT_LLM_URL") as exc:
        from_env({})
    assert "\n" not in str(exc.value)
    with pytest.raises(UsageError, match="SCHEMAWRIGHT_LLM_MODEL"):
        from_env({"SCHEMAWRIGHT_LLM_URL": "http://x/v1"})
    with pytest.raises(UsageError, match="http"):
        from_env({"SCHEMAWRIGHT_LLM_URL": "file:///etc/passwd", "SCHEMAWRIGHT_LLM_MODEL": "m"})
    config = from_env({"SCHEMAWRIGHT_LLM_URL": "http://x/v1/", "SCHEMAWRIGHT_LLM_MODEL": "m",
                       "SCHEMAWRIGHT_LLM_TIMEOUT": "5"})
    assert (config.url, config.timeout, config.api_key) == ("http://x/v1", 5.0, "")
