"""Copy data/ into a folder and fill the timeline up to N events (default 5,000) with valid synthetic ones.

    python bench/make_synthetic_data.py [--events 5000] [--seed 1] [DEST]

The real events stay (so their ids and deep links still work); the synthetic ones use only ids that exist
in people.yml, sources.yml and themes.yml, and every date form the grammar allows, so the copy passes the
same validation as the real data. Prints the folder; point DATA_DIR at it to build the site from it.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

WORDS = ("council residents carers volunteers patients neighbours doctors tenants students police "
         "libraries parks schools clinics youth elders families allotments transport housing").split()


def synthetic_date(rng: random.Random) -> str:
    year = rng.randint(1970, 2024)
    kind = rng.random()
    if kind < 0.45:
        return str(year)
    if kind < 0.65:
        return f"{year}-{rng.randint(1, 12):02d}"
    if kind < 0.72:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind < 0.82:
        return f"{rng.choice(['', 'early ', 'mid ', 'late '])}{year // 10 * 10}s"
    if kind < 0.90:
        return f"c. {year}"
    if kind < 0.95:
        return f"after {min(year, 2020)}"
    end = min(year + rng.randint(1, 3) * 10, 2020)
    return f"{year // 10 * 10}s to {end // 10 * 10}s"


def synthetic_events(count: int, people: list[str], sources: list[str], themes: list[str], seed: int) -> list[dict]:
    rng = random.Random(seed)
    events = []
    for n in range(1, count + 1):
        a, b = rng.sample(WORDS, 2)
        events.append({
            "id": f"synthetic-event-{n}",
            "date": synthetic_date(rng),
            "title": f"Synthetic event {n}: {a} and {b} work together",
            "summary": f"A generated event for benchmarks, in which {a} and {b} share the work of a service.",
            "people": rng.sample(people, rng.choice([0, 0, 1, 1, 2])),
            "sources": rng.sample(sources, rng.randint(1, 2)),
            "themes": rng.sample(themes, rng.randint(1, 3)),
        })
    return events


def ids(name: str, key: str) -> list[str]:
    return [record["id"] for record in yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)[key]]


def make(dest: Path, total: int = 5000, seed: int = 1) -> Path:
    """Write a copy of data/ into dest (which must not exist) with `total` timeline events."""
    shutil.copytree(DATA, dest)
    timeline = yaml.load((DATA / "timeline.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    real = timeline["events"]
    extra = synthetic_events(max(total - len(real), 0), ids("people.yml", "people"), ids("sources.yml", "sources"),
                             ids("themes.yml", "themes"), seed)
    header = "# yaml-language-server: $schema=schemas/timeline.schema.json\n# Synthetic benchmark data.\n"
    body = yaml.dump({"events": real + extra}, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1000)
    (dest / "timeline.yml").write_text(header + body, encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", nargs="?", type=Path, help="a folder that does not exist yet (default: a new temporary one)")
    parser.add_argument("--events", type=int, default=5000, help="total timeline events (default 5000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    dest = args.dest or Path(tempfile.mkdtemp(prefix="coproduction-bench-")) / "data"
    print(make(dest, args.events, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
