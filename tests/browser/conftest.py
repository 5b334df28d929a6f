"""Browser fixtures: the built site served on 127.0.0.1 under its real sub-path, one Chromium per run.

Each check opens its own browser context (fresh storage, its own viewport and colour scheme)
through `open_page`, which records console errors, uncaught exceptions and every request
that leaves the local server, so a test can report all of them at once.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import posixpath
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import TEST_SITE_URL

ROOT = Path(__file__).resolve().parents[2]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
# The two sizes every page and state must pass axe at (a common laptop, a common phone).
DESKTOP_720 = {"width": 1280, "height": 720}
PHONE_390 = {"width": 390, "height": 844}

# What the brief means by WCAG 2.2 A/AA, as axe-core tags.
# resultTypes: only violations are reported, so axe skips the details of every passing node (faster).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
               "resultTypes": ["violations"]}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def site_base_path() -> str:
    """The path part of the test builds' site_url ("/coproduction-explainer/"), where the site is served.

    Serving the site there, not at "/", is what makes 404.html testable: mkdocs writes its
    links as absolute paths under site_url.
    """
    path = urlsplit(TEST_SITE_URL).path or "/"
    return path if path.endswith("/") else path + "/"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `base_path`; anything else gets 404.html with status 404, as GitHub Pages does."""

    base_path = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep pytest output readable
        pass


@dataclass
class Server:
    origin: str  # http://127.0.0.1:PORT
    base_path: str  # /coproduction-explainer/
    root: Path

    @property
    def base_url(self) -> str:
        return self.origin + self.base_path

    def url(self, relative_html: str) -> str:
        """The URL a reader would use for a built file: about/index.html -> .../about/."""
        rel = relative_html[: -len("index.html")] if relative_html.endswith("index.html") else relative_html
        return self.base_url + rel

    def is_local(self, url: str) -> bool:
        return url.startswith(self.origin + "/") or url.split(":", 1)[0] in ("data", "blob", "about")


@pytest.fixture(scope="session")
def server(site_dir: Path):
    handler = type("Handler", (_SiteHandler,), {"base_path": site_base_path()})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_port}", handler.base_path, site_dir)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def html_pages(site_dir: Path) -> list[str]:
    """Every HTML file in the built site, 404.html included, as paths relative to the site root."""
    pages = sorted(posixpath.join(*p.relative_to(site_dir).parts) for p in site_dir.rglob("*.html"))
    assert "index.html" in pages and "404.html" in pages, pages
    return pages


def is_embed(rel: str) -> bool:
    """An embeddable view: a page's (history/embed.html, embed.html) or a component's (embed/timeline/index.html)."""
    return rel.startswith("embed/") or rel.rpartition("/")[2].endswith("embed.html")


def chromium_executable() -> str | None:
    """CHROMIUM_PATH, else Debian's chromium, else None for Playwright's own browser."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class PageProbe:
    """A page in its own context, with what went wrong while it was open."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"console error: {e}" for e in self.console_errors] + [
            f"request to another host: {u}" for u in self.external_requests
        ]

    def close(self) -> None:
        """Close the page's context now (tests that loop over pages keep one open at a time)."""
        self.page.context.close()


@pytest.fixture
def open_page(browser, server: Server):
    """open_page(url, viewport=DESKTOP, color_scheme="light") -> PageProbe; contexts close after the test."""
    contexts = []

    def _open(url: str, *, viewport: dict = DESKTOP, color_scheme: str = "light") -> PageProbe:
        probe = open_page_on(browser, server, url, viewport=viewport, color_scheme=color_scheme)
        contexts.append(probe.page.context)
        return probe

    yield _open
    for context in contexts:
        context.close()  # a no-op for contexts a test already closed


def _describe_console(msg) -> str:
    where = msg.location or {}
    url = where.get("url")
    return f"{msg.text}" + (f" ({url}:{where.get('lineNumber')})" if url else "")


def wait_until_still(page) -> None:
    """Wait for CSS transitions and animations to finish, so axe measures final colours and positions."""
    # A scroll's handlers run on the next frames, and the transitions they start (the header's title
    # fading, say) are not in getAnimations() until then: let two frames pass before asking.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running' "
        "|| a.effect?.getComputedTiming().iterations === Infinity)"
    )


def axe_violations(page, where: str, context=None) -> list[str]:
    """Run axe-core (bundled with axe-playwright-python) and describe each violation readably."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context, options=AXE_OPTIONS).response
    lines = []
    for violation in results["violations"]:
        targets = [" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                   for node in violation["nodes"]]
        shown = "; ".join(targets[:8]) + (f"; ... {len(targets) - 8} more" if len(targets) > 8 else "")
        detail = " ".join((violation["nodes"][0].get("failureSummary") or "").split())
        lines.append(
            f"{where}: axe {violation['id']} ({violation['impact']}) on {len(targets)} element(s): {shown}\n"
            f"    {violation['help']} <{violation['helpUrl']}>\n"
            f"    first: {detail[:300]}"
        )
    return lines


def toggle_palette(page, scheme: str) -> None:
    """Click material's visible palette toggle until the page shows `scheme` ("default" or "slate")."""
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == scheme:
            break
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === {scheme!r}")
    move_mouse_away(page)


def move_mouse_away(page) -> None:
    """Park the pointer in a blank corner and let any hover tooltip fade out before axe looks."""
    viewport = page.viewport_size
    page.mouse.move(viewport["width"] - 2, viewport["height"] - 2)
    page.wait_for_function("() => !document.querySelector('.md-tooltip--active, .md-tooltip2--active')")
    wait_until_still(page)


@contextlib.contextmanager
def serve_site(root: Path, base_path: str, headers: dict[str, str] | None = None):
    """Serve `root` under `base_path` on a fresh loopback port, adding `headers` to every response."""
    extra = dict(headers or {})

    class Handler(_SiteHandler):
        def end_headers(self):
            for name, value in extra.items():
                self.send_header(name, value)
            super().end_headers()

    Handler.base_path = base_path
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name=f"site-server{base_path}", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_port}", base_path, root)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def council_server(council_site_dir: Path):
    """The site built for COUNCIL_SITE_URL, served under its sub-path (/council/coproduction/)."""
    from tests.conftest import COUNCIL_SITE_URL

    with serve_site(council_site_dir, urlsplit(COUNCIL_SITE_URL).path) as served:
        yield served


@pytest.fixture(scope="session")
def csp_server(site_dir: Path):
    """The test site served with the Content-Security-Policy its build wrote to csp.txt, enforced."""
    policy = (site_dir / "csp.txt").read_text(encoding="utf-8").strip()
    with serve_site(site_dir, site_base_path(), {"Content-Security-Policy": policy}) as served:
        yield served


def open_page_on(browser, served: Server, url: str, *, init_script: str | None = None,
                 viewport: dict = DESKTOP, color_scheme: str = "light") -> PageProbe:
    """Open a page of a served site, recording console errors and refusing requests to other hosts.

    The caller closes it with probe.close(); the `open_page` fixture does that for the main server.
    """
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, service_workers="block")
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    probe = PageProbe(page)

    def on_route(route):
        # Nothing may leave the machine: record the request and refuse it.
        if served.is_local(route.request.url):
            route.continue_()
        else:
            probe.external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", on_route)
    page.on("console", lambda msg: probe.console_errors.append(_describe_console(msg)) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: probe.console_errors.append(f"uncaught {exc!r}"))
    page.goto(url, wait_until="load")
    # Material starts its search worker and fetches the index after load; let that finish
    # so its requests and errors are seen too.
    page.wait_for_load_state("networkidle")
    return probe
