"""Embeds on another origin: a council's page (its own loopback port) frames the site's embeddable views.

The site is served on one origin (the `server` fixture), the host page on another, with the host
script loaded from the site as the "Embed this" snippet does. Only those two origins may be reached.
"""

from __future__ import annotations

import html
import time

import pytest

from tests.browser.conftest import DESKTOP, axe_violations, serve_site, wait_until_still

pytestmark = pytest.mark.browser

RESIZE = "coproduction-explainer:resize"
VIEWS = {  # frame id: (embed path under the site, the snippet's fixed height)
    "page": ("about/embed.html", 800),
    "timeline": ("embed/timeline/", 900),
    "comparison": ("embed/comparison-approaches/", 700),
    "glossary": ("embed/glossary/", 800),
    "quiz": ("embed/quiz-what-it-is/", 1200),  # a course module's questions and reflection
    "assessment": ("embed/self-assessment/", 1200),  # the self-assessment, with its results
}
# The only things an embed may keep: a quiz's progress, under learn.js's single namespaced key, and the
# self-assessment's answers, under assess.js's.
from macros.components.course.render import STORAGE_KEY as LEARN_KEY  # noqa: E402
from macros.components.self_assessment.render import STORAGE_KEY as ASSESS_KEY  # noqa: E402

KEEPS = {"quiz": [LEARN_KEY], "assessment": [ASSESS_KEY]}


def host_html(server, *, script: bool = True, extra: str = "") -> str:
    frames = "\n".join(
        f'<h2>{name}</h2>\n<iframe id="{name}" src="{server.base_url}{path}" title="{name} view" width="100%" '
        f'height="{height}" loading="lazy" style="border:0" data-coproduction-embed></iframe>'
        for name, (path, height) in VIEWS.items())
    host = f'<script src="{server.base_url}assets/js/embed-host.js" defer></script>' if script else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council intranet</title></head>'
            f'<body><main><h1>Council intranet</h1>\n{frames}\n{extra}\n{host}</main></body></html>')


@pytest.fixture(scope="module")
def host(tmp_path_factory, server):
    """A second origin (another loopback port) serving the council's pages."""
    root = tmp_path_factory.mktemp("host")
    (root / "index.html").write_text(host_html(server), encoding="utf-8")
    (root / "plain.html").write_text(host_html(server, script=False), encoding="utf-8")
    # Opted in, but neither from the site's origin nor of the site's making: its messages must be ignored.
    impostor = html.escape(f'<script>parent.postMessage({{type: "{RESIZE}", version: 1, height: 77}}, "*")</script>')
    # Not opted in: a real embed, whose messages the host script must leave alone.
    others = (f'<iframe id="impostor" sandbox="allow-scripts" srcdoc="{impostor}" height="150" style="border:0" '
              f'data-coproduction-embed title="impostor"></iframe>\n'
              f'<iframe id="not-opted-in" src="{server.base_url}embed/glossary/" height="300" style="border:0" title="plain"></iframe>')
    (root / "others.html").write_text(host_html(server, extra=others), encoding="utf-8")
    with serve_site(root, "/") as served:
        assert served.origin != server.origin
        yield served


