"""Which data files passed their schema, kept between builds, so an unchanged file is not checked again.

Checking every file against its schema, and loading jsonschema to do it, was a twentieth of a build of the
real site. A file that passed leaves a mark named by a digest of everything its result depends on: the
file's bytes, the bytes of every schema, the checking code (schema.py) and the jsonschema installed. A file
that changes in any way, or a schema, or the code, gets a new digest and is checked again; a file with
problems leaves no mark, so its problems are reported on every build. Everything else the loader checks
(ids, references, dates) runs on every build.

The marks are empty files in a private folder under the system's temporary directory (as Jinja keeps its
compiled templates), used only while the folder is ours and no one else can write to it. Without it,
every build checks every file, as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import stat
import tempfile
from functools import cache
from pathlib import Path

ENGINE = Path(__file__).with_name("schema.py")


def digest(data: bytes, schema_dir: Path) -> str:
    """The digest a mark is named by: `data` names the file's bytes and its schema; the folder's schemas,
    the checking code and jsonschema are added here."""
    h = hashlib.sha1(data)
    for schema in sorted(schema_dir.glob("*.schema.json")):
        h.update(schema.name.encode() + b"\0" + _bytes(schema))
    h.update(_engine())
    return h.hexdigest()


def passed(key: str) -> bool:
    folder = _folder()
    return folder is not None and (folder / key).exists()


KEEP = 2000  # marks; past that (many data folders, as the tests make), the folder is emptied and starts again


def mark_passed(key: str) -> None:
    folder = _folder()
    if folder is None:
        return
    try:
        if sum(1 for _ in os.scandir(folder)) >= KEEP:
            forget()
        (folder / key).touch()
    except OSError:
        pass


def forget() -> None:
    """Check every file again, from the next load on (the benchmark times a load from nothing)."""
    folder = _folder()
    if folder is not None:
        for mark in folder.iterdir():
            mark.unlink(missing_ok=True)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


@cache
def _engine() -> bytes:
    """The checking code and the installed jsonschema (its files change when another version is installed)."""
    spec = importlib.util.find_spec("jsonschema")
    installed = Path(spec.origin).parent if spec and spec.origin else None
    versions = b"".join(f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size};".encode()
                        for p in sorted(installed.glob("*.py"))) if installed else b""
    return _bytes(ENGINE) + versions


@cache
def _folder() -> Path | None:
    """A folder only this user can write to, or None."""
    try:
        uid = os.getuid()
    except AttributeError:  # Windows: no uid; a per-user temporary directory
        uid = None
    folder = Path(tempfile.gettempdir()) / f"coproduction-explainer-checks-{uid if uid is not None else 'user'}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or (uid is not None and info.st_uid != uid) \
                or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
    except OSError:
        return None
    return folder
