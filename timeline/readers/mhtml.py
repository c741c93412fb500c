"""MHTML ("Save as single file" in Chrome and Edge): a MIME message holding the page's HTML."""
from __future__ import annotations

import email
import email.policy

from timeline.readers.base import Unreadable
from timeline.readers.encoding import decode


def html_part(data: bytes) -> tuple[str, str | None]:
    """The page's HTML and the address it was saved from."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True) or b""
        if not payload.strip():
            continue
        try:
            html = decode(payload, part.get_content_charset())
        except Unreadable:
            continue
        return html, part.get("Content-Location") or message.get("Snapshot-Content-Location")
    raise Unreadable("no HTML page inside the MHTML file")
