"""http(s) inputs: fetched with a timeout, a size limit and a redirect limit, then read like files."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

from presssum.errors import InputError

TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "presssum (+https://github.com/presssum)"


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s)."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if not is_url(newurl):
            raise InputError(f"redirect to a non-web address refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> bytes:
    """The body of `url`, refusing more than `max_bytes`; network errors become InputError."""
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"page is {int(declared):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
            data: bytes = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"more than {MAX_REDIRECTS} redirects") from None
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise InputError(f"no answer within {timeout:g} s") from None
    if len(data) > max_bytes:
        raise InputError(f"page is over the {max_bytes:,}-byte limit (--max-bytes)")
    return data
