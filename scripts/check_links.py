"""Check every external web address in the data (and, with --docs, the pages) against the live web.

    python scripts/check_links.py [--timeout 10] [--only ID ...] [--docs] [--json] [--data DIR]

Run by `make check-links`; not part of `make test` or CI, since its answers depend on other people's
servers. Each address is tried with HEAD, then GET when HEAD does not succeed, following redirects, and
classified as:

    ok          it answers (2xx) at the address written
    redirected  it answers (2xx) at another address, reported as the final address
    dead        404 or 410, or its domain name does not exist
    error       anything else: another status, a timeout, a refused connection, a TLS failure

and compared with what the data records (a source's url_status; see data/README.md). A 'historical' or
'dead' address that fails is reported, not a failure. A 'current' one that fails, a 'dead' one that
answers again, a 'moved' one that no longer redirects, or a moved_to or archive_url that fails is
"data needs updating", with the change to make.

Exit codes: 0 when nothing the data records is contradicted; 1 when something is; 2 when the internet
could not be reached at all (no address got an HTTP answer, nor did the probe addresses), in which case
nothing was checked and nothing is called dead.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import errno
import json
import re
import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

from macros.collections import read_collections  # noqa: E402
from macros.load import walk_strings  # noqa: E402
from macros.schema import read_yaml  # noqa: E402

USER_AGENT = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 "
              "(co-production-explained link check)")
HEADERS = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
           "Accept-Language": "en-GB,en;q=0.8"}
# Asked only when no address in the data got any HTTP answer: if these fail too, the network is down.
PROBES = ("https://www.wikipedia.org/", "https://web.archive.org/")
DEAD_STATUSES = {404, 410}
# getaddrinfo's "this name does not exist" (as opposed to EAI_AGAIN, "could not ask right now").
_NO_SUCH_NAME = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}
_URL = re.compile(r"https?://[^\s\"'<>)\]]+")
SOURCE_URL_FIELDS = ("url", "moved_to", "archive_url")


# --- What the data says ------------------------------------------------------------------------------------


@dataclass
class Occurrence:
    """One place an address is written: where, in which record and field, and what the data claims of it."""

    url: str
    file: str
    line: int
    record: str  # the record's id (or the page, for docs)
    field: str
    expect: str | None  # see EXPECTATIONS
    moved_to: str | None = None  # for a moved url: where it should redirect


# What a written address is expected to do, by field and url_status:
#   'current'    it should answer (a source's url with url_status current, or none; moved_to; archive_url)
#   'historical' recorded by a seed, not checked: any answer is news, none is a failure
#   'dead'       recorded as gone: an answer means the data needs updating
#   'moved'      should redirect (to moved_to)
#   None         an address in prose: reported, never a failure
EXPECTATIONS = ("current", "historical", "dead", "moved", None)


def _records(data) -> list:
    if not isinstance(data, dict):
        return []
    items = next(iter(data.values()), None)
    return items if isinstance(items, list) else []


def collect(data_dir: Path, label: str = "data", docs_dir: Path | None = None) -> list[Occurrence]:
    """Every http(s) address written in the data files (and the docs' Markdown, if docs_dir is given)."""
    found: list[Occurrence] = []
    # The project's own registry: a council's data folder holds some of the same files, but no schemas.
    for collection in read_collections(ROOT / "data"):
        path = data_dir / collection.file
        if not path.is_file():
            continue
        parsed = read_yaml(path, f"{label}/{collection.file}", collection.top_key)
        if parsed.data is None:
            continue
        for index, record in enumerate(_records(parsed.data)):
            if not isinstance(record, dict):
                continue
            record_id = record.get("id") if isinstance(record.get("id"), str) else f"#{index + 1}"
            for sub_path, text in walk_strings(record, ()):
                where = (collection.top_key, index, *sub_path)
                line = parsed.mark(where)[0]
                name = ".".join(str(p) for p in sub_path)
                if collection.name == "sources" and sub_path in {(f,) for f in SOURCE_URL_FIELDS}:
                    if _URL.fullmatch(text):
                        found.append(_source_occurrence(record, sub_path[0], text, parsed.name, line, record_id))
                    continue
                for url in _URL.findall(text):
                    found.append(Occurrence(url.rstrip(".,;"), parsed.name, line, record_id, name, None))
    if docs_dir is not None:
        for page in sorted(docs_dir.rglob("*.md")):
            rel = page.relative_to(docs_dir.parent).as_posix()
            for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                for url in _URL.findall(text):
                    found.append(Occurrence(url.rstrip(".,;"), rel, number, rel, "text", None))
    return found


def _source_occurrence(record: dict, field_name: str, url: str, file: str, line: int, record_id: str) -> Occurrence:
    if field_name != "url":
        return Occurrence(url, file, line, record_id, field_name, "current")
    status = record.get("url_status") or "current"  # no status: shown to readers as a working link
    return Occurrence(url, file, line, record_id, "url", status, moved_to=record.get("moved_to"))


# --- Asking the web ----------------------------------------------------------------------------------------


@dataclass
class Check:
    """What one address did."""

    url: str
    result: str  # ok, redirected, dead, error
    detail: str
    status: int | None = None
    final_url: str | None = None
    answered: bool = False  # some server gave an HTTP answer (so the network works)


def _causes(exc: BaseException):
    """The exception and everything it wraps: requests -> urllib3 MaxRetryError -> NameResolutionError -> gaierror."""
    seen, queue = set(), [exc]
    while queue:
        current = queue.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nested in (getattr(current, "reason", None), current.__cause__, current.__context__, *current.args):
            if isinstance(nested, BaseException):
                queue.append(nested)


def classify_exception(exc: BaseException) -> tuple[str, str]:
    """(result, detail) for a request that got no HTTP answer."""
    import requests

    causes = list(_causes(exc))
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            if cause.errno in _NO_SUCH_NAME:
                return "dead", f"the domain name does not exist ({cause.strerror or cause})"
            return "error", f"the domain name could not be looked up ({cause.strerror or cause})"
    text = " ".join(str(c) for c in causes)
    if "Name or service not known" in text or "nodename nor servname" in text or "No address associated" in text:
        return "dead", "the domain name does not exist"
    if "Temporary failure in name resolution" in text or "Failed to resolve" in text:
        return "error", "the domain name could not be looked up"
    if any(isinstance(c, requests.exceptions.SSLError) for c in causes):
        return "error", "TLS (https) failure: " + _short(exc)
    if any(isinstance(c, requests.exceptions.Timeout) for c in causes):
        return "error", "timed out"
    if any(isinstance(c, requests.exceptions.TooManyRedirects) for c in causes):
        return "error", "too many redirects"
    if any(isinstance(c, ConnectionRefusedError) or getattr(c, "errno", None) == errno.ECONNREFUSED for c in causes) \
            or "Connection refused" in text:
        return "error", "connection refused"
    if any(isinstance(c, requests.exceptions.ProxyError) for c in causes):
        return "error", "the proxy refused or failed: " + _short(exc)
    return "error", _short(exc)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:160]}"


