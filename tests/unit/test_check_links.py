"""scripts/check_links.py without the network: a fake session answers, so classification and exit codes are exact."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest
import requests
from urllib3.exceptions import MaxRetryError, NameResolutionError

from scripts import check_links as cl

TODAY = "2025-03-04"


class Response:
    def __init__(self, status: int, url: str, reason: str = ""):
        self.status_code, self.url, self.reason = status, url, reason

    def close(self):
        pass


def dns_error(url: str, code: int = socket.EAI_NONAME) -> requests.exceptions.ConnectionError:
    """What requests raises when a name cannot be resolved, wrapped as urllib3 and requests wrap it."""
    host = url.split("/")[2]
    gai = socket.gaierror(code, "Name or service not known" if code == socket.EAI_NONAME
                          else "Temporary failure in name resolution")
    resolution = NameResolutionError(host, None, gai)
    resolution.__cause__ = gai
    return requests.exceptions.ConnectionError(MaxRetryError(None, url, resolution))


class FakeSession:
    """Answers from a table: url -> (status, final url) or an exception; HEAD answers can differ from GET."""

    def __init__(self, answers: dict, head: dict | None = None):
        self.answers, self.head_answers, self.calls = answers, head or {}, []

    def _answer(self, table, method, url):
        self.calls.append((method, url))
        answer = table.get(url, self.answers.get(url))
        if answer is None:
            raise dns_error(url)
        if isinstance(answer, BaseException):
            raise answer
        status, final = answer if isinstance(answer, tuple) else (answer, url)
        return Response(status, final)

    def head(self, url, **kwargs):
        assert kwargs["allow_redirects"] and kwargs["timeout"] and "Mozilla/5.0" in kwargs["headers"]["User-Agent"]
        return self._answer(self.head_answers, "HEAD", url)

    def get(self, url, **kwargs):
        assert kwargs["allow_redirects"] and kwargs["stream"]
        return self._answer({}, "GET", url)


# --- One address --------------------------------------------------------------------------------------------

U = "http://example.org/page"


@pytest.mark.parametrize("answer, result, detail", [
    (200, "ok", "200"),
    ((200, "https://example.org/page/"), "ok", "200"),  # the same address, give or take a trailing slash
    ((200, "https://example.net/new"), "redirected", "200 at https://example.net/new"),
    (404, "dead", "404"),
    (410, "dead", "410"),
    (403, "error", "HTTP 403"),
    (500, "error", "HTTP 500"),
    (dns_error(U), "dead", "the domain name does not exist (Name or service not known)"),
    (dns_error(U, socket.EAI_AGAIN), "error", "the domain name could not be looked up"),
    (requests.exceptions.ConnectTimeout("slow"), "error", "timed out"),
    (requests.exceptions.ReadTimeout("slow"), "error", "timed out"),
    (requests.exceptions.SSLError("certificate verify failed"), "error", "TLS (https) failure"),
    (requests.exceptions.ConnectionError(ConnectionRefusedError(111, "Connection refused")), "error",
     "connection refused"),
    (requests.exceptions.TooManyRedirects("loop"), "error", "too many redirects"),
])
def test_classification(answer, result, detail):
    check = cl.check_url(FakeSession({U: answer}), U, 10)
    assert check.result == result and check.detail.startswith(detail)
    assert check.answered == isinstance(answer, (int, tuple))


def test_get_decides_when_head_is_refused():
    session = FakeSession({U: 200}, head={U: 405})
    assert cl.check_url(session, U, 10).result == "ok"
    assert session.calls == [("HEAD", U), ("GET", U)]


def test_a_name_that_does_not_exist_is_not_asked_twice():
    session = FakeSession({})
    assert cl.check_url(session, U, 10).result == "dead"
    assert session.calls == [("HEAD", U)]


def test_a_good_head_is_enough():
    session = FakeSession({U: 200})
    cl.check_url(session, U, 10)
    assert session.calls == [("HEAD", U)]


# --- Against the data ---------------------------------------------------------------------------------------

LIVE, GONE, OLD, NEW, ARCHIVE, SEED = (
    "https://live.example.org/a", "https://gone.example.org/b", "http://old.example.org/c",
    "https://new.example.org/c", "https://web.archive.org/web/2010/https://gone.example.org/b",
    "http://seed.example.org/d")

SOURCES = f"""sources:
  - id: live-one
    kind: web-page
    authors: ["A"]
    title: "Live"
    url: "{LIVE}"
    url_status: current
    checked: "2025-01-01"
  - id: gone-one
    kind: web-page
    authors: ["B"]
    title: "Gone"
    url: "{GONE}"
    url_status: dead
    checked: "2025-01-01"
    archive_url: "{ARCHIVE}"
  - id: moved-one
    kind: web-page
    authors: ["C"]
    title: "Moved"
    url: "{OLD}"
    url_status: moved
    moved_to: "{NEW}"
    checked: "2025-01-01"
  - id: seed-one
    kind: web-page
    authors: ["D"]
    title: "Seed"
    url: "{SEED}"
    url_status: historical
    note: "See [the list](https://prose.example.org/list)."
