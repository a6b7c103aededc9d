"""``schemawright mcp``: the tool as a Model Context Protocol server (stdio), so an agent can read a spec
into a model, correct it, and get a verified design, a review and the reasons behind each table.

:mod:`.tools` holds the work (plain functions over the Python API, testable without the SDK); :mod:`.server`
only registers them with the official ``mcp`` SDK, an optional dependency (``schemawright[mcp]``)."""
