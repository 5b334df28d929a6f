"""zip_dir.py FOLDER OUT.zip: zip FOLDER (as the top folder inside the archive) reproducibly.

Files go in sorted order with the timestamp of SOURCE_DATE_EPOCH (the last commit, set by the
Makefile) rather than the build time, so the same sources always give the same zip.
"""

import os
import sys
import time
import zipfile
from pathlib import Path


def zip_dir(folder: Path, out: Path) -> None:
    stamp = time.gmtime(max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), 315532800))[:6]  # zip starts at 1980
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder.parent).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


if __name__ == "__main__":
    zip_dir(Path(sys.argv[1]), Path(sys.argv[2]))
