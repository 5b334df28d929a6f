"""Lighthouse scores for one page of each template, served as a real web server would serve them.

    python bench/lighthouse.py [--runs N] [--only home,history,...] [--site SITE_DIR [--port PORT]]
                               [--out FILE] [--reports DIR] [--max-load 2]

What it does:

1. Installs the pinned Lighthouse (LIGHTHOUSE_VERSION, from the npm registry) into .venv/lighthouse/
   with npm when it is missing. 12.8.2 is the newest release that runs on Node 20 (13.x needs Node 22).
2. Builds the site (strict, SOURCE_DATE_EPOCH fixed) into a temporary folder, with SITE_URL set to the
   local server's address so canonical links are absolute and point at the pages Lighthouse visits
   (without it, embeds carry a relative canonical link, which the SEO audit "canonical" rejects).
   With --site, serves an already built site instead (build it with SITE_URL=http://127.0.0.1:PORT/
   and pass --port PORT if its canonical links should pass).
3. Serves it on 127.0.0.1 from a thread: gzip for text responses when the request accepts it,
   Cache-Control (HTML: no-cache; material's content-hashed files: a year, immutable; other files:
   a day), and the build's csp.txt as the Content-Security-Policy header, as README advises web teams.
4. Runs Lighthouse (categories performance, accessibility, best-practices, seo) on each page in
   desktop (--preset=desktop) and mobile (Lighthouse's default: a throttled mid-range phone) modes,
   in Chromium: CHROMIUM_PATH if set, else /usr/bin/chromium.

It prints, per template:

- the four category scores (P/A/BP/SEO, 0-100), desktop then mobile; with --runs N, each is the
  median of N runs; and which targets (below) they miss;
- first view (from the mobile run): Lighthouse's total-byte-weight, the bytes actually transferred (so
  gzipped where the server gzipped) while the page loads, minus search/search_index.json, which is shown
  on its own ("index"; material's search worker fetches it as soon as the page's scripts run);
- whether the search index was requested during the load, when (ms after navigation start, against
  first contentful paint) and whether Lighthouse counted it as render-blocking;
- every audit below 1 that counts towards a category score (title, displayValue, score and weight), so
  each miss can be explained; then, by id only, the weight-0 diagnostics below 1 (details in the JSON).

The server speaks HTTP/1.1 (the standard library has no HTTP/2), so Lighthouse's simulated mobile load
fetches at most six files at a time from it; on an HTTP/2 host (GitHub Pages) the dozen small
stylesheets arrive together, so the mobile performance figures here are, if anything, pessimistic.
Mobile performance varies from run to run by a few points, and by far more when other work keeps the
machine's CPUs busy (on two cores, a 1-minute load average above 2 cost history and sources 10 to 25 points):
use --runs 3 or more before comparing, on a quiet machine (--max-load 2 waits for one before each run). Each
run's load average is recorded ("load"), and the table prints mobile total blocking time (the median) and the
highest load seen during the mobile runs.

Targets (the "targets" column says "met", or names each score that misses): desktop 100 in every
category; mobile 100 in accessibility, best practices and SEO, and at least 95 in performance. Embeds carry <meta name="robots" content="noindex"> on purpose (they are
copies for iframes), so their SEO audit "is-crawlable" fails, and their SEO score is below 100, by design.

All figures go to bench/lighthouse.json (or --out). Needs node and npm (Node 20 or newer) and Chromium.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_VERSION = "12.8.2"  # newest release whose engines allow Node 20 (13.x: node >= 22.19)
LIGHTHOUSE_DIR = ROOT / ".venv" / "lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "P", "accessibility": "A", "best-practices": "BP", "seo": "SEO"}
SEARCH_INDEX = "search/search_index.json"

# One page of each template: (name, path under the site root). A typology is a framework's own page; a module,
# a page of the course. Embeds come in two templates, both here: a page's embeddable view, made from the
# built page (macros/postbuild/embed.html), and a component's (overrides/embed.html), the timeline's.
PAGES = (
    ("home", ""),
    ("history", "history/"),
    ("definitions", "definitions/"),
    ("typology", "typologies/levels/"),
    ("module", "learn/what-it-is/"),
    ("sources", "sources/"),
    ("self-assessment", "self-assessment/"),
    ("page-embed", "history/embed.html"),
    ("component-embed", "embed/timeline/"),
)

_GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml",
               "application/manifest+json")
_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")  # material's content-hashed file names


class _Handler(SimpleHTTPRequestHandler):
    """Static files with gzip, Cache-Control and the build's CSP; quiet."""

    csp = ""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the stdlib's 301 to the directory URL
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return None
        data = path.read_bytes()
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(_GZIP_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                data = gzip.compress(data, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        if path.suffix == ".html":
            self.send_header("Cache-Control", "no-cache")
            if self.csp:
                self.send_header("Content-Security-Policy", self.csp)
        elif _HASHED.search(path.name):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "public, max-age=86400")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return _Body(data)


class _Body:
    """What send_head returns: a file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path, port: int = 0) -> ThreadingHTTPServer:
    """Start serving `site` on 127.0.0.1 in a daemon thread; the address is server.server_address."""
    handler = type("Handler", (_Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_lighthouse() -> Path:
    """The pinned Lighthouse's CLI script, installed into .venv/lighthouse/ with npm if missing."""
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if not package.is_file() or json.loads(package.read_text())["version"] != LIGHTHOUSE_VERSION:
        if not shutil.which("npm"):
            sys.exit(f"lighthouse@{LIGHTHOUSE_VERSION} is not installed in {LIGHTHOUSE_DIR}, and there is no npm to install it.")
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR.relative_to(ROOT)}/ ...",
              file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
                        "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return LIGHTHOUSE_BIN


