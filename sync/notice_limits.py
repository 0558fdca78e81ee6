"""The sizes a platform notice and a branch's answer keep to (the wire schema and the services
share them; no pydantic here, so 工作台 can show notices without importing the wire schema)."""

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
"""Largest file a notice carries, or an answer sends back (10 MiB)."""
MAX_ATTACHMENTS = 10
"""Most files attached to one notice."""
MAX_ANSWER_TEXT = 4000
"""Longest text reply."""
