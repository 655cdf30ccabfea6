"""The ``briefing`` command: build, serve, check, render, analyze; add and fetch (the only
commands that use the network)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import logging
import os
import sys
from pathlib import Path

from .analyze.briefing import analyze_all
from .corpus.catalog import build_catalog
from .corpus.stories import with_stories
from .publish.exports import briefing_to_dict, corpus_actors, story_place
from .read.files import SeedsFolderMissing
from .model import Page, SeedProblem, printable
from .read.seeds import read_seeds
from .safety import UnsafeOutput, write_pages
from .settings import Settings
from .site import generate

DEFAULT_CONFIG = "mkdocs.yml"
SEEDS_ENV = "BRIEFINGS_SEEDS"
"""mkdocs.yml reads ``seeds_dir`` from this variable (``!ENV [BRIEFINGS_SEEDS, seeds]``)."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SeedsFolderMissing as err:
        print(f"briefing {args.command}: {printable(str(err))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 - one line for the user, the traceback on request
        if args.debug:
            raise
        print(f"briefing {args.command}: internal error ({type(err).__name__}: {printable(str(err))[:300]}); run again with --debug for the traceback", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks of unexpected failures")
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging (implies --debug)")
    parser = argparse.ArgumentParser(prog="briefing", description="Turn news articles into a briefing site.")
    sub = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")
    command = functools.partial(sub.add_parser, parents=[common])  # every command takes --debug and -v

    build = command("build", help="build the static site with MkDocs")
    build.add_argument("--seeds", type=Path, help="folder of seed articles (default: from mkdocs.yml)")
    build.add_argument("--site-dir", type=Path, help="output folder (default: site/)")
    build.add_argument("--strict", action="store_true", help="fail on any bad seed or MkDocs warning")
    build.add_argument("-f", "--config-file", type=Path, default=Path(DEFAULT_CONFIG))
    build.set_defaults(run=_build)

    serve = command("serve", help="preview the site with live reload")
    serve.add_argument("--seeds", type=Path)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("-f", "--config-file", type=Path, default=Path(DEFAULT_CONFIG))
    serve.add_argument("--dirty", action="store_true", help="after an edit, rebuild only the pages whose Markdown changed (large corpora)")
    serve.set_defaults(run=_serve)

    configured = argparse.ArgumentParser(add_help=False)  # settings from mkdocs.yml, as a build
    configured.add_argument("-f", "--config-file", type=Path, default=Path(DEFAULT_CONFIG), help="settings from this file's briefings plugin (default: mkdocs.yml)")

    check = command("check", parents=[common, configured], help="validate every seed; print path:line: message per problem")
    check.add_argument("--seeds", type=Path, help="folder of seed articles (default: from mkdocs.yml)")
    check.set_defaults(run=_check)

    render = command("render", parents=[common, configured], help="write the site's Markdown (generated pages, exports and the docs folder's own files) to a folder")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--seeds", type=Path, help="folder of seed articles (default: from mkdocs.yml)")
    render.add_argument("--templates", type=Path, help="templates folder (default: from mkdocs.yml)")
    render.add_argument("--home", type=Path, help="hand-written home intro (default: docs/index.md of mkdocs.yml)")
    render.set_defaults(run=_render)

    evaluate = command("evaluate", help="score the analysis on annotated data (../shared/eval)")
    evaluate.add_argument("task", choices=("summaries", "entities", "timex", "seed", "actors", "figures", "stories", "roles", "all"))
    evaluate.add_argument("folder", type=Path, help="the eval folder (for all) or the task's dev folder")
    evaluate.add_argument("--limit", type=int, help="only the first N documents (sorted by name)")
    evaluate.add_argument("--seeds", type=Path, default=Path("seeds"), help="where the seed articles are (task seed)")
    evaluate.set_defaults(run=_evaluate)

    explain = command("explain-actor", parents=[common, configured], help="why an actor page holds what it holds: merges and types, with their evidence")
    explain.add_argument("name", help="a name, alias or actor page slug")
    explain.add_argument("--seeds", type=Path, help="folder of seed articles (default: from mkdocs.yml)")
    explain.set_defaults(run=_explain_actor)

    analyze = command("analyze", parents=[common, configured], help="print the analysis of seed files as JSON")
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    analyze.add_argument("--json", action="store_true", required=True, help="JSON output (the only format)")
    analyze.set_defaults(run=_analyze)
    _ingest_parsers(command, [common, configured])
    parser.set_defaults(debug=False, verbose=False)
    return parser


def _ingest_parsers(command, parents: list) -> None:
    from .ingest.fetch import FetchOptions

    defaults = FetchOptions()
    fetching = argparse.ArgumentParser(add_help=False)
    fetching.add_argument("--seeds", type=Path, help="folder the new seeds go into (default: from mkdocs.yml)")
    fetching.add_argument("--timeout", type=_positive(float), default=defaults.timeout, help="seconds a server has to answer, and a page to arrive (default %(default)s)")
    fetching.add_argument("--max-bytes", type=_positive(int), help="largest page or feed read, in bytes (default: the seeds' max_bytes)")
    fetching.add_argument("--delay", type=_positive(float, zero=True), default=defaults.delay, help="seconds between two requests to one host (default %(default)s)")
    fetching.add_argument("--respect-robots", action=argparse.BooleanOptionalAction, default=True, help="fetch only what each host's robots.txt allows (default: on)")
    fetching.add_argument("--user-agent", default=defaults.user_agent, help="the User-Agent sent (default: %(default)r)")

    add = command("add", parents=[*parents, fetching], help="fetch news pages (or read saved .html files) into new seeds")
    add.add_argument("targets", nargs="+", metavar="URL_OR_FILE")
    add.set_defaults(run=_add)

    fetch = command("fetch", parents=[*parents, fetching], help="add the new entries of RSS/Atom feeds or OPML lists (default: the configured feeds)")
    fetch.add_argument("sources", nargs="*", metavar="FEED_URL_OR_OPML")
    fetch.add_argument("--since", type=_iso_date, help="only entries dated on or after YYYY-MM-DD")
    fetch.add_argument("--limit", type=_positive(int), help="fetch at most N new pages per feed")
    fetch.set_defaults(run=_fetch)


def _positive(kind, zero: bool = False):
    def convert(text: str):
        value = kind(text)
        if value < 0 or (value == 0 and not zero):
            raise argparse.ArgumentTypeError(f"must be {'0 or more' if zero else 'more than 0'}, found {text}")
        return value

    convert.__name__ = kind.__name__
    return convert


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, found {text!r}") from None


def _debugging(args) -> bool:
    args.debug = args.debug or args.verbose
    return args.debug


def _print_problem(problem: SeedProblem, args, file=sys.stdout) -> None:
    print(problem, file=file)
    if problem.detail and args.debug:
        print(problem.detail, file=sys.stderr)


def _mkdocs_logging(args) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if _debugging(args) else logging.INFO)


def _build(args) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.seeds is not None:
        os.environ[SEEDS_ENV] = str(args.seeds.resolve())
    _mkdocs_logging(args)
    overrides = {"strict": args.strict}
    if args.site_dir is not None:
        overrides["site_dir"] = str(args.site_dir)
    try:
        config = load_config(config_file=str(args.config_file), **overrides)
        if args.seeds is not None:
            _override_seeds(config, args.seeds)
        build(config)
    except (Abort, ConfigurationError, PluginError) as err:
        print(f"briefing build: {err}", file=sys.stderr)
        return 1
    return 0


def _override_seeds(config, seeds: Path) -> None:
    from mkdocs.exceptions import ConfigurationError

    if not seeds.is_dir():
        raise ConfigurationError(f"--seeds: {seeds} is not a folder")
    config.plugins["briefings"].config.seeds_dir = str(seeds.resolve())


def _serve(args) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.seeds is not None:
        os.environ[SEEDS_ENV] = str(args.seeds.resolve())
    _mkdocs_logging(args)
    try:
        serve(config_file=str(args.config_file), dev_addr=args.dev_addr, livereload=True, build_type="dirty" if args.dirty else None)
    except (Abort, ConfigurationError, PluginError) as err:
        print(f"briefing serve: {err}", file=sys.stderr)
        return 1
    return 0


def _settings(args, **overrides) -> Settings:
    """One source of settings: the briefings plugin's options in the config file (as a build
    reads them), then what the command line sets."""
    seeds = getattr(args, "seeds", None)
    if seeds is not None:
        if not seeds.exists():
            raise SeedsFolderMissing(f"seeds folder {seeds} does not exist")
        os.environ[SEEDS_ENV] = str(seeds.resolve())  # mkdocs.yml reads it; its folder must exist
        overrides["seeds_dir"] = seeds
    settings = settings_from_file(args.config_file)
    return dataclasses.replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def settings_from_file(config_file: Path) -> Settings:
    """The settings a build with ``config_file`` would use (home intro from its docs folder);
    the defaults when there is no such file."""
    config = _load_config(config_file)
    plugin = config.plugins.get("briefings") if config is not None else None  # the BriefingsPlugin, configured
    if plugin is None:
        return Settings()
    home = Path(config.docs_dir) / "index.md"
    return plugin.settings(config, home.read_text(encoding="utf-8") if home.is_file() else "")


@functools.lru_cache(maxsize=4)
def _load_config(config_file: Path):
    """MkDocs' config of ``config_file`` (None when there is no such file), loaded once per command."""
    if not config_file.is_file():
        return None
    from mkdocs.config import load_config

    return load_config(config_file=str(config_file))


def hand_written_pages(config_file: Path) -> tuple[Page, ...]:
    """The files of the docs folder of ``config_file`` as a build hands them to MkDocs beside
    the generated pages: every regular file but ``index.md`` (its text is the home page's
    intro) and hidden ones (MkDocs skips them too). With them the rendered folder is the
    site's whole docs folder, which an engine that runs no MkDocs plugin builds as it is
    (Zensical). A hand-written file at the path of a generated page is an error, as in a build."""
    config = _load_config(config_file)
    if config is None or not Path(config.docs_dir).is_dir():
        return ()
    docs = Path(config.docs_dir)
    files = (p for p in sorted(docs.rglob("*")) if p.is_file() and not p.is_symlink())
    relative = (p.relative_to(docs) for p in files)
    return tuple(Page(r.as_posix(), (docs / r).read_bytes()) for r in relative if r.as_posix() != "index.md" and not any(part.startswith(".") for part in r.parts))


def _check(args) -> int:
    """Reads every seed and applies its overrides (which need the analysis to be checked)."""
    _debugging(args)
    settings = _settings(args)
    corpus = read_seeds(settings.seeds_dir, settings.limits)
    _, override_problems = analyze_all(corpus.articles)
    problems = corpus.problems + override_problems
    for problem in problems:
        _print_problem(problem, args)
    files = len(corpus.articles) + len(corpus.problems)
    print(f"{files} seed file(s): {files - len(problems)} good, {len(problems)} with problems", file=sys.stderr)
    return 1 if problems else 0


def _render(args) -> int:
    intro = args.home.read_text(encoding="utf-8") if args.home is not None and args.home.is_file() else None
    settings = _settings(args, templates_dir=args.templates, home_intro=intro)
    settings = dataclasses.replace(settings, directory_urls=None)  # links in HTML name the .md file, as Markdown links do
    _debugging(args)
    generated = generate(settings)
    for problem in generated.problems:
        _print_problem(problem, args, sys.stderr)
    generated_paths = {page.path for page in generated.pages}
    hand_written = hand_written_pages(args.config_file)
    for page in hand_written:
        if page.path in generated_paths:
            print(f"briefing render: {printable(page.path)} of the docs folder has the path of a generated page; rename it", file=sys.stderr)
            return 1
    try:
        written = write_pages(generated.pages + hand_written, args.out)
    except UnsafeOutput as err:
        print(f"briefing render: {err}", file=sys.stderr)
        return 1
    print(f"wrote {written} page(s) to {args.out}", file=sys.stderr)
    return 0


def _evaluate(args) -> int:
    try:
        from evaluation import tasks as evaluate
    except ImportError:
        print("briefing evaluate: the evaluation runs from a source checkout with the test dependencies (make eval)", file=sys.stderr)
        return 2

    tasks = {
        "summaries": lambda folder: evaluate.evaluate_summaries(folder, args.limit),
        "entities": lambda folder: evaluate.evaluate_entities(folder, args.limit),
        "timex": lambda folder: evaluate.evaluate_timex(folder, args.limit),
        "seed": lambda folder: evaluate.evaluate_seed(folder, args.seeds),
        "actors": lambda folder: evaluate.evaluate_actors(folder),
        "figures": lambda folder: evaluate.evaluate_figures(folder),
        "stories": lambda folder: evaluate.evaluate_stories(folder),
        "roles": lambda folder: evaluate.evaluate_roles(folder),
    }
    chosen = tasks if args.task == "all" else {args.task: tasks[args.task]}
    below = 0
    for name, run in chosen.items():
        subfolder = {"seed": "seed", "actors": "reuters/dev", "figures": "reuters/dev", "stories": "reuters/dev"}.get(name, f"{name}/dev")
        folder = args.folder / subfolder if args.task == "all" else args.folder
        print(f"== {name} ({folder})")
        for score in run(folder):
            print("  " + score.line())
            below += not score.met
    if below:
        print(f"{below} score(s) below target", file=sys.stderr)
    return 1 if below else 0


def _explain_actor(args) -> int:
    """Every actor page matching the name, each briefing's actor on it, and the evidence of
    each decision: why a form is an alias (the rule), why the type (the votes), and the
    name keys that put the briefings' actors on one page."""
    from .corpus.catalog import name_key
    from .site import Generator

    _debugging(args)
    settings = _settings(args)
    generator = Generator()
    briefings, _ = generator.analyze(generator.read(settings).articles, settings)
    catalog = build_catalog(briefings)
    wanted = args.name.casefold()
    entries = [e for e in catalog.actors if wanted in {e.slug, e.name.casefold(), *(a.casefold() for a in e.aliases)}]
    if not entries:
        print(f"briefing explain-actor: no actor named {printable(args.name)!r} in {settings.seeds_dir}", file=sys.stderr)
        return 1
    for entry in entries:
        print(f"{entry.name}  actors/{entry.slug}/  type {entry.type} (voted over {len(entry.appearances)} briefing(s))")
        keys = sorted({name_key(n) for a in entry.appearances for n in (a.actor.name, *a.actor.aliases)})
        print(f"  one page: the briefings' actors share a name key ({', '.join(keys)}) and their types agree or are outvoted")
        for appearance in entry.appearances:
            actor = appearance.actor
            print(f"  {appearance.briefing.slug}: {actor.name!r}, {actor.type}, {len(actor.mentions)} mention(s)")
            for line in actor.evidence:
                print(f"      {printable(line)}")
    return 0


def _analyze(args) -> int:
    _debugging(args)
    settings = _settings(args)
    limits = settings.limits
    articles, problems = [], []
    for path in args.paths:
        corpus = read_seeds(path, limits)
        articles.extend(corpus.articles)
        problems.extend(corpus.problems)
    briefings, override_problems = analyze_all(tuple(articles))
    for problem in (*problems, *override_problems):
        _print_problem(problem, args, sys.stderr)
    failed = bool(problems or override_problems)
    catalog = with_stories(build_catalog(briefings), settings.stories)  # actors' ids and types, stories, across the files given
    json.dump([briefing_to_dict(b, corpus_actors(catalog, b), story_place(catalog, b)) for b in briefings], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if failed else 0


def _intake(args):
    from .ingest.fetch import FetchOptions, Fetcher
    from .ingest.intake import Intake

    _debugging(args)
    settings = _settings(args)
    if not settings.seeds_dir.is_dir():
        raise SeedsFolderMissing(f"seeds folder {settings.seeds_dir} does not exist")
    options = FetchOptions(timeout=args.timeout, max_bytes=args.max_bytes or settings.limits.max_bytes, delay=args.delay, respect_robots=args.respect_robots, user_agent=args.user_agent)
    return settings, Intake(settings.seeds_dir, settings.limits, Fetcher(options))


def _add(args) -> int:
    _, intake = _intake(args)
    for target in args.targets:
        intake.add(target)
    return _ingested(intake)


def _fetch(args) -> int:
    from .ingest.feeds import FeedError, configured_feeds

    settings, intake = _intake(args)
    try:
        sources = args.sources or configured_feeds(settings.feeds, args.config_file.parent)
    except FeedError as err:
        print(f"briefing fetch: {printable(str(err))}", file=sys.stderr)
        return 2
    if not sources:
        print("briefing fetch: no feeds given; name feed URLs or OPML files, or list them under `feeds:` in the briefings plugin of mkdocs.yml or in feeds.yml", file=sys.stderr)
        return 2
    for source in sources:
        intake.fetch(source, args.since, args.limit)
    return _ingested(intake)


def _ingested(intake) -> int:
    print(intake.tally.line(), file=sys.stderr)
    return 1 if intake.tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