def chrome_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def build(dest: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": site_url}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"The build failed:\n{result.stdout}{result.stderr}")


def lighthouse(cli: Path, url: str, desktop: bool, out: Path) -> dict:
    """One Lighthouse run; returns its JSON report (the lhr)."""
    out.unlink(missing_ok=True)
    command = ["node", str(cli), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if desktop:
        command.append("--preset=desktop")
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome_path()},
                            capture_output=True, text=True, timeout=300)
    if result.returncode or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(out.read_text())


def summarise(lhr: dict) -> dict:
    """The figures this script reports, from one Lighthouse report."""
    audits = lhr["audits"]
    scores = {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}
    weight_items = (audits["total-byte-weight"].get("details") or {}).get("items", [])
    index_bytes = sum(i["totalBytes"] for i in weight_items if SEARCH_INDEX in i["url"])
    total = audits["total-byte-weight"].get("numericValue", 0)
    requests = (audits["network-requests"].get("details") or {}).get("items", [])
    index_requests = [r for r in requests if SEARCH_INDEX in r["url"]]
    blocking = []
    for key in ("render-blocking-resources", "render-blocking-insight"):
        blocking += [i.get("url", "") for i in (audits.get(key, {}).get("details") or {}).get("items", [])]
    failing = []
    for cid in CATEGORIES:
        for ref in lhr["categories"][cid]["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] not in (
                    "notApplicable", "manual", "informative"):
                failing.append({"category": cid, "id": ref["id"], "weight": ref.get("weight", 0),
                                "title": audit["title"], "displayValue": audit.get("displayValue", ""),
                                "score": audit["score"]})
    return {
        "scores": scores,
        "first_view_bytes": int(total - index_bytes),
        "search_index_bytes": int(index_bytes),
        "search_index_requested": bool(index_requests),
        "search_index_request_ms": round(index_requests[0].get("networkRequestTime", 0)) if index_requests else None,
        "search_index_render_blocking": any(SEARCH_INDEX in u for u in blocking),
        "render_blocking": blocking,
        "fcp_ms": round(audits["first-contentful-paint"].get("numericValue", 0)),
        "tbt_ms": round(audits["total-blocking-time"].get("numericValue", 0)),
        "lcp_ms": round(audits["largest-contentful-paint"].get("numericValue", 0)),
        "failing": failing,
    }


def median_runs(runs: list[dict]) -> dict:
    """The last run's figures, with each category's score and total blocking time the median over all runs."""
    result = dict(runs[-1])
    result["scores"] = {c: round(statistics.median(r["scores"][c] for r in runs)) for c in CATEGORIES}
    result["tbt_ms"] = round(statistics.median(r["tbt_ms"] for r in runs))
    result["runs"] = [r["scores"] for r in runs]
    result["load"] = [r["load"] for r in runs]
    return result


def wait_for_load(limit: float, patience: float = 600) -> float:
    """Wait until the 1-minute load average is below `limit` (or `patience` seconds pass); return it."""
    waited = 0.0
    while os.getloadavg()[0] >= limit and waited < patience:
        time.sleep(5)
        waited += 5
    return round(os.getloadavg()[0], 2)


def _scores(s: dict) -> str:
    return "/".join(f"{s[c]:>3}" for c in CATEGORIES)


def missed_targets(name: str, result: dict) -> list[str]:
    """The targets a template misses: desktop 100 everywhere; mobile performance at least 95 and the rest 100.
    An embed's SEO is exempt (noindex on purpose)."""
    found = []
    for mode, least in (("desktop", {"performance": 100}), ("mobile", {"performance": 95})):
        for c in CATEGORIES:
            if c == "seo" and name.endswith("embed"):
                continue
            if result[mode]["scores"][c] < least.get(c, 100):
                found.append(f"{mode} {SHORT[c]}")
    return found


