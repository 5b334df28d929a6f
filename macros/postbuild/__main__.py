"""python -m macros.postbuild SITE_DIR [-f CONFIG]: the post-build steps on a site another generator built.

CONFIG is the mkdocs.yml the site was built from (default: mkdocs.yml), read without mkdocs
(macros/config_file.py). `--csp` only prints the site's Content-Security-Policy and changes nothing.
Exit 0 when done; 1, with one message and no traceback, when something must be fixed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.config_file import ConfigFileError, read_config
from macros.errors import SettingsError
from macros.postbuild import PostBuildError, csp, run
from macros.site import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.postbuild", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the folder of built pages")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the config the site was built from (default: mkdocs.yml)")
    parser.add_argument("--csp", action="store_true", help="only print the Content-Security-Policy; change nothing")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}: not a built site (it has no index.html)", file=sys.stderr)
        return 1
    try:
        if args.csp:
            print(csp.site_policy(args.site_dir))
            return 0
        settings = Settings.from_config(read_config(args.config_file), args.config_file)
        run(args.site_dir, settings)
    except SettingsError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except csp.UnsafeMarkupError as err:
        print(f"{csp.REFUSAL}: {err}", file=sys.stderr)
        return 1
    except (ConfigFileError, PostBuildError) as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