def _same_address(a: str, b: str) -> bool:
    """The same address, give or take http -> https and a trailing slash (not worth recording as a move)."""
    def norm(u: str):
        parts = urlsplit(u)
        netloc = parts.netloc.lower().removesuffix(":80").removesuffix(":443")
        return netloc, parts.path.rstrip("/") or "/", parts.query
    return norm(a) == norm(b)


def check_url(session, url: str, timeout: float) -> Check:
    """HEAD, then GET when HEAD does not give 2xx; redirects followed. `session` is a requests.Session or a fake."""
    try:
        response = session.head(url, allow_redirects=True, timeout=timeout, headers=HEADERS)
        response.close()
        if 200 <= response.status_code < 300:
            return _from_response(url, response)
    except Exception as exc:  # noqa: BLE001 - every failure is classified and reported
        if classify_exception(exc)[0] == "dead":  # the name does not exist: GET cannot do better
            return _from_exception(url, exc)
    # Many servers refuse or mishandle HEAD (405, 403, 404, a reset); GET, without reading the body, decides.
    try:
        response = session.get(url, allow_redirects=True, timeout=timeout, headers=HEADERS, stream=True)
        response.close()
    except Exception as exc:  # noqa: BLE001
        return _from_exception(url, exc)
    return _from_response(url, response)


def _from_exception(url: str, exc: BaseException) -> Check:
    result, detail = classify_exception(exc)
    return Check(url, result, detail)


def _from_response(url: str, response) -> Check:
    status, final = response.status_code, response.url or url
    reason = getattr(response, "reason", "") or ""
    label = f"{status} {reason}".strip()
    if 200 <= status < 300:
        if _same_address(final, url):
            at = f" (at {final})" if final != url else ""
            return Check(url, "ok", label + at, status, final, True)
        return Check(url, "redirected", f"{label} at {final}", status, final, True)
    if status in DEAD_STATUSES:
        return Check(url, "dead", label + (f" (after redirecting to {final})" if not _same_address(final, url) else ""),
                     status, final, True)
    return Check(url, "error", f"HTTP {label}", status, final, True)


