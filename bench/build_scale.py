"""How the build grows with the data and the pages, what our generator costs on top of plain mkdocs-material,
and how fast `mkdocs serve` shows a data edit.

    python bench/build_scale.py [--scales 1,10,100] [--repeats 3] [--large-repeats 1] [--quick]
                                [--profile SCALE] [--no-live-reload]

For each scale s (1 = the real site) it makes a temporary copy of the project (bench/scale_data.py) with s
times the real timeline events, definitions, sources, cases and people, and extra topic pages that call the
timeline, definition, typology and cite macros: round(real pages x s / 10), so 0 at 1x, about the real page
count at 10x and ten times it at 100x. Why not s times the pages: a site with 100 times the records does not
get 100 times the hand-written pages (the records land on the same few list pages), and a few hundred pages
in an explicit nav is already where material's navigation (every page renders the whole nav) shows its
cost; 2,700 pages would take most of an hour per build on two CPUs. So pages grow 1x, 2x, 11x while the
data grows 1x, 10x, 100x.

Figures, per scale (medians of the repeats; all runs are in bench/results.json):
  pages        mkdocs pages built: the Markdown pages plus the generated component embeds (hooks/embeds.py).
               The site also holds an embed.html beside every page and a 404, counted in the HTML figures.
  records      records in all collections after loading (events, definitions... eras, course modules).
  build        wall time of `mkdocs build --strict` in a subprocess (NO_MKDOCS_2_WARNING=1, a fixed
               SOURCE_DATE_EPOCH, SITE_URL=""), including Python start-up; per page and per record.
  load         macros.load.load_content on the scaled data, in this process: reading, schema checks,
               references, records. The build does the same in macros' define_env (its on_config).
  search       site/search/search_index.json, raw and gzipped (level 6).
  HTML         every .html file of the site: median and largest file, and total bytes / number of files.
  plain        the same pages built by plain mkdocs-material: the Markdown as the macros rendered it (saved
               by an instrumented build), with the same theme options, Markdown extensions, nav and search
               plugin, but no custom_dir, hooks or macros plugin. Built without --strict, because the
               generated embed pages and links into the embed views exist only with our hooks.
  overhead     build / plain. The target is at most 1.10.
  growth       log-log slope of build time against the number of records between consecutive scales: 1 is
               linear, at most 1.15 counts as linear. Pages grow more slowly than records, so a slope above
               1.15 means something grows faster than the content.
  stages       from the instrumented build: hook modules that stamp the time first (priority 100) and last
               (priority -100) in every mkdocs event. "on_X" is the time the plugins and hooks spend in event
               X (summed over pages); "X -> Y" is mkdocs' own work between two events (e.g. page_markdown
               -> page_content: Markdown to HTML; page_context -> post_page: rendering the theme template).
               Shown as each stage's share of the instrumented build times the median timed build, so that
               other work on the machine during that one build does not look like growth.
  live reload  on the real site (1x): `mkdocs serve --dirty` running, as `make serve` runs it, the title of
               one timeline event in data/timeline.yml changed to a unique marker, then /history/ polled
               every 20 ms until the marker is served; time from the file write. The target is under 1 s.

`--profile SCALE` also runs one full build at that scale under cProfile and prints the costliest of our
own functions (macros/, hooks/) by cumulative time. The figures are written to bench/results.json.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import math
import os
import platform
import pstats
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

from bench import scale_data  # noqa: E402
from macros.load import forget_checked_files, load_content  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
SOURCE_DATE_EPOCH = "1700000000"  # fixed, so the sitemap and "built on" dates do not depend on the clock
TARGET_OVERHEAD = 1.10
LINEAR_SLOPE = 1.15
TARGET_RELOAD_S = 1.0
LARGE_SCALE = 100  # from this scale on, --large-repeats applies: one 100x build takes minutes on 2 CPUs

# Every mkdocs event a build goes through, in order (on_serve and on_build_error are left out).
EVENTS = ("startup", "config", "pre_build", "files", "nav", "pre_page", "page_read_source", "page_markdown",
          "page_content", "env", "page_context", "post_page", "post_build", "shutdown")

# Written into the copy as hooks/_bench_first.py and _bench_last.py. Each stamps every event with
# time.perf_counter() (one clock for both) and writes its stamps when the process ends. The last one
# also saves each page's Markdown as the macros rendered it, with its front matter, for the plain build: the
# HTML blocks the adapter set aside (macros/adapters/html_blocks.py) are written back in as final HTML.
HOOK = '''"""Written by bench/build_scale.py into a temporary copy of the project: timestamps every mkdocs event."""
import atexit, json, os, time
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

NAME, PRIORITY = {name!r}, {priority}
OUT = Path(os.environ["BENCH_INSTRUMENT_DIR"])
MARKS = []


def _dump(markdown, page):
    from macros.adapters import mkdocs as adapter

    markdown = adapter.blocks.expand(markdown)  # the macros' HTML, written in where its tokens stand
    meta = {{k: v for k, v in page.meta.items() if k != "template"}}  # embed.html exists only in overrides/
    head = "---\\n" + yaml.safe_dump(meta, allow_unicode=True, width=1000) + "---\\n\\n" if meta else ""
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(head + markdown, encoding="utf-8")


def _handler(event):
    @event_priority(PRIORITY)
    def handler(*args, **kwargs):
        MARKS.append((event, NAME, time.perf_counter()))
        if event == "page_markdown" and NAME == "last":
            _dump(args[0], kwargs["page"])
        return args[0] if args else None  # pass the item through unchanged (None where there is none)
    return handler


for _event in {events!r}:
    globals()["on_" + _event] = _handler(_event)

atexit.register(lambda: (OUT / (NAME + ".json")).write_text(json.dumps(MARKS)))
'''


# --- running mkdocs ------------------------------------------------------------------------------------

def build_env(project: Path | None = None, **extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "SITE_URL": ""}
    if project is not None:  # the copy's engine: without it the hooks import the checkout's (an editable install)
        env["PYTHONPATH"] = str(project)
    env.pop("DATA_DIR", None)  # the copy reads its own data/ (macros/site.py: beside its docs_dir)
    return {**env, **extra}


@dataclass(frozen=True)
class Timing:
    """One build's wall time, and the processor time it used (user + system): waiting while other processes
    have their turn counts in the first only."""

    wall: float
    cpu: float


def mkdocs_build(project: Path, config: str, site: Path, strict: bool = True, prefix: list[str] = (),
                 **env: str) -> Timing:
    """Build, and return its timing in seconds. Exits with mkdocs' output if the build fails."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, *prefix, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    started, before = time.perf_counter(), os.times()
    result = subprocess.run(command + (["--strict"] if strict else []), cwd=project, env=build_env(project, **env),
                            capture_output=True, text=True)
    seconds, after = time.perf_counter() - started, os.times()
    if result.returncode:
        sys.exit(f"the build of {project / config} failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return Timing(seconds, cpu)


def load_seconds(data: Path) -> tuple[float, dict[str, int]]:
    """Time macros.load.load_content on a data folder, reading every file afresh; also return the record counts."""
    forget_checked_files()  # a load from nothing, as a build's first is
    started = time.perf_counter()
    content = load_content(data)
    seconds = time.perf_counter() - started
    return seconds, content.counts()


# --- the instrumented build and the plain one ----------------------------------------------------------

def instrumented_build(project: Path, site: Path, out: Path) -> tuple[dict[str, float], int]:
    """Build once with the timing hooks; the rendered Markdown lands in out/docs. Returns (stages, pages).

    The stages are shares of this one build, scaled to the median timed build (see measure_scale): the
    machine is shared, and a burst of other work during this build would otherwise look like growth.
    """
    for name, priority in (("first", 100), ("last", -100)):
        (project / "hooks" / f"_bench_{name}.py").write_text(HOOK.format(name=name, priority=priority,
                                                                         events=EVENTS), encoding="utf-8")
    config = scale_data.write_bench_config(project, extra_nav=_extra_nav(project),
                                           extra_hooks=["hooks/_bench_first.py", "hooks/_bench_last.py"],
                                           name="mkdocs-instrumented.yml")
    out.mkdir(parents=True)
    mkdocs_build(project, config.name, site, BENCH_INSTRUMENT_DIR=str(out))
    marks = sorted(json.loads((out / "first.json").read_text()) + json.loads((out / "last.json").read_text()),
                   key=lambda mark: mark[2])
    return stages(marks), sum(1 for event, name, _ in marks if event == "pre_page" and name == "first")


def stages(marks: list) -> dict[str, float]:
    """Seconds per stage, from the sorted (event, first|last, time) stamps.

    first -> last of one event is the plugins' and hooks' time in it; last of one -> first of the next is
    mkdocs' own work between them. Summed over pages.
    """
    totals: dict[str, float] = {}
    for (event_a, name_a, t_a), (event_b, name_b, t_b) in zip(marks, marks[1:]):
        label = f"on_{event_a}" if (event_a, name_a, name_b) == (event_b, "first", "last") else f"{event_a} -> {event_b}"
        totals[label] = totals.get(label, 0.0) + t_b - t_a
    return totals


def _extra_nav(project: Path) -> list[str]:
    topics = project / "docs" / "topics"
    return [f"topics/{p.name}" for p in sorted(topics.glob("*.md"), key=lambda p: int(p.stem.split("-")[-1]))] \
        if topics.is_dir() else []


def plain_project(project: Path, rendered: Path, dest: Path) -> Path:
    """A project that builds the rendered Markdown with plain mkdocs-material and the same options."""
    shutil.copytree(project / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.md"))  # css, js, images
    shutil.copytree(rendered, dest / "docs", dirs_exist_ok=True)
    config = scale_data.read_config(project)
    config["nav"] = scale_data.read_config(project, scale_data.BENCH_CONFIG)["nav"]
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    config["plugins"] = [p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) == "search"]
    # The component embeds are generated pages outside the nav, as in the real build.
    config["not_in_nav"] = (config.get("not_in_nav") or "") + "/embed/\n"
    config["strict"] = False
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


# --- what the build wrote ------------------------------------------------------------------------------

def site_sizes(site: Path) -> dict:
    index = (site / "search" / "search_index.json").read_bytes()
    html = sorted((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html"))
    return {
        "search_index_bytes": len(index),
        "search_index_gzip_bytes": len(gzip.compress(index, compresslevel=6, mtime=0)),
        "html_files": len(html),
        "html_bytes_median": int(statistics.median(size for size, _ in html)),
        "html_bytes_max": html[-1][0],
        "html_largest": html[-1][1],
        "html_bytes_total": sum(size for size, _ in html),
        "html_bytes_per_file": sum(size for size, _ in html) // len(html),
    }


# --- one scale -----------------------------------------------------------------------------------------

def extra_pages(scale: int) -> int:
    """See the module docstring: 0 at 1x, about the real page count at 10x, ten times it at 100x."""
    real = sum(1 for _ in (ROOT / "docs").rglob("*.md"))
    return round(real * scale / 10) if scale > 1 else 0


def measure_scale(scale: int, repeats: int, tmp: Path, profile: bool) -> dict:
    project, _ = scale_data.make(tmp / "project", scale, extra_pages(scale))
    print(f"  {scale}x: copy made ({extra_pages(scale)} extra pages); loading and validating the data...", flush=True)
    loads = [load_seconds(project / "data") for _ in range(repeats)]
    records = loads[0][1]
    print(f"  {scale}x: instrumented build (stages, rendered Markdown)...", flush=True)
    stage_s, pages = instrumented_build(project, tmp / "site-instrumented", tmp / "rendered")
    plain = plain_project(project, tmp / "rendered" / "docs", tmp / "plain")
    builds, plains = [], []
    for run in range(repeats):
        # Full and plain builds alternate, so a burst of load from other work on the machine hits both.
        builds.append(mkdocs_build(project, scale_data.BENCH_CONFIG, tmp / "site"))
        plains.append(mkdocs_build(plain, "mkdocs.yml", tmp / "site-plain", strict=False))
        print(f"  {scale}x: run {run + 1}/{repeats}: build {builds[-1].wall:.1f} s, plain {plains[-1].wall:.1f} s "
              f"(processor time {builds[-1].cpu:.1f} s, {plains[-1].cpu:.1f} s)", flush=True)
    result = {
        "scale": scale, "pages": pages, "extra_pages": extra_pages(scale), "records": records,
        "records_total": sum(records.values()), "repeats": repeats,
        "build_s": statistics.median(b.wall for b in builds), "build_runs_s": [b.wall for b in builds],
        "plain_build_s": statistics.median(p.wall for p in plains), "plain_build_runs_s": [p.wall for p in plains],
        "build_cpu_s": statistics.median(b.cpu for b in builds), "build_cpu_runs_s": [b.cpu for b in builds],
        "plain_build_cpu_s": statistics.median(p.cpu for p in plains), "plain_build_cpu_runs_s": [p.cpu for p in plains],
        "load_validate_s": statistics.median(s for s, _ in loads), "load_validate_runs_s": [s for s, _ in loads],
        **site_sizes(tmp / "site"), "stages_instrumented_s": stage_s,
    }
    # Each stage's share of the instrumented build, times the median timed build (instrumented_build says why).
    total = sum(stage_s.values())
    result["stages_s"] = {k: v * result["build_s"] / total for k, v in stage_s.items()}
    result["per_page_ms"] = 1000 * result["build_s"] / pages
    result["per_record_ms"] = 1000 * result["build_s"] / result["records_total"]
    result["overhead_ratio"] = result["build_s"] / result["plain_build_s"]
    result["overhead_cpu_ratio"] = result["build_cpu_s"] / result["plain_build_cpu_s"]
    if profile:
        result["profile"] = profile_build(project, tmp)
    return result


def profile_build(project: Path, tmp: Path, top: int = 15) -> list[dict]:
    """One full build under cProfile: our functions (macros/, hooks/) by cumulative time."""
    out = tmp / "build.prof"
    print("  profiling one full build...", flush=True)
    mkdocs_build(project, scale_data.BENCH_CONFIG, tmp / "site-profiled", prefix=["-m", "cProfile", "-o", str(out)])
    ours = [(stat[3], stat[2], f"{Path(file).relative_to(project)}:{line}({name})")
            for (file, line, name), stat in pstats.Stats(str(out)).stats.items()
            if str(project) in file and ("/macros/" in file or "/hooks/" in file)]
    return [{"function": f, "cumulative_s": round(cum, 3), "own_s": round(own, 3)}
            for cum, own, f in sorted(ours, reverse=True)[:top]]


# --- live reload ---------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def set_first_event_title(timeline: Path, title: str) -> None:
    """Change the first event's title line in data/timeline.yml, leaving every other byte as it was."""
    lines = timeline.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    lines[first] = lines[first][: lines[first].index("title:")] + f"title: {title}"
    timeline.write_text("\n".join(lines), encoding="utf-8")


def live_reload(tmp: Path, repeats: int, timeout: float = 120.0) -> list[float]:
    """Seconds from a data edit to the edited page being served by `mkdocs serve`, once per repeat."""
    project = scale_data.copy_project(tmp / "serve-project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/history/"
    log = (tmp / "serve.log").open("w")
    # Its own process group, so the server and anything it starts are ended together.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=build_env(project), stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    times = []
    try:
        deadline = time.monotonic() + timeout
        while fetch(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start; see {tmp / 'serve.log'}")
            time.sleep(0.1)
        for run in range(repeats):
            marker = f"Live reload marker {run} {time.time_ns()}"
            time.sleep(0.5)  # let the watcher settle after the previous rebuild
            set_first_event_title(project / "data" / "timeline.yml", marker)
            written = time.perf_counter()
            while marker not in (fetch(url) or ""):
                if time.perf_counter() - written > timeout:
                    raise RuntimeError(f"the marker never appeared; see {tmp / 'serve.log'}")
                time.sleep(0.02)
            times.append(time.perf_counter() - written)
            print(f"  live reload {run + 1}/{repeats}: {times[-1]:.2f} s", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
    return times


# --- reporting -----------------------------------------------------------------------------------------

def slope(a: float, b: float, x_a: float, x_b: float) -> float:
    return math.log(b / a) / math.log(x_b / x_a)


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def print_table(results: list[dict]) -> None:
    columns = [
        ("scale", lambda r: f"{r['scale']}x"),
        ("pages", lambda r: str(r["pages"])),
        ("records", lambda r: f"{r['records_total']:,}"),
        ("build", lambda r: f"{r['build_s']:.1f} s"),
        ("per page", lambda r: f"{r['per_page_ms']:.0f} ms"),
        ("per record", lambda r: f"{r['per_record_ms']:.2f} ms"),
        ("load", lambda r: f"{r['load_validate_s']:.2f} s"),
        ("search idx", lambda r: _kb(r["search_index_bytes"])),
        ("gzip", lambda r: _kb(r["search_index_gzip_bytes"])),
        ("HTML med", lambda r: _kb(r["html_bytes_median"])),
        ("HTML max", lambda r: _kb(r["html_bytes_max"])),
        ("HTML/file", lambda r: _kb(r["html_bytes_per_file"])),
        ("plain", lambda r: f"{r['plain_build_s']:.1f} s"),
        ("overhead", lambda r: f"{r['overhead_ratio']:.2f}"),
        ("on CPU", lambda r: f"{r['overhead_cpu_ratio']:.2f}"),
        ("runs", lambda r: str(r["repeats"])),
    ]
    cells = [[name for name, _ in columns]] + [[cell(r) for _, cell in columns] for r in results]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
    for r in results:
        records = ", ".join(f"{k} {v}" for k, v in r["records"].items() if k in ("events", "definitions", "sources",
                                                                                  "cases", "people"))
        print(f"  {r['scale']}x: {records}; {r['html_files']} HTML files, largest {r['html_largest']}")


def print_verdicts(results: list[dict]) -> None:
    for r in results:
        met = "met" if r["overhead_ratio"] <= TARGET_OVERHEAD else "NOT met"
        met_cpu = "met" if r["overhead_cpu_ratio"] <= TARGET_OVERHEAD else "NOT met"
        print(f"Overhead at {r['scale']}x: {r['overhead_ratio']:.2f} (build {r['build_s']:.1f} s / plain "
              f"{r['plain_build_s']:.1f} s); target <= {TARGET_OVERHEAD:.2f}: {met}. In processor time: "
              f"{r['overhead_cpu_ratio']:.2f} ({r['build_cpu_s']:.1f} s / {r['plain_build_cpu_s']:.1f} s): {met_cpu}")
    for a, b in zip(results, results[1:]):
        s_records = slope(a["build_s"], b["build_s"], a["records_total"], b["records_total"])
        s_pages = slope(a["build_s"], b["build_s"], a["pages"], b["pages"])
        verdict = "linear" if s_records <= LINEAR_SLOPE else "FASTER than linear"
        print(f"Growth {a['scale']}x -> {b['scale']}x: build time x{b['build_s'] / a['build_s']:.1f} for records "
              f"x{b['records_total'] / a['records_total']:.1f} and pages x{b['pages'] / a['pages']:.1f}; log-log "
              f"slope {s_records:.2f} against records ({s_pages:.2f} against pages): {verdict} (<= {LINEAR_SLOPE})")
    print_stages(results)


def print_stages(results: list[dict], top: int = 10) -> None:
    """The costliest stages at the largest scale, with their time at each scale and their growth."""
    last = results[-1]
    names = sorted(last["stages_s"], key=lambda k: -last["stages_s"][k])[:top]
    print(f"Where the time goes (the {top} largest stages at {last['scale']}x; seconds: each stage's share of "
          f"the instrumented build times the median build):")
    print(f"  {'stage':34}" + "".join(f"{str(r['scale']) + 'x':>9}" for r in results) + "   slope vs records")
    for name in names:
        values = [r["stages_s"].get(name, 0.0) for r in results]
        growth = ""
        if len(results) > 1 and values[-2] > 0.01 and values[-1] > 0:
            s = slope(values[-2], values[-1], results[-2]["records_total"], last["records_total"])
            growth = f"{s:6.2f}" + ("  <- faster than the data" if s > LINEAR_SLOPE else "")
        print(f"  {name:34}" + "".join(f"{v:9.2f}" for v in values) + f"   {growth}")
    for r in results:
        if r.get("profile"):
            print(f"Our costliest functions in one profiled build at {r['scale']}x (cumulative s, own s):")
            for row in r["profile"]:
                print(f"  {row['cumulative_s']:8.2f} {row['own_s']:8.2f}  {row['function']}")


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "mkdocs": metadata.version("mkdocs"), "mkdocs-material": metadata.version("mkdocs-material"),
            "mkdocs-macros-plugin": metadata.version("mkdocs-macros-plugin"),
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the real data (default 1,10,100)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per figure (default 3)")
    parser.add_argument("--large-repeats", type=int, default=1,
                        help=f"timed runs at scales of {LARGE_SCALE}x and more (default 1: each build takes minutes)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: scales 1,10, one run each")
    parser.add_argument("--profile", type=int, metavar="SCALE", help="also profile one full build at this scale")
    parser.add_argument("--no-live-reload", action="store_true", help="skip the mkdocs serve measurement")
    args = parser.parse_args(argv)
    scales = [1, 10] if args.quick else sorted(int(s) for s in args.scales.split(","))
    repeats = 1 if args.quick else args.repeats
    results, reload_runs = [], []
    started = time.perf_counter()
    print(f"Build benchmark at scales {', '.join(f'{s}x' for s in scales)}; {repeats} runs per figure"
          + (f", {min(repeats, args.large_repeats)} at {LARGE_SCALE}x and over (each build takes minutes)"
             if any(s >= LARGE_SCALE for s in scales) else "") + f"; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="coproduction-build-scale-") as tmp:
        for scale in scales:
            runs = min(repeats, args.large_repeats) if scale >= LARGE_SCALE else repeats
            (Path(tmp) / str(scale)).mkdir()
            results.append(measure_scale(scale, runs, Path(tmp) / str(scale), args.profile == scale))
        if not args.no_live_reload:
            reload_runs = live_reload(Path(tmp), 5 if not args.quick else 2)
    print()
    print_table(results)
    print()
    print_verdicts(results)
    if reload_runs:
        median = statistics.median(reload_runs)
        print(f"Live reload (mkdocs serve, 1x, edit data/timeline.yml -> /history/ serves it): median "
              f"{median:.2f} s of {len(reload_runs)} ({', '.join(f'{t:.2f}' for t in reload_runs)}); "
              f"target < {TARGET_RELOAD_S:.0f} s: {'met' if median < TARGET_RELOAD_S else 'NOT met'}")
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
    RESULTS.write_text(json.dumps({
        "machine": machine(), "source_date_epoch": SOURCE_DATE_EPOCH, "scales": results,
        "live_reload_s": statistics.median(reload_runs) if reload_runs else None, "live_reload_runs_s": reload_runs,
        "targets": {"overhead_ratio": TARGET_OVERHEAD, "linear_slope": LINEAR_SLOPE, "live_reload_s": TARGET_RELOAD_S},
    }, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