def report(results: dict) -> None:
    print("Lighthouse", LIGHTHOUSE_VERSION, "- scores P/A/BP/SEO; first view = bytes transferred on load,"
          " without the search index")
    print(f"{'template':16} {'url':24} {'desktop':>15}  {'mobile':>15}  {'TBT ms':>6}  {'load':>4}  {'first view':>10}"
          f"  {'index':>9}  targets  index requested (ms; FCP ms)")
    for name, r in results.items():
        d, m = r["desktop"], r["mobile"]
        when = (f"yes at {m['search_index_request_ms']} (FCP {m['fcp_ms']})" if m["search_index_requested"]
                else "no")
        if m["search_index_render_blocking"] or d["search_index_render_blocking"]:
            when += ", RENDER-BLOCKING"
        print(f"{name:16} {r['path'] or '/':24} {_scores(d['scores']):>15}  {_scores(m['scores']):>15}"
              f"  {m['tbt_ms']:>6}  {max(m['load']):4.1f}  {m['first_view_bytes'] / 1024:7.1f} KB  {m['search_index_bytes'] / 1024:6.1f} KB"
              f"  {', '.join(missed_targets(name, r)) or 'met':7}  {when}")
    print()
    print("Audits below 1 that count towards a score (weight > 0):")
    misses = False
    for name, r in results.items():
        for mode in ("desktop", "mobile"):
            for f in r[mode]["failing"]:
                if f["weight"]:
                    misses = True
                    value = f" ({f['displayValue']})" if f["displayValue"] else ""
                    print(f"  {name:16} {mode:8} {SHORT[f['category']]:>3} {f['id']}: {f['title']}{value}"
                          f" [score {f['score']:.2f}, weight {f['weight']}]")
    if not misses:
        print("  none")
    print("Diagnostics below 1 that do not count (weight 0; details in the JSON):")
    for name, r in results.items():
        for mode in ("desktop", "mobile"):
            ids = [f["id"] for f in r[mode]["failing"] if not f["weight"]]
            if ids:
                print(f"  {name:16} {mode:8} {', '.join(ids)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page and mode; scores are medians")
    parser.add_argument("--only", default="", help="comma-separated templates, e.g. home,history")
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one")
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: a free one)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "lighthouse.json")
    parser.add_argument("--reports", type=Path, help="also keep each raw Lighthouse report in this folder")
    parser.add_argument("--max-load", type=float, help="before each run, wait (up to 10 minutes) until the "
                        "1-minute load average is below this, e.g. 2 on two cores")
    args = parser.parse_args(argv)
    wanted = [n for n in args.only.split(",") if n]
    unknown = set(wanted) - {n for n, _ in PAGES}
    if unknown:
        parser.error(f"unknown template(s) {', '.join(sorted(unknown))}; choose from "
                     f"{', '.join(n for n, _ in PAGES)}")
    pages = [(n, p) for n, p in PAGES if not wanted or n in wanted]
    if not shutil.which("node"):
        sys.exit("Lighthouse needs node (Node 20 or newer) and npm.")
    cli = ensure_lighthouse()

    with tempfile.TemporaryDirectory() as tmp:
        port = args.port or free_port()
        base = f"http://127.0.0.1:{port}/"
        site = args.site.resolve() if args.site else Path(tmp) / "site"
        if not args.site:
            build(site, base)
        server = serve(site, port)
        csp = site / "csp.txt"
        server.RequestHandlerClass.func.csp = csp.read_text().strip() if csp.is_file() else ""
        results = {}
        try:
            for name, path in pages:
                results[name] = {"path": "/" + path, "url": base + path}
                for mode in ("desktop", "mobile"):
                    runs = []
                    for i in range(args.runs):
                        print(f"  {name} {mode} run {i + 1}/{args.runs}", file=sys.stderr)
                        # The 1-minute load average as the run starts: Lighthouse's mobile performance scores
                        # come from timings the machine's other work slows down (see bench/README.md).
                        load = wait_for_load(args.max_load) if args.max_load else round(os.getloadavg()[0], 2)
                        report_dir = args.reports or Path(tmp)
                        report_dir.mkdir(parents=True, exist_ok=True)
                        lhr = lighthouse(cli, base + path, mode == "desktop",
                                         report_dir / f"{name}-{mode}-{i + 1}.json")
                        runs.append({**summarise(lhr), "load": load})
                    results[name][mode] = median_runs(runs)
        finally:
            server.shutdown()
    args.out.write_text(json.dumps({"lighthouse": LIGHTHOUSE_VERSION, "runs": args.runs,
                                    "pages": results}, indent=2) + "\n")
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
