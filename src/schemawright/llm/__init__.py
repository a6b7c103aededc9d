"""The optional LLM analyzer (``--analyzer llm|hybrid``): the spec goes to an OpenAI-compatible chat
endpoint the user names, and the answer must pass the same loader as ``design --model`` before anything
is designed. Nothing here runs, and nothing is sent, unless the user asks for it."""
