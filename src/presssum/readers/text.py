"""Bytes to clean text: encodings detected from the bytes, control characters and XML made safe."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from charset_normalizer import from_bytes

from presssum.errors import InputError

# Control characters never found in text; a few of them mark a file as binary.
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}
# Transmission framing (SOH, STX, ETX, EOT, SYN, DC1-DC4, US, FF, DEL...) that must never reach a field.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"'][^>]*\?>")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, *, framed: bool = False) -> str:
    """Text from bytes in any common encoding (BOMs honoured); binary data is refused.

    `framed` inputs (IPTC 7901, ANPA-1312) carry control characters by design, so they are not binary.
    """
    if not data.strip():
        raise InputError("empty input")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict_decode(data, codec)
    sample = data[:4096]
    if b"\x00" in sample or (not framed and sum(byte in _BINARY_BYTES for byte in sample) > len(sample) // 100):
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if framed:
        # Agency wires are ASCII with the odd Latin-1 letter (ü, NBSP): too little for detection to guess.
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding")
    return str(best)


def decode_xml(data: bytes) -> str:
    """An XML document's text: by its declared encoding, unless the bytes contradict it.

    A file that declares Latin-1 but holds valid multi-byte UTF-8 ("£" as C2 A3) is read as UTF-8,
    since decoding it as declared would give mojibake ("Â£").
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict_decode(data, codec)
    declared = _XML_DECLARATION.match(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return decode(data)


def clean(text: str) -> str:
    """One line of a field: NFC, control characters gone, runs of spaces (NBSP included) made one."""
    return " ".join(_CONTROLS.sub(" ", unicodedata.normalize("NFC", text)).split())


def parse_xml(data: bytes) -> Any:
    """The root element of an XML document, parsed without DTDs, entities or network access."""
    from lxml import etree

    text = decode_xml(data)
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"), count=1)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(body.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        if "amplification" in exc.msg:
            raise InputError("XML entity expansion refused (an entity bomb)") from None
        raise InputError(f"malformed XML ({exc.msg})") from None
    if any(True for _ in root.iter(etree.Entity)):
        raise InputError("XML uses an entity its DTD declares; refused (entity expansion or file access)")
    return root


def _strict_decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {codec} text ({exc.reason})") from None