def check_all(urls: list[str], session_factory, timeout: float, workers: int) -> dict[str, Check]:
    def one(url: str) -> Check:
        return check_url(session_factory(), url, timeout)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(urls, pool.map(one, urls)))


# --- Comparing the two -------------------------------------------------------------------------------------


@dataclass
class Finding:
    occurrence: Occurrence
    check: Check
    verdict: str  # 'agrees', 'note' (worth recording, not a failure), 'needs-update' (contradicted), 'unrecorded'
    advice: str = ""
    suggested: dict = field(default_factory=dict)  # the fields to set, e.g. {'url_status': 'dead', 'checked': ...}


def compare(occ: Occurrence, check: Check, today: str) -> Finding:
    r, expect = check.result, occ.expect
    failed = r in ("dead", "error")
    if expect is None:
        return Finding(occ, check, "unrecorded")
    if occ.field != "url":  # moved_to or archive_url: readers are linked there, so it must answer
        if failed:
            return Finding(occ, check, "needs-update",
                           f"readers are linked to this {occ.field}, and it fails; find a working address "
                           f"or remove {occ.field}")
        if r == "redirected" and occ.field == "moved_to":
            return Finding(occ, check, "note", f"moved_to now redirects; consider moved_to: {check.final_url}",
                           {"moved_to": check.final_url})
        return Finding(occ, check, "agrees")
    if expect == "historical":
        if r == "ok":
            return Finding(occ, check, "note", "it answers; after a look in a browser, record it as current",
                           {"url_status": "current", "checked": today})
        if r == "redirected":
            return Finding(occ, check, "note", "it redirects; after a look in a browser, record the move",
                           {"url_status": "moved", "moved_to": check.final_url, "checked": today})
        if r == "dead":
            return Finding(occ, check, "note", "it is gone; after a look in a browser (and the Wayback Machine "
                           "for an archived copy), record it as dead", {"url_status": "dead", "checked": today})
        return Finding(occ, check, "note", "it failed, perhaps for the moment; left as historical")
    if expect == "dead":
        if r == "ok":
            return Finding(occ, check, "needs-update", "recorded as dead, but it answers again",
                           {"url_status": "current", "checked": today})
        if r == "redirected":
            return Finding(occ, check, "needs-update", "recorded as dead, but it answers again (redirected)",
                           {"url_status": "moved", "moved_to": check.final_url, "checked": today})
        return Finding(occ, check, "agrees")
    if expect == "moved":
        if r == "ok":
            return Finding(occ, check, "needs-update", "recorded as moved, but it answers at the address itself",
                           {"url_status": "current", "moved_to": None, "checked": today})
        if r == "redirected" and occ.moved_to and not _same_address(check.final_url or "", occ.moved_to):
            return Finding(occ, check, "note", f"it now redirects to {check.final_url}, not to moved_to",
                           {"moved_to": check.final_url, "checked": today})
        if failed:
            return Finding(occ, check, "note", "the old address no longer redirects; readers are linked to "
                           "moved_to, which is checked on its own line")
        return Finding(occ, check, "agrees")
    # current, or no url_status
    if r == "dead":
        return Finding(occ, check, "needs-update", "recorded as live, but it is gone; add archive_url if the "
                       "Wayback Machine has a copy", {"url_status": "dead", "checked": today})
    if r == "error":
        return Finding(occ, check, "needs-update", "recorded as live, but it failed; open it in a browser: if it "
                       "stays unreachable, record it as dead", {"url_status": "dead", "checked": today})
    if r == "redirected":
        return Finding(occ, check, "note", "it redirects; if the work now lives there, record the move",
                       {"url_status": "moved", "moved_to": check.final_url, "checked": today})
    return Finding(occ, check, "agrees")


# --- Reporting ---------------------------------------------------------------------------------------------

GROUPS = (("ok", "OK"), ("redirected", "REDIRECTED"), ("dead", "DEAD"), ("error", "ERROR"))


def _yaml_value(value) -> str:
    return "(remove it)" if value is None else f'"{value}"' if re.match(r"^\d{4}-\d{2}-\d{2}$", value) else value


def _suggestion(finding: Finding) -> str:
    return ", ".join(f"{k}: {_yaml_value(v)}" for k, v in finding.suggested.items())


