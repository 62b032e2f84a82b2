"""A complete MIME message (plain text and HTML alternatives) that `sendmail -t` accepts as is."""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage
from email.policy import default
from email.utils import formatdate, make_msgid

from presssum.records import Digest
from presssum.render import html, text

DEFAULT_SENDER = "presssum <presssum@localhost>"
_SUBJECT_MAX = 150


def subject(digests: Sequence[Digest]) -> str:
    """One line: a header cannot hold a line break, whatever a feed put in a title."""
    headlines = [" ".join(digest.headline_en.split()) for digest in digests]
    if len(headlines) == 1:
        return headlines[0]
    joined = "; ".join(headlines)
    line = f"{len(digests)} wires: {joined}"
    return line if len(line) <= _SUBJECT_MAX else line[: _SUBJECT_MAX - 1].rstrip() + "…"


def render_message(digests: Sequence[Digest], *, to: str, sender: str = DEFAULT_SENDER, full: bool = False) -> bytes:
    """The message as bytes with LF line ends, as local `sendmail -t` expects; non-ASCII headers RFC 2047-encoded."""
    message = EmailMessage()
    message["Subject"] = subject(digests)
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="presssum.localhost")
    message.set_content("\n".join(text.render_digest(d, full=full) for d in digests), charset="utf-8")
    message.add_alternative(html.render_document(digests, full=full), subtype="html", charset="utf-8")
    return message.as_bytes(policy=default)
