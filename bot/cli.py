"""The `tyonavi` command line: parses options and calls the library, nothing more."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bot import SHIPPED_KNOWLEDGE, __version__
from bot.answer import Context
from bot.kb import KnowledgeBaseInvalid, load_knowledge_base, validate_directory
from bot.kb.model import LANGUAGES

DEFAULT_DB = "tyonavi.sqlite"


def _engine(kb_dir: str | None):
    from bot.engine import Engine

    return Engine(load_knowledge_base(Path(kb_dir) if kb_dir else SHIPPED_KNOWLEDGE))


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.console import chat

    return chat(_engine(args.kb), language=args.lang)


def cmd_ask(args: argparse.Namespace) -> int:
    engine = _engine(args.kb)
    municipality = None
    if args.municipality:
        municipality = _municipality(engine, args.municipality)
        if municipality is None:
            return 2
    context = Context(language=args.lang, municipality=municipality)
    if args.question == ["-"]:
        for line in sys.stdin:
            question = line.rstrip("\n")
            answer = engine.answer(question, context)
            print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else answer.text, flush=True)
        return 0
    if args.explain:
        answer, trace = engine.explain(" ".join(args.question), context)
        print(trace.format())
        print("")
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=None) if args.json else answer.text)
        return 0
    answer = engine.answer(" ".join(args.question), context)
    print(json.dumps(answer.to_json(), ensure_ascii=False, indent=None) if args.json else answer.text)
    return 0


def _municipality(engine, name: str) -> str | None:
    """The area municipality `name` means, written as people write it ("Kuhmo", "kajaanissa", "Kajana"); None
    after saying on stderr why not and which names work."""
    from bot.engine.named_municipality import area_municipalities, municipality_named

    named = municipality_named(engine, name)
    if named.municipality is None:
        why = f"{named.outside} is outside the employment area" if named.outside else "not recognised"
        print(f"tyonavi: unknown municipality {name!r}: {why}; use one of the area's municipalities: "
              f"{area_municipalities(engine, 'fi')}", file=sys.stderr)
    return named.municipality


def cmd_kb_validate(args: argparse.Namespace) -> int:
    directory = Path(args.dir) if args.dir else SHIPPED_KNOWLEDGE
    errors = validate_directory(directory)
    for error in errors:
        print(error)
    if errors:
        print(f"{len(errors)} error(s): the bot will keep serving the last good version.", file=sys.stderr)
        return 1
    kb = load_knowledge_base(directory)
    print(f"OK: {directory}: {len(kb.municipalities)} municipalities, {len(kb.service_points)} service points, "
          f"{len(kb.services)} services, {len(kb.other_municipalities)} other municipalities.")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.staff.evaluation import DEFAULT_QUESTIONS, evaluate, format_report

    report = evaluate(_engine(args.kb), Path(args.file) if args.file else DEFAULT_QUESTIONS)
    print(format_report(report, show_failures=args.verbose))
    return 0 if report.passed(args.min_accuracy) else 1


def _existing_db(path: str) -> Path | None:
    db = Path(path)
    if not db.is_file():
        print(f"tyonavi: no database at {db} (give the bot's database with --db FILE)", file=sys.stderr)
        return None
    return db


def cmd_report(args: argparse.Namespace) -> int:
    from bot.staff.report import build_report, labels_for, render_html, render_text

    db = _existing_db(args.db)
    if db is None:
        return 1
    report = build_report(db, args.since)
    labels = labels_for(load_knowledge_base(Path(args.kb) if args.kb else SHIPPED_KNOWLEDGE), args.lang)
    if args.html:
        Path(args.html).write_text(render_html(report, labels), encoding="utf-8")
        print(f"Wrote {args.html}: {report.answers} answers, {report.unanswered_count} unanswered.")
    else:
        print(render_text(report, labels), end="")
    return 0


def cmd_kb_lint(args: argparse.Namespace) -> int:
    from bot.conversation.analytics import usage
    from bot.kb.lint import lint

    seen = None
    if args.db:
        db = _existing_db(args.db)
        if db is None:
            return 1
        seen = usage(db)
    findings = lint(Path(args.dir) if args.dir else SHIPPED_KNOWLEDGE, seen)
    for finding in findings:
        print(finding)
    todo = sum(f.kind != "note" for f in findings)
    print(f"{todo} thing(s) to add or check. None of them stops the bot.", file=sys.stderr)
    return 0


def cmd_kb_export(args: argparse.Namespace) -> int:
    from bot.kb.export import export

    text = export(load_knowledge_base(Path(args.dir) if args.dir else SHIPPED_KNOWLEDGE), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_kb_import_ptv(args: argparse.Namespace) -> int:
    from bot.kb.ptv import PtvInvalid
    from bot.kb.ptv_merge import ImportRefused, import_ptv

    export = Path(args.file)
    if not export.is_file():
        print(f"tyonavi: no file at {export} (give the saved PTV export)", file=sys.stderr)
        return 1
    fetched = args.fetched or date.fromtimestamp(export.stat().st_mtime)
    try:
        result = import_ptv(export, Path(args.dir) if args.dir else SHIPPED_KNOWLEDGE, fetched, write=not args.dry_run)
    except (PtvInvalid, ImportRefused) as exc:
        print("tyonavi: the PTV import stopped; nothing was written:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(result.report())
    if not result.changed:
        print("No change: the knowledge base already has what the file says.")
    elif args.dry_run:
        print("")
        print(result.yaml_diff(), end="")
        print(f"Nothing written (--dry-run). Run again without --dry-run to write {result.file}.")
    else:
        print(f"Wrote {result.file}. Check it (git diff) and run `tyonavi kb validate`.")
    return 0


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as 2026-01-31") from None


def cmd_backup(args: argparse.Namespace) -> int:
    from bot.config import HASH_KEY_VARIABLE, ConfigError, load_config
    from bot.operations.backup import BackupRefused, backup_database

    try:
        config = load_config(args.config)
        result = backup_database(config.storage_path, args.to)
    except (ConfigError, BackupRefused) as exc:
        print(f"tyonavi: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {result.path} ({result.size} bytes), checked with PRAGMA integrity_check.")
    print(f"The key is not in it: keep a copy of {HASH_KEY_VARIABLE} or of {result.key_file} apart from the backup; "
          "without it a restored database's settings match nobody.")
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    from bot.operations.health import check

    health = check(args.config, online=args.online)
    if not health.ok:
        print(f"tyonavi health: {health.problem}", file=sys.stderr)
        return 1
    print(health.summary)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from handlers.telegram.app import run

    return run(args.config)


def cmd_web(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, config_from_dict, load_config
    from handlers.web.app import serve

    try:
        config = load_config(args.config) if args.config else None
    except ConfigError as exc:
        print(f"tyonavi: {exc}", file=sys.stderr)
        return 2
    kb_dir = args.kb or (config.knowledge_path if config else None)
    chosen = config
    config = config or config_from_dict({})
    return serve(_engine(kb_dir), config, host=args.host or config.web_host, port=args.port or config.web_port or 8080,
                 database=chosen is not None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tyonavi", description="TyöNavi: where to go for employment services "
                                     "in the Kainuu–Koillismaa employment area.")
    parser.add_argument("--version", action="version", version=f"tyonavi {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    kb_option = argparse.ArgumentParser(add_help=False)
    kb_option.add_argument("--kb", metavar="DIR", help="knowledge-base directory (default: the shipped one)")

    chat = sub.add_parser("chat", parents=[kb_option], help="chat with the bot in this terminal (no token needed)")
    chat.add_argument("--lang", choices=list(LANGUAGES), help="answer in this language")
    chat.set_defaults(func=cmd_chat)

    ask = sub.add_parser("ask", parents=[kb_option], help="answer one question ('-': one per line from stdin)")
    ask.add_argument("--lang", choices=list(LANGUAGES), help="answer in this language")
    ask.add_argument("--municipality", metavar="NAME",
                     help="home municipality as people write it, e.g. Kuhmo, kajaanissa, Kajana, ristijarvi")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line with '-')")
    ask.add_argument("--explain", action="store_true",
                     help="first print the evidence found, the readings that competed and why the winner won")
    ask.add_argument("question", nargs="+", help="the question, or - to read questions from stdin")
    ask.set_defaults(func=cmd_ask)

    kb = sub.add_parser("kb", help="knowledge-base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    validate = kb_sub.add_parser("validate", help="check the knowledge base; exit 1 on errors")
    validate.add_argument("dir", nargs="?", help="knowledge-base directory (default: the shipped one)")
    validate.set_defaults(func=cmd_kb_validate)
    lint = kb_sub.add_parser("lint", help="what the knowledge base still lacks (contacts, hours, texts, phrasings)")
    lint.add_argument("dir", nargs="?", help="knowledge-base directory (default: the shipped one)")
    lint.add_argument("--db", metavar="FILE", help="the bot's database: also list phrasings no question matched")
    lint.set_defaults(func=cmd_kb_lint)
    export = kb_sub.add_parser("export", help="service points as open data: JSON-LD, CSV or a static HTML page")
    export.add_argument("--format", required=True, choices=["jsonld", "csv", "html"], help="output format")
    export.add_argument("--output", metavar="FILE", help="write here (default: standard output)")
    export.add_argument("dir", nargs="?", help="knowledge-base directory (default: the shipped one)")
    export.set_defaults(func=cmd_kb_export)
    ptv_import = kb_sub.add_parser("import-ptv", help="merge a saved PTV (Suomi.fi Palvelutietovaranto) export of "
                                   "service locations into service_points.yaml")
    ptv_import.add_argument("file", help="the PTV Open API v11 answer, saved as JSON")
    ptv_import.add_argument("dir", nargs="?", help="knowledge-base directory (default: the shipped one)")
    ptv_import.add_argument("--dry-run", action="store_true", help="only print what would change")
    ptv_import.add_argument("--fetched", metavar="DATE", type=_date,
                            help="the day the export was fetched, for the source line (default: the file's date)")
    ptv_import.set_defaults(func=cmd_kb_import_ptv)

    report = sub.add_parser("report", parents=[kb_option],
                            help="unanswered questions, answers per municipality/topic/language, trend")
    report.add_argument("--db", metavar="FILE", default=DEFAULT_DB, help=f"the bot's database (default: {DEFAULT_DB})")
    report.add_argument("--since", metavar="DATE", type=_date, help="only from this date on (YYYY-MM-DD, UTC)")
    report.add_argument("--html", metavar="FILE", help="write an HTML page with a trend chart instead")
    report.add_argument("--lang", choices=list(LANGUAGES), default="fi",
                        help="name topics and municipalities in this language (default: fi)")
    report.set_defaults(func=cmd_report)

    ev = sub.add_parser("eval", parents=[kb_option], help="accuracy per category on the evaluation set")
    ev.add_argument("--file", help="questions YAML (default: tests/eval/questions.yaml)")
    ev.add_argument("--min-accuracy", type=float, default=0.95, help="exit 1 if a category is below this")
    ev.add_argument("-v", "--verbose", action="store_true", help="list every failed question")
    ev.set_defaults(func=cmd_eval)

    backup = sub.add_parser("backup", help="a consistent copy of the bot's database, safe while the bot runs")
    backup.add_argument("--config", metavar="FILE", help="the bot's config YAML (its storage.path is copied)")
    backup.add_argument("--to", metavar="PATH", required=True,
                        help="a new file, or a directory to write tyonavi-YYYYMMDD-HHMMSS.sqlite in")
    backup.set_defaults(func=cmd_backup)

    health = sub.add_parser("health", help="exit 0 when the bot can serve, else 1 and one line naming the problem")
    health.add_argument("--config", metavar="FILE", help="the bot's config YAML")
    health.add_argument("--online", action="store_true",
                        help="also ask Telegram (getMe) whether the token in TELEGRAM_BOT_TOKEN works")
    health.set_defaults(func=cmd_health)

    run = sub.add_parser("run", help="run the Telegram bot (token from TELEGRAM_BOT_TOKEN)")
    run.add_argument("--config", metavar="FILE", help="config YAML (see config.example.yaml)")
    run.set_defaults(func=cmd_run)

    web = sub.add_parser("web", parents=[kb_option], help="serve the web chat and its JSON API (no token needed)")
    web.add_argument("--config", metavar="FILE", help="config YAML: its knowledge.path is used unless --kb is given")
    web.add_argument("--host", help="address to listen on (default: the config's web.host, else 127.0.0.1)")
    web.add_argument("--port", type=int, help="port to listen on (default: the config's web.port, else 8080)")
    web.set_defaults(func=cmd_web)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KnowledgeBaseInvalid as exc:
        print("tyonavi: the knowledge base has errors:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
