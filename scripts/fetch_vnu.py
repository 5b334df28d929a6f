"""Download the W3C Nu HTML Checker (vnu.jar) from the npm registry without needing npm.

    python scripts/fetch_vnu.py VERSION SHA512_INTEGRITY DEST_JAR

Fetches https://registry.npmjs.org/vnu-jar/-/vnu-jar-VERSION.tgz, checks it against the registry's
sha512 integrity string (the `dist.integrity` field of the version's metadata, pinned in the Makefile),
and writes package/build/dist/vnu.jar to DEST_JAR. Does nothing when DEST_JAR already exists.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

TARBALL = "https://registry.npmjs.org/vnu-jar/-/vnu-jar-{version}.tgz"
MEMBER = "package/build/dist/vnu.jar"


def main(version: str, integrity: str, dest: str) -> int:
    target = Path(dest)
    if target.is_file():
        return 0
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512" or not expected:
        print(f"fetch_vnu: expected a sha512-... integrity string, got {integrity!r}", file=sys.stderr)
        return 2
    url = TARBALL.format(version=version)
    print(f"Downloading {url}")
    with urllib.request.urlopen(url, timeout=300) as response:
        data = response.read()
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if actual != expected:
        print(f"fetch_vnu: {url} does not match the pinned integrity\n  expected sha512-{expected}\n"
              f"  got      sha512-{actual}", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        source = archive.extractfile(MEMBER)
        if source is None:
            print(f"fetch_vnu: {MEMBER} is missing from {url}", file=sys.stderr)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        with open(partial, "wb") as out:
            shutil.copyfileobj(source, out)
        partial.replace(target)
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
