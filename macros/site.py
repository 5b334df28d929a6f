"""The site's settings, built once per build from the generator's config and passed to whatever needs them.

`Settings.from_config(conf, config_file)` takes a plain mapping of the config (mkdocs' own config object,
the dict Zensical's macros give `define_env`, or a mkdocs.yml read by `macros.config_file`) and the path of
the file it came from. It reads the council block once, and settles the data folder (DATA_DIR) and the build
date (SOURCE_DATE_EPOCH) once, so no module keeps its own copy of them.

`Settings.for_build(conf, config_file)` does the same but keeps the result in the config mapping itself:
every step of one build receives that mapping (mkdocs makes a new one for each build, so `mkdocs serve`
reads the settings again after an edit), and so the hooks and `define_env` share one Settings without a
module global.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from macros.council import Council, display, read_council
from macros.load import load_content
from macros.models import Content

# Where the engine itself is installed: its partials are here, whichever site it builds.
ENGINE_ROOT = Path(__file__).resolve().parent.parent
# Where for_build keeps the settings in the config mapping. Not a config option: nobody writes it in a file.
CONFIG_KEY = "explainer_settings"


def build_date(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """The day the site is built: the day of SOURCE_DATE_EPOCH when set (reproducible builds), else today, in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def long_date(day: datetime.date) -> str:
    """'22 November 2026', with no leading zero and the month in English whatever the machine's locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True)
class Settings:
    """Everything about this copy of the site that is not its content."""

    config_file: Path  # the config it was built from, absolute
    project_dir: Path  # the folder of the site's pages and data: the one that holds docs_dir
    data_dir: Path  # the national data: DATA_DIR, or data/ in the project folder
    docs_dir: Path
    site_name: str
    site_url: str  # '' when unset: every link is then relative, and embeds and the sitemap have no host
    use_directory_urls: bool
    build_date: datetime.date
    council: Council | None = None  # extra.council, checked; None for the national site

    @classmethod
    def from_config(cls, conf: Mapping, config_file: str | os.PathLike,
                    environ: Mapping[str, str] = os.environ) -> Settings:
        """The settings of the config `conf`, read from `config_file`. Raises CouncilError for a bad council block."""
        config_file = Path(config_file).resolve()
        docs_dir = (config_file.parent / (conf.get("docs_dir") or "docs")).resolve()
        # The data sits beside the pages: a council's config, two folders down, names the same docs_dir
        # (../../docs), so it gets the same national data. Not the engine's folder: a copy of the project
        # built with an engine installed elsewhere still reads its own data.
        project_dir = docs_dir.parent
        return cls(
            config_file=config_file,
            project_dir=project_dir,
            data_dir=Path(environ.get("DATA_DIR") or project_dir / "data"),
            docs_dir=docs_dir,
            site_name=conf.get("site_name") or "",
            site_url=conf.get("site_url") or "",
            use_directory_urls=conf.get("use_directory_urls", True) is not False,
            build_date=build_date(environ),
            council=read_council(conf.get("extra"), config_file, project_dir),
        )

    @classmethod
    def for_build(cls, conf: Mapping, config_file: str | os.PathLike,
                  environ: Mapping[str, str] = os.environ) -> Settings:
        """The settings this build already made (kept in `conf`), or new ones, kept there for the next step."""
        found = conf.get(CONFIG_KEY)
        if isinstance(found, cls) and found.config_file == Path(config_file).resolve():
            return found
        found = cls.from_config(conf, config_file, environ)
        if isinstance(conf, MutableMapping):
            conf[CONFIG_KEY] = found
        return found

    @property
    def build_day(self) -> str:
        """The build date as the pages print it: '22 November 2026'."""
        return long_date(self.build_date)

    @property
    def build_year(self) -> int:
        return self.build_date.year

    @property
    def config_label(self) -> str:
        """The config file as messages name it: 'examples/harbourside/mkdocs.yml'."""
        return display(self.config_file, self.project_dir)

    @property
    def local_records(self) -> dict:
        """The keyword arguments `load_content` takes for a council's local records; {} for the national site."""
        council = self.council
        if council is None or council.data is None:
            return {}
        return {"local_dir": council.data, "local_label": council.data_label, "local_name": council.name}



def load_site_content(settings: Settings) -> Content:
    """The site's validated content: the national data folder, and a council's local records. Raises ContentError."""
    return load_content(settings.data_dir, **settings.local_records)


def read_schemas(settings: Settings) -> dict[str, bytes]:
    """{file name: bytes} of every JSON Schema in the data folder, as the open data publishes them."""
    return {p.name: p.read_bytes() for p in sorted((settings.data_dir / "schemas").glob("*.schema.json"))}
