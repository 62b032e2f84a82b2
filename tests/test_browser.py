"""Digest and brief pages opened in a real browser (headless Chromium): every citation lands on an element
that exists, every flagged fact is visible, and the page logs no error to the console.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them when missing) and selenium.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

import presssum
from presssum import Pipeline, load_config, parse_wire
from presssum.brief import stories
from presssum.config import Generation
from presssum.render import brief, html
from tests.backends import Wrapped, echo_loader
from tests.conftest import CYBER_WIRE, SAMPLES, WriteConfig

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if CHROMIUM is None or DRIVER is None:
    pytest.skip(
        "headless Chromium is not installed and could not be: `apt-get install chromium chromium-driver`",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install -e '.[dev]'")

pytestmark = pytest.mark.xdist_group("browser")  # one browser for both pages
INVENTED = " The network cost 40 million euros on March 14."
# as root, in a container, without a display or the network: no sandbox, GPU, updates or sync
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


class Inventing(Wrapped):
    """Summarises as the echo model does, then adds a sentence whose figure and date the wire lacks."""

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        return [output + INVENTED for output in self.inner.generate(texts, settings, bounds)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


@pytest.fixture
def digests(write_config: WriteConfig) -> list[presssum.Digest]:
    pipeline = Pipeline(load_config(write_config()), loader=echo_loader(96, wrap={"summarizer": Inventing}))
    wires = [CYBER_WIRE, SAMPLES / "fr-sante-hopital.txt"]
    articles = [parse_wire(wire.read_text(encoding="utf-8")) for wire in wires]
    results = pipeline.digest_articles(articles, lang="fr")
    assert all(isinstance(result, presssum.Digest) for result in results)
    return [result for result in results if isinstance(result, presssum.Digest)]


def open_page(browser: Any, page: str, path: Path) -> None:
    path.write_text(page, encoding="utf-8")
    browser.get_log("browser")  # what an earlier page logged
    browser.get(path.as_uri())


def check_page(browser: Any) -> int:
    """Every in-page link and flagged fact on the open page, checked; returns the citations' count."""
    links = browser.execute_script(
        "return [...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href'))"
    )
    missing = [href for href in links if not browser.execute_script(f"return !!document.getElementById('{href[1:]}')")]
    assert not missing, f"links pointing at no element: {missing}"
    for href in dict.fromkeys(links):
        browser.find_element("css selector", f'a[href="{href}"]').click()
        assert browser.execute_script("return location.hash") == href
        assert browser.execute_script("return document.querySelector(':target').id") == href[1:]
    marks = browser.execute_script(
        "return [...document.querySelectorAll('mark.unverified')].map(m => {"
        "const r = m.getBoundingClientRect(), s = getComputedStyle(m);"
        "return [m.textContent, r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none'"
        " && s.backgroundColor !== 'rgba(0, 0, 0, 0)']})"
    )
    assert {text for text, _ in marks} >= {"40 million euros", "March 14"}, marks
    assert all(visible for _, visible in marks), marks
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    return int(browser.execute_script("return document.querySelectorAll('sup a[href^=\"#\"]').length"))


@pytest.mark.parametrize("full", [False, True], ids=["as-sent", "full"])
def test_a_digest_page_cites_and_flags_in_the_browser(
    browser: Any, digests: list[presssum.Digest], tmp_path: Path, full: bool
) -> None:
    """With or without the full translation, each citation lands on the sentence it cites."""
    open_page(browser, html.render_document(digests, full=full), tmp_path / "digest.html")
    cited = sum(len(sentence.sources) for digest in digests for sentence in digest.summary.sentences)
    assert check_page(browser) == cited > 0
    cited_rows = browser.execute_script('return document.querySelectorAll(\'tr[id*="-p"][id*="s"]\').length')
    assert cited_rows > 0


@pytest.mark.parametrize("full", [False, True], ids=["as-sent", "full"])
def test_a_brief_page_cites_and_flags_in_the_browser(
    browser: Any, digests: list[presssum.Digest], tmp_path: Path, full: bool
) -> None:
    articles = [parse_wire(wire.read_text(encoding="utf-8")) for wire in (CYBER_WIRE, SAMPLES / "fr-sante-hopital.txt")]
    found = stories(list(zip(articles, digests, strict=True)))
    open_page(browser, brief.render_html(found, full=full), tmp_path / "brief.html")
    assert check_page(browser) > 0