def report_text(findings: list[Finding], checked: int) -> str:
    lines = []
    for key, title in GROUPS:
        group = [f for f in findings if f.check.result == key]
        if not group:
            continue
        lines += ["", f"{title} ({len(group)})"]
        for f in sorted(group, key=lambda f: (f.occurrence.file, f.occurrence.line)):
            o = f.occurrence
            recorded = f" [recorded: {o.expect}]" if o.expect and o.field == "url" else ""
            lines.append(f"  {o.file}:{o.line}  {o.record}  {o.field}{recorded}")
            lines.append(f"      {o.url}")
            lines.append(f"      -> {f.check.detail}")
    for verdict, title in (("needs-update", "DATA NEEDS UPDATING"), ("note", "WORTH RECORDING, NOT FAILURES")):
        group = [f for f in findings if f.verdict == verdict]
        if not group:
            continue
        lines += ["", f"{title} ({len(group)})"]
        for f in sorted(group, key=lambda f: (f.occurrence.file, f.occurrence.line)):
            o = f.occurrence
            lines.append(f"  {o.file}:{o.line}: source '{o.record}' field '{o.field}': {f.advice}"
                         + (f"; suggested: {_suggestion(f)}" if f.suggested else ""))
    needs = sum(f.verdict == "needs-update" for f in findings)
    lines += ["", f"Checked {checked} address{'es' if checked != 1 else ''} in {len(findings)} place"
                  f"{'s' if len(findings) != 1 else ''}: "
                  + ", ".join(f"{sum(f.check.result == k for f in findings)} {k}" for k, _ in GROUPS)
                  + (f"; {needs} record{'s need' if needs != 1 else ' needs'} updating." if needs
                     else "; nothing the data records is contradicted.")]
    return "\n".join(lines).lstrip("\n")


UNREACHABLE = ("could not reach the internet; nothing was checked. No HTTP answer came from {which}, "
               "nor from {probes}, so no address is called dead. Check the "
               "connection (or proxy settings) and run `make check-links` again.")


def run(argv: list[str] | None = None, session_factory=None, today: str | None = None, out=None) -> int:
    out = out or sys.stdout
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each request (10)")
    parser.add_argument("--only", action="append", metavar="ID", default=[],
                        help="check only the record with this id (repeatable)")
    parser.add_argument("--docs", action="store_true", help="also check the addresses written in docs/*.md")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (data/)")
    parser.add_argument("--workers", type=int, default=4, help="how many addresses to check at once (4)")
    args = parser.parse_args(argv)
    today = today or _dt.date.today().isoformat()
    if session_factory is None:
        session_factory = _requests_session

    data_dir = args.data.resolve()
    label = str(args.data)
    for base in (ROOT, Path.cwd()):  # name files as an editor would: data/sources.yml
        try:
            label = data_dir.relative_to(base.resolve()).as_posix()
            break
        except ValueError:
            continue
    occurrences = collect(data_dir, label, ROOT / "docs" if args.docs else None)
    if args.only:
        occurrences = [o for o in occurrences if o.record in args.only]
        missing = sorted(set(args.only) - {o.record for o in occurrences})
        if missing:
            print(f"check_links: no web address found for: {', '.join(missing)}", file=sys.stderr)
            return 2
    if not occurrences:
        print("check_links: no web addresses to check", file=out)
        return 0
    urls = list(dict.fromkeys(o.url for o in occurrences))
    checks = check_all(urls, session_factory, args.timeout, args.workers)

    if not any(c.answered for c in checks.values()):
        probes = check_all(list(PROBES), session_factory, args.timeout, args.workers)
        if not any(c.answered for c in probes.values()):
            which = f"any of the {len(urls)} addresses" if len(urls) != 1 else "the one address"
            message = UNREACHABLE.format(which=which, probes=" or ".join(PROBES))
            if args.json:
                json.dump({"network": "unreachable", "exit": 2, "message": message, "findings": [],
                           "errors": {u: c.detail for u, c in checks.items()}}, out, indent=2)
                out.write("\n")
            else:
                print(f"check_links: {message}", file=out)
                first = next(iter(checks.values()))
                print(f"  (for example {first.url}: {first.detail}; with no network, every address fails like this)",
                      file=out)
            return 2

    findings = [compare(o, checks[o.url], today) for o in occurrences]
    code = 1 if any(f.verdict == "needs-update" for f in findings) else 0
    if args.json:
        json.dump({"network": "reachable", "exit": code, "checked": today, "findings": [
            {**asdict(f.occurrence), **{k: v for k, v in asdict(f.check).items() if k != "url"},
             "verdict": f.verdict, "advice": f.advice, "suggested": f.suggested} for f in findings]},
            out, indent=2)
        out.write("\n")
    else:
        print(report_text(findings, len(urls)), file=out)
    return code


def _requests_session():
    import requests

    session = requests.Session()
    session.headers.update(HEADERS)
    session.max_redirects = 10
    return session


if __name__ == "__main__":
    sys.exit(run())