"""


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # so files are named as an editor sees them: data/sources.yml
    return tmp_path / "data"


def run(data_dir, answers, *args) -> tuple[int, str]:
    out = io.StringIO()
    code = cl.run(["--data", "data", *args], session_factory=lambda: FakeSession(answers), today=TODAY, out=out)
    return code, out.getvalue()


AS_RECORDED = {LIVE: 200, GONE: 404, OLD: (200, NEW), NEW: 200, ARCHIVE: (200, ARCHIVE.replace("/2010/", "/20100101000000/")),
               SEED: 404, "https://prose.example.org/list": 200}


def test_collect_finds_every_address_with_its_line_and_record(data_dir):
    found = {(o.record, o.field, o.url, o.line, o.expect) for o in cl.collect(data_dir, "data")}
    assert found == {
        ("live-one", "url", LIVE, 6, "current"), ("gone-one", "url", GONE, 13, "dead"),
        ("gone-one", "archive_url", ARCHIVE, 16, "current"), ("moved-one", "url", OLD, 21, "moved"),
        ("moved-one", "moved_to", NEW, 23, "current"), ("seed-one", "url", SEED, 29, "historical"),
        ("seed-one", "note", "https://prose.example.org/list", 31, None),
    }


def test_the_real_data_is_collected():
    found = cl.collect(cl.ROOT / "data", "data")
    assert found and all(o.file == "data/sources.yml" and o.line > 1 for o in found)
    assert {o.expect for o in found} <= {"current", "historical", "dead", "moved", None}
    assert {o.record for o in found} >= {"guardian-2008"}


def test_data_that_agrees_exits_0(data_dir):
    code, out = run(data_dir, AS_RECORDED)
    assert code == 0, out
    assert "nothing the data records is contradicted" in out
    assert "data/sources.yml:29  seed-one  url [recorded: historical]" in out  # a failing historical: reported
    assert "DATA NEEDS UPDATING" not in out
    assert "data/sources.yml:29: source 'seed-one' field 'url': it is gone; after a look in a browser" in out


def test_a_current_address_that_fails_exits_1_with_the_change_to_make(data_dir):
    code, out = run(data_dir, {**AS_RECORDED, LIVE: 410})
    assert code == 1
    assert "DATA NEEDS UPDATING (1)" in out
    assert ("data/sources.yml:6: source 'live-one' field 'url': recorded as live, but it is gone; add archive_url "
            'if the Wayback Machine has a copy; suggested: url_status: dead, checked: "2025-03-04"') in out


def test_a_current_address_with_an_error_needs_a_look(data_dir):
    code, out = run(data_dir, {**AS_RECORDED, LIVE: requests.exceptions.ReadTimeout("slow")})
    assert code == 1 and "recorded as live, but it failed; open it in a browser" in out


def test_a_dead_address_that_answers_again_exits_1(data_dir):
    code, out = run(data_dir, {**AS_RECORDED, GONE: 200})
    assert code == 1
    assert "source 'gone-one' field 'url': recorded as dead, but it answers again; suggested: url_status: current" in out


def test_a_moved_address_that_answers_itself_exits_1(data_dir):
    code, out = run(data_dir, {**AS_RECORDED, OLD: 200})
    assert code == 1 and "recorded as moved, but it answers at the address itself" in out


@pytest.mark.parametrize("broken", [NEW, ARCHIVE])
def test_a_failing_moved_to_or_archive_exits_1(data_dir, broken):
    code, out = run(data_dir, {**AS_RECORDED, broken: 404})
    assert code == 1 and "it fails; find a working address" in out


def test_prose_links_are_reported_never_failures(data_dir):
    code, out = run(data_dir, {**AS_RECORDED, "https://prose.example.org/list": 404})
    assert code == 0 and "data/sources.yml:31  seed-one  note" in out


def test_the_table_is_grouped_by_result(data_dir):
    _, out = run(data_dir, AS_RECORDED)
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings[:3] == ["OK (3)", "REDIRECTED (2)", "DEAD (2)"]


def test_no_answer_at_all_is_an_unreachable_network_not_dead_addresses(data_dir):
    code, out = run(data_dir, {})  # every name fails to resolve, the probes too
    assert code == 2
    assert out.startswith("check_links: could not reach the internet; nothing was checked.")
    assert "DEAD" not in out


def test_no_answer_but_the_probes_answer_means_the_addresses_are_really_gone(data_dir):
    code, out = run(data_dir, {p: 200 for p in cl.PROBES}, "--only", "live-one")
    assert code == 1 and "DEAD (1)" in out and "the domain name does not exist" in out


def test_only_checks_the_named_records(data_dir):
    session = FakeSession(AS_RECORDED)
    cl.run(["--data", str(data_dir), "--only", "moved-one"], session_factory=lambda: session, today=TODAY,
           out=io.StringIO())
    assert {url for _, url in session.calls} == {OLD, NEW}


def test_only_an_unknown_id_is_an_error(data_dir, capsys):
    assert run(data_dir, AS_RECORDED, "--only", "no-such-id")[0] == 2
    assert "no web address found for: no-such-id" in capsys.readouterr().err


def test_json_output(data_dir):
    code, out = run(data_dir, {**AS_RECORDED, LIVE: 404}, "--json")
    report = json.loads(out)
    assert code == report["exit"] == 1 and report["network"] == "reachable"
    live = next(f for f in report["findings"] if f["record"] == "live-one")
    assert live == {**live, "file": "data/sources.yml", "line": 6, "field": "url", "url": LIVE, "result": "dead",
                    "status": 404, "verdict": "needs-update", "suggested": {"url_status": "dead", "checked": TODAY}}


def test_json_output_when_unreachable(data_dir):
    code, out = run(data_dir, {}, "--json")
    assert code == 2 and json.loads(out)["network"] == "unreachable"


def test_timeout_is_passed_on(data_dir):
    seen = []

    class Timed(FakeSession):
        def head(self, url, **kwargs):
            seen.append(kwargs["timeout"])
            return super().head(url, **kwargs)

    cl.run(["--data", str(data_dir), "--timeout", "3"], session_factory=lambda: Timed(AS_RECORDED), today=TODAY,
           out=io.StringIO())
    assert seen and set(seen) == {3.0}
