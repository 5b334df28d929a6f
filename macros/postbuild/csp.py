"""A Content-Security-Policy for the built site, written to csp.txt beside index.html by the post-build step.

material puts three small inline scripts in every page (its localStorage scope, the saved colour
palette and the content-tab anchor fix). Rather than allow 'unsafe-inline', the policy allows exactly
those scripts by their SHA-256 hashes, read from the built pages. The hashes change when material or
site_url changes, so the policy is generated from each build, never typed by hand.

Print the policy for any built site, changing nothing:
    python -m macros.postbuild --csp site/
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

FILE = "csp.txt"
REFUSAL = "No Content-Security-Policy can allow this without 'unsafe-inline'"

# Why each directive is there: see "For council web teams: Content-Security-Policy" in README.md.
DIRECTIVES = (
    ("default-src", ["'none'"]),
    ("script-src", ["'self'"]),  # plus the inline scripts' hashes
    ("style-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("manifest-src", ["'self'"]),
    ("base-uri", ["'none'"]),
    ("form-action", ["'none'"]),
    ("frame-ancestors", ["*"]),
)

# Script types a browser executes; anything else (application/json for material's __config) is data.
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


_SPACE_AND_CONTROLS = "".join(map(chr, range(0x21)))


class UnsafeMarkupError(ValueError):
    """A page holds markup no hash can allow: an inline event handler or a javascript: URL."""


class _InlineScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.problems: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"line {self.getpos()[0]}: inline event handler {name}= on <{tag}>")
            # As a browser reads a URL: tabs and line breaks anywhere, and leading spaces and controls, dropped.
            url = re.sub(r"[\t\n\r]", "", value or "").lstrip(_SPACE_AND_CONTROLS)
            if name in ("href", "src", "action", "formaction") and url.lower().startswith("javascript:"):
                self.problems.append(f"line {self.getpos()[0]}: javascript: URL in {name}= on <{tag}>")
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in _EXECUTABLE_TYPES:
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


# Script elements end at the first "</script", whatever their text holds, so a regex finds them exactly.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# Anything that could be an event handler attribute, or a URL attribute (href, src, action, formaction)
# whose value starts with "ja" (browsers drop tabs and line breaks inside a URL, so "j<tab>a" too) or a
# character reference that could spell either letter (an escaped quote, as in an embed snippet shown as
# text, cannot). A link to a page named "jrf-..." is not suspect: at ten times the data the definitions
# page has hundreds, and each sent a megabyte page through the full parse. Pages without a match hold
# neither. Each pattern starts with a plain character ("on", "="), which Python's regular expressions find
# fast; what comes before a match is checked after: a pattern that starts with a choice of characters or
# of names took twenty times as long on a large site.
_HANDLER = re.compile(r"on[a-z]+\s*=")
_BEFORE_ATTRIBUTE = frozenset(" \t\n\r\f/\"'")
_URL_VALUE = re.compile(r"""=\s*["']?[\x00-\x20]*(?:j[\x00-\x20]*[a&]|&(?!#34;|#39;|quot;|apos;))""")
_URL_NAME = re.compile(r"(?:href|src|action)\s*\Z")


def _suspect(html: str) -> bool:
    lowered = html.lower()  # much faster than case-insensitive patterns
    if any(m.start() and lowered[m.start() - 1] in _BEFORE_ATTRIBUTE for m in _HANDLER.finditer(lowered)):
        return True
    return any(_URL_NAME.search(lowered, max(0, m.start() - 16), m.start()) for m in _URL_VALUE.finditer(lowered))


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def script_hashes(html: str, where: str = "page") -> set[str]:
    """The CSP source expressions ('sha256-...') for each inline script in one HTML page.

    A full HTML parse is slow (it was a fifth of the build), so it runs only on pages the cheap
    _suspect scan cannot clear; it then names the line of each problem.
    """
    if _suspect(html):
        parser = _InlineScripts()
        parser.feed(html)
        parser.close()
        if parser.problems:
            raise UnsafeMarkupError("; ".join(f"{where}: {p}" for p in parser.problems))
        return {_hash(script) for script in parser.scripts}
    hashes = set()
    for attributes, text in _SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        kind = next(filter(None, kind.groups()), "") if kind else ""
        if not _SRC.search(attributes) and kind.strip().lower() in _EXECUTABLE_TYPES:
            hashes.add(_hash(text))
    return hashes


def policy(pages: Iterable[tuple[str, str]]) -> str:
    """The policy for a site, given (name, html) for every page."""
    hashes: set[str] = set()
    for name, html in pages:
        hashes |= script_hashes(html, name)
    return _policy_with(hashes)


def _policy_with(hashes: set[str]) -> str:
    parts = []
    for directive, sources in DIRECTIVES:
        if directive == "script-src":
            sources = sources + sorted(hashes)
        parts.append(" ".join([directive, *sources]))
    return "; ".join(parts)


def site_policy(site_dir: Path) -> str:
    """The policy for a built site folder."""
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        hashes |= _page_hashes(page, page.relative_to(site_dir).as_posix())
    return _policy_with(hashes)


_seen: dict[tuple, frozenset[str]] = {}  # {(file, mtime, size): hashes}: a rebuild reads only the pages it wrote


def _page_hashes(page: Path, name: str) -> frozenset[str]:
    stat = page.stat()
    key = (str(page), stat.st_mtime_ns, stat.st_size)
    if key not in _seen:
        _seen[key] = frozenset(script_hashes(page.read_text(encoding="utf-8"), name))
    return _seen[key]


def write_policy(site_dir: Path) -> Path:
    """Write csp.txt, the header value, into the site folder. Raises UnsafeMarkupError."""
    target = Path(site_dir) / FILE
    target.write_text(site_policy(Path(site_dir)) + "\n", encoding="utf-8")
    return target