class Visit:
    """A host page in its own context; records every request outside the two origins and page errors."""

    def __init__(self, browser, server, host, name: str, color_scheme: str = "light"):
        self.context = browser.new_context(viewport=DESKTOP, color_scheme=color_scheme, service_workers="block")
        self.outside: list[str] = []
        self.errors: list[str] = []
        allowed = (server.origin + "/", host.origin + "/")

        def route(r):
            if r.request.url.startswith(allowed) or r.request.url.split(":", 1)[0] in ("data", "about", "blob"):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(repr(exc)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(host.url(name), wait_until="load")

    def frame(self, frame_id: str):
        element = self.page.locator(f"iframe#{frame_id}")
        element.scroll_into_view_if_needed()  # the snippet's frames load lazily
        handle = element.element_handle()
        for _ in range(100):
            frame = handle.content_frame()
            if frame and frame.url.startswith("http") and frame.evaluate("document.readyState") == "complete":
                return frame
            time.sleep(0.05)
        raise AssertionError(f"frame {frame_id} did not load")

    def frame_height(self, frame_id: str) -> float:
        return self.page.locator(f"iframe#{frame_id}").evaluate("f => f.getBoundingClientRect().height")

    def close(self):
        self.context.close()


def content_height(frame) -> float:
    return frame.evaluate("document.querySelector('[data-embed]').getBoundingClientRect().height")


def settle(visit: Visit, frame_id: str, frame, timeout: float = 10) -> tuple[float, float]:
    """Wait until the frame's height matches its content (within 2px); return both."""
    deadline = time.monotonic() + timeout
    while True:
        outer, inner = visit.frame_height(frame_id), content_height(frame)
        if abs(outer - inner) <= 2 or time.monotonic() > deadline:
            return outer, inner
        time.sleep(0.05)


def test_frames_fit_their_content_and_follow_it(browser, server, host):
    visit = Visit(browser, server, host, "index.html")
    failures = []
    for frame_id, (_, fixed) in VIEWS.items():
        frame = visit.frame(frame_id)
        if not frame.locator("main h1").count():
            failures.append(f"{frame_id}: no heading rendered")
        outer, inner = settle(visit, frame_id, frame)
        if abs(outer - inner) > 2 or outer == fixed:
            failures.append(f"{frame_id}: frame {outer}px, content {inner}px (snippet height {fixed})")
    assert not failures, "\n".join(failures)

    # The timeline grows when an event opens, and shrinks when a filter hides most events.
    timeline = visit.frame("timeline")
    timeline.locator("form[data-timeline-explorer]").wait_for(state="visible")
    before, _ = settle(visit, "timeline", timeline)
    timeline.locator("button.event-toggle").first.click()
    timeline.wait_for_function("() => document.querySelector('button.event-toggle').getAttribute('aria-expanded') === 'true'")
    grown, inner = settle(visit, "timeline", timeline)
    assert grown > before and abs(grown - inner) <= 2, (before, grown, inner)
    theme = timeline.locator("#timeline-theme option").nth(1).get_attribute("value")
    timeline.locator("#timeline-theme").select_option(theme)
    shrunk, inner = settle(visit, "timeline", timeline)
    assert shrunk < grown and abs(shrunk - inner) <= 2, (grown, shrunk, inner)

    # The comparison table shrinks when its rows are filtered.
    comparison = visit.frame("comparison")
    table_before, _ = settle(visit, "comparison", comparison)
    box = comparison.locator(".table-filter input[type=search]").first
    box.fill("zzzz-no-such-row")
    table_after, inner = settle(visit, "comparison", comparison)
    assert table_after < table_before and abs(table_after - inner) <= 2, (table_before, table_after, inner)

    assert not visit.outside, visit.outside
    assert not visit.errors, visit.errors
    visit.close()


BOGUS = [
    {"type": "other:resize", "version": 1, "height": 123},
    {"type": RESIZE, "version": 2, "height": 123},
    {"type": RESIZE, "version": 1, "height": 123, "extra": 1},
    {"type": RESIZE, "version": 1},
    {"type": RESIZE, "version": 1, "height": "123"},
    {"type": RESIZE, "version": 1, "height": 12.5},
    {"type": RESIZE, "version": 1, "height": -5},
    {"type": RESIZE, "version": 1, "height": 0},
    {"type": RESIZE, "version": 1, "height": 10**9},
    [RESIZE, 1, 123],
    f'{{"type": "{RESIZE}", "version": 1, "height": 123}}',
    None,
]


def test_only_well_formed_messages_from_an_opted_in_frame_of_the_site_resize_it(browser, server, host):
    visit = Visit(browser, server, host, "others.html")
    glossary = visit.frame("glossary")
    height, _ = settle(visit, "glossary", glossary)
    for bogus in BOGUS:  # from the embed's own window, but malformed
        glossary.evaluate("m => parent.postMessage(m, '*')", bogus)
    glossary.evaluate("() => parent.postMessage({type: 'x', version: 1, height: NaN}, '*')")
    glossary.evaluate(f"() => parent.postMessage({{type: '{RESIZE}', version: 1, height: Infinity}}, '*')")
    # Well formed, but posted by the host page itself, so from no frame.
    visit.page.evaluate(f"() => postMessage({{type: '{RESIZE}', version: 1, height: 123}}, '*')")
    visit.page.wait_for_timeout(400)
    assert visit.frame_height("glossary") == height

    # The opted-in impostor (sandboxed, opaque origin) and the real embed that did not opt in keep their heights.
    visit.frame("not-opted-in")
    visit.page.locator("iframe#impostor").scroll_into_view_if_needed()
    visit.page.wait_for_timeout(400)
    assert visit.frame_height("impostor") == 150
    assert visit.frame_height("not-opted-in") == 300

    # The same well-formed message from the embed's own window does act: the checks above are not vacuous.
    glossary.evaluate(f"() => parent.postMessage({{type: '{RESIZE}', version: 1, height: 321}}, '*')")
    visit.page.wait_for_function("() => document.getElementById('glossary').getBoundingClientRect().height === 321")
    assert not visit.outside, visit.outside
    visit.close()


def test_links_out_of_a_frame_open_in_the_top_window(browser, server, host):
    visit = Visit(browser, server, host, "index.html")
    comparison = visit.frame("comparison")
    link = comparison.locator("table.comparison a[href*='glossary/#']").first
    href = link.get_attribute("href")
    with visit.page.expect_navigation():
        link.click()
    assert visit.page.url == server.base_url + "glossary/" + href.split("glossary/", 1)[1], visit.page.url
    visit.close()


def test_frames_store_nothing_and_reach_no_other_host(browser, server, host):
    visit = Visit(browser, server, host, "index.html")
    failures, kept = [], []
    for frame_id in VIEWS:
        frame = visit.frame(frame_id)
        wait_until_still(frame)
        # Some interaction: open an item's citation, sort the table, filter the timeline.
        summaries = frame.locator("details.cite-entry summary:visible")
        if summaries.count():
            summaries.first.click()
        if frame_id == "comparison":
            frame.locator("th button.sort-button").first.click()
        if frame_id == "timeline":
            frame.locator("#timeline-theme").select_option(index=1)
        if frame_id == "quiz":  # answer a question: the quiz works in its frame, and keeps only its one key
            question = frame.locator("[data-learn-question]").first
            if question.locator("input").count():
                question.locator("input").first.check()
            else:
                question.locator("select").first.select_option(index=1)
            question.get_by_role("button", name="Check answer").click()
            frame.wait_for_function("() => document.querySelector('[data-learn-feedback]').textContent.trim()")
        if frame_id == "assessment":  # answer a statement and see the results drawn, in the frame
            frame.locator("[data-sa-statement] input[value='4']").first.check()
            frame.wait_for_function("() => document.querySelector('[data-sa-score]').textContent === '4.0 out of 5'")
        state = frame.evaluate("() => ({cookie: document.cookie, local: Object.keys(localStorage), "
                               "session: sessionStorage.length, scheme: document.body.dataset.mdColorScheme})")
        # The frames share the site's storage: each may have added only its own key to what came before.
        kept += KEEPS.get(frame_id, [])
        allowed = sorted(kept)
        if state != {"cookie": "", "local": allowed, "session": 0, "scheme": "default"}:
            failures.append(f"{frame_id}: {state}")
    failures += [f"cookie {c}" for c in visit.context.cookies()]
    failures += [f"request outside the two origins: {u}" for u in visit.outside]
    failures += [f"error: {e}" for e in visit.errors]
    visit.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_inside_each_frame(browser, server, host, scheme):
    visit = Visit(browser, server, host, "index.html", color_scheme=scheme)
    failures = []
    for frame_id in VIEWS:
        frame = visit.frame(frame_id)
        expected = "slate" if scheme == "dark" else "default"
        frame.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{expected}'")
        wait_until_still(frame)
        failures += axe_violations(frame, f"{frame_id} [{scheme}]")
    failures += axe_violations(visit.page, f"host page [{scheme}]")
    visit.close()
    assert not failures, "\n".join(failures)


def test_without_the_host_script_a_frame_keeps_its_height_and_scrolls(browser, server, host):
    visit = Visit(browser, server, host, "plain.html")
    frame = visit.frame("glossary")
    visit.page.wait_for_timeout(300)
    assert visit.frame_height("glossary") == VIEWS["glossary"][1]
    assert content_height(frame) > VIEWS["glossary"][1] + 200
    box = visit.page.locator("iframe#glossary").bounding_box()
    visit.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    visit.page.mouse.wheel(0, 600)
    frame.wait_for_function("() => window.scrollY > 0")
    assert visit.frame_height("glossary") == VIEWS["glossary"][1]
    visit.close()


def test_embed_this_works_by_keyboard_alone(browser, server):
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    page = context.new_page()
    page.goto(server.url("history/index.html"), wait_until="load")
    # In the page's Reuse area: the page's own control first, then the timeline's.
    control = page.locator("details[data-embed-this]").filter(has_text="Embed the timeline")
    summary = control.locator("summary")
    summary.focus()  # as if tabbed to
    page.keyboard.press("Enter")
    assert control.evaluate("d => d.open")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused == "Copy the HTML", focused
    page.keyboard.press("Enter")
    status = control.locator("[role=status]")
    page.wait_for_function("s => s.textContent === 'HTML copied'", arg=status.element_handle())
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == control.locator("code").inner_text()
    for part in ('<iframe src="https://example.org/coproduction-explainer/embed/timeline/"',
                 'title="Timeline of co-production - Co-production explained"', 'loading="lazy"',
                 'height="900"', 'width="100%"', "data-coproduction-embed",
                 '<script src="https://example.org/coproduction-explainer/assets/js/embed-host.js" defer>'):
        assert part in copied, (part, copied)
    context.close()


def test_the_snippet_gets_absolute_addresses_when_the_build_had_no_site_url(browser, tmp_path_factory):
    from tests.conftest import build_site

    root = tmp_path_factory.mktemp("no-site-url") / "site"
    result = build_site(root, env={"SITE_URL": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'data-embed-src="../history/embed.html"' in (root / "history" / "index.html").read_text(encoding="utf-8")
    with serve_site(root, "/intranet/explainer/") as served:
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        page = context.new_page()
        page.goto(served.url("history/index.html"), wait_until="load")
        code = page.locator("details[data-embed-this] code").first.text_content()  # the page's own, first
        assert f'src="{served.base_url}history/embed.html"' in code, code
        assert f'src="{served.base_url}assets/js/embed-host.js"' in code, code
        context.close()


def test_the_self_assessment_in_a_frame_shares_links_to_the_full_page_and_has_no_learning_log(browser, server, host):
    """A link to someone's answers, copied in an embed, opens the site's own page, not the chrome-less frame;
    and the learning log is the site's, which a frame's storage (the host page's) never reaches, so the frame
    does not offer it."""
    visit = Visit(browser, server, host, "index.html")
    frame = visit.frame("assessment")
    frame.locator("[data-sa-statement] input[value='2']").first.check()
    assert frame.locator("[data-sa-log-add]").count() == 0
    frame.get_by_role("button", name="Copy a link to my answers").click()
    frame.wait_for_function("() => document.querySelector('[data-sa-link]').value")
    link = frame.locator("[data-sa-link]").input_value()
    assert link.startswith(server.base_url + "self-assessment/#sa-answers="), link
    assert link.endswith(":2"), link
    assert not visit.outside and not visit.errors, visit.outside + visit.errors
    visit.close()
