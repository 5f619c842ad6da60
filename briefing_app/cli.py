"""`briefing-app` entry point: the GUI by default, and headless subcommands (DESIGN §3)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from briefing_app import __version__
from briefing_app.domain.wording import count
from briefing_app.storage.target import is_server_url

SUBCOMMANDS = ("analyze", "import", "export-briefing", "eval", "eval-commitments", "list", "lessons", "desk", "gui")

#: Exit status when the database is open in a Briefing Builder window (nothing was done).
EXIT_DATABASE_IN_USE = 3


class UserError(Exception):
    """A mistake of the user's: reported as one line on stderr, exit status 2."""


class DatabaseInUse(Exception):
    """The database is held by a window: reported as one line on stderr, exit status 3."""


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-app",
        description="Briefing Builder. Without a subcommand the window opens. "
                    f"Subcommands: {', '.join(SUBCOMMANDS[:-1])} (see `briefing-app SUBCOMMAND -h`).",
    )
    parser.add_argument("--version", action="version", version=f"briefing-app {__version__}")
    parser.add_argument("--db", help="database file (default: one in your user data folder), or a desk database "
                        "URL such as postgresql+psycopg://officer@deskserver/briefings")
    parser.add_argument("--open", dest="open_file", metavar="FILE", help="import and show FILE")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="wait for analysis, save a PNG of the window and exit")
    parser.add_argument("--size", help="window size WxH (default: as last time; first time, the whole screen)")
    parser.add_argument("--model", help="spaCy pipeline name or path (default: the bundled model)")
    return parser


def _sub_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-app")
    subs = parser.add_subparsers(dest="command", required=True)

    p = subs.add_parser("analyze", help="print the analysis of FILE as JSON")
    p.add_argument("file")
    p.add_argument("--db", help="apply the corrections stored in this database")
    p.add_argument("--model", help="spaCy pipeline name or path")

    p = subs.add_parser("import", help="import and analyse files or folders into a database")
    p.add_argument("paths", nargs="+")
    p.add_argument("--db", required=True)
    p.add_argument("--model")

    p = subs.add_parser("export-briefing", help="write a .docx briefing")
    p.add_argument("--db", required=True)
    p.add_argument("--articles", default="", help="comma-separated article ids (auto-draft)")
    p.add_argument("--briefing", type=int, help="export this stored briefing")
    p.add_argument("--title")
    p.add_argument("--classification")
    p.add_argument("--template", help="a .docx house-style template")
    p.add_argument("--out", required=True)

    p = subs.add_parser("eval", help="precision/recall/F1 against gold annotations")
    p.add_argument("gold_dir", nargs="+")
    p.add_argument("--model")
    p.add_argument("--no-domain", action="store_true", help="model alone, without the domain resources")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--learning-curve", action="store_true",
                   help="simulate a perfect officer correcting k = 0, 5, 10, 20 articles; print F1 on the others")
    p.add_argument("--train", metavar="GOLD_DIR",
                   help="with --learning-curve: correct articles of this folder and score all of GOLD_DIR")
    p.add_argument("--seeds", type=int, default=3,
                   help="with --learning-curve: average over this many shuffled orders of the articles (default 3)")

    p = subs.add_parser("eval-commitments", help="precision/recall/F1 of commitments against *.commitments.json gold")
    p.add_argument("gold_dir")
    p.add_argument("text_dir", nargs="+", help="folders holding the gold files' texts")
    p.add_argument("--model")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--errors", action="store_true", help="also list missed and spurious commitments")

    p = subs.add_parser("list", help="list the articles of a database")
    p.add_argument("--db", required=True)

    p = subs.add_parser("lessons", help="share what the tagger learned: export or import lessons (JSON Lines)")
    lsubs = p.add_subparsers(dest="lessons_command", required=True)
    q = lsubs.add_parser("export", help="write the database's lessons to a JSON Lines file")
    q.add_argument("--db", required=True)
    q.add_argument("--out", required=True)
    q = lsubs.add_parser("import", help="add the lessons of a JSON Lines file to the database")
    q.add_argument("file")
    q.add_argument("--db", required=True)
    q = lsubs.add_parser("list", help="list the database's active lessons")
    q.add_argument("--db", required=True)

    p = subs.add_parser("desk", help="offline laptops: take a copy of a desk database, bring the edits back")
    dsubs = p.add_subparsers(dest="desk_command", required=True)
    q = dsubs.add_parser("take-copy", help="copy the desk library into a new SQLite file for working offline")
    q.add_argument("--db", required=True, help="the desk database")
    q.add_argument("--out", required=True, help="the new file (its base versions go beside it, .desk.json)")
    part = q.add_mutually_exclusive_group()
    part.add_argument("--articles", help="only these articles, e.g. 3,7,12 (default: the whole library)")
    part.add_argument("--briefing", type=int, help="only this briefing and its articles")
    q = dsubs.add_parser("bring-back", help="merge the edits made in a copy into the desk; conflicts are listed")
    q.add_argument("file", help="the copy taken with take-copy")
    q.add_argument("--db", required=True, help="the desk database")
    q.add_argument("--officer", default="", help="your name in the rows brought back (default: your login)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS and args_list[0] != "gui":
            args = _sub_parser().parse_args(args_list)
            return _run_subcommand(args)
        if args_list and args_list[0] == "gui":
            args_list = args_list[1:]
        args = _gui_parser().parse_args(args_list)
        return _run_gui(args)
    except UserError as exc:
        print(f"briefing-app: error: {exc}", file=sys.stderr)
        return 2
    except DatabaseInUse as exc:
        print(f"briefing-app: error: {exc}", file=sys.stderr)
        return EXIT_DATABASE_IN_USE
    except KeyboardInterrupt:
        return 130


def _run_gui(args: argparse.Namespace) -> int:
    """The window, with its analysis process started first: spaCy loads on the other core while Qt is
    imported and the window paints (issue 17)."""
    from briefing_app.nlp.early_process import discard_early, start_early

    start_early(args.model or _saved_model())
    try:
        from briefing_app.gui.app import run_gui

        return run_gui(args)
    finally:
        discard_early()  # never claimed (the launch failed): stop it


def _saved_model() -> str | None:
    """The model named in the settings file, read without the settings module (pydantic is a long import);
    None for the default. A wrong guess only costs a restart: the window starts the model it settles on."""
    try:
        from briefing_app.storage.paths import config_dir

        data = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, ImportError):
        return None
    model = data.get("model") if isinstance(data, dict) else None
    return model if isinstance(model, str) and model else None


def _run_subcommand(args: argparse.Namespace) -> int:
    from briefing_app.importers import ImportFailed
    from briefing_app.storage.errors import StorageError

    handlers = {
        "analyze": _cmd_analyze, "import": _cmd_import, "export-briefing": _cmd_export,
        "eval": _cmd_eval, "eval-commitments": _cmd_eval_commitments, "list": _cmd_list, "lessons": _cmd_lessons,
        "desk": _cmd_desk,
    }
    from briefing_app.storage.errors import storage_error_from

    try:
        with _database_lock(getattr(args, "db", None), args.command):
            return handlers[args.command](args)
    except (ImportFailed, StorageError) as exc:
        raise UserError(str(exc)) from exc
    except UserError:
        raise
    except Exception as exc:
        # A full disk or a database kept busy by another program: one line, never a traceback.
        db = getattr(args, "db", None)
        problem = storage_error_from(exc, Path(db).expanduser().resolve() if db and not is_server_url(db) else None)
        if problem is None:
            raise
        raise UserError(str(problem)) from exc


@contextmanager
def _database_lock(db: str | None, command: str) -> Iterator[None]:
    """Hold ``db``'s lock (shared with other command-line tasks) while a subcommand runs.

    Every subcommand that takes ``--db`` passes through here before it opens the
    database, so none can run beside a window: the window's SQLite locks can be
    lost to a file dialog (see storage/db_lock.py) and a second process would
    then damage its database.
    """
    if not db or is_server_url(db) or not Path(db).expanduser().parent.is_dir():
        # (A desk database on a server has no file to lock: its own locks and the version
        # columns keep concurrent writers apart.)
        # No folder, so no database and no window on it: leave the folder uncreated (the
        # subcommand decides whether to make one, or refuses).
        yield
        return
    from briefing_app.storage.db_lock import DatabaseLock

    lock = DatabaseLock(Path(db), role=f"briefing-app {command}")
    if not lock.acquire():
        raise DatabaseInUse(lock.refusal())
    try:
        yield
    finally:
        lock.release()


def _open_services(db: str) -> object:
    from briefing_app.services import Services

    return Services.open(db)


def _analyzer(model: str | None, commitments: bool = False) -> object:
    from briefing_app.nlp.analyzer import create_analyzer
    from briefing_app.settings import load_settings

    analyzer = create_analyzer(model or load_settings().model or None, find_commitments=commitments)
    if analyzer.mode != "model":
        print(f"briefing-app: warning: {analyzer.mode_message}", file=sys.stderr)
    return analyzer


def _cmd_analyze(args: argparse.Namespace) -> int:
    from briefing_app.importers import load_document

    path = Path(args.file)
    if not path.exists():
        raise UserError(f"{args.file}: no such file")
    doc = load_document(path)
    analyzer = _analyzer(args.model, commitments=True)  # the contract carries "commitments"
    if args.db:
        from briefing_app.services import Services

        services = Services.open(args.db)
        try:
            lessons = services.lessons.compiled(analyzer)  # type: ignore[arg-type]
        finally:
            services.close()
        analyzer = analyzer.with_lessons(lessons)  # type: ignore[attr-defined]
    result = analyzer.analyze(doc.text)  # type: ignore[attr-defined]
    json.dump(result.to_json(), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    """Import files and folders, one line per file; analyse what was imported.

    Exit status 0 when every file was imported or already in the library (pipes, sockets and
    devices found in a folder are skipped, not failed), 1 when any file failed (the others
    are still imported), 2 for a usage error.
    """
    from briefing_app.services import Services
    from briefing_app.services.analysis import AnalysisService
    from briefing_app.services.articles import ImportStopped
    from briefing_app.storage.errors import storage_error_from

    services = Services.open(args.db)
    stopped: ImportStopped | None = None
    analysed = 0
    try:
        if services.db.read_only:
            raise UserError(f"{args.db} is read-only; nothing can be imported into it")
        try:
            outcomes = services.articles.import_files([Path(p) for p in args.paths])
        except ImportStopped as exc:  # the database could not be written: report what was stored
            stopped, outcomes = exc, exc.outcomes
        # A duplicate never analysed (an earlier import was interrupted) is analysed now.
        unanalysed = {o.article_id for o in outcomes if o.status == "duplicate" and o.article_id is not None
                      and not services.articles.is_analysed(o.article_id)}
        analysis: AnalysisService | None = None
        if unanalysed and stopped is None:
            analysis = AnalysisService(services.db, _analyzer(args.model))  # type: ignore[arg-type]
        for outcome in outcomes:
            if outcome.status == "imported":
                assert outcome.article_id is not None
                # Said before its analysis, which takes minutes for a long report: the officer sees the file
                # was stored instead of a silent terminal.
                print(f"imported #{outcome.article_id}: {outcome.name}: {outcome.title}", flush=True)
                for warning in outcome.warnings:
                    print(f"warning: {outcome.name}: {warning}", file=sys.stderr)
                if stopped is None:  # after a stop nothing more is written (the model is not even loaded)
                    if analysis is None:
                        analysis = AnalysisService(services.db, _analyzer(args.model))  # type: ignore[arg-type]
                    try:
                        analysis.analyze_article(outcome.article_id)
                        analysed += 1
                    except Exception as exc:
                        problem = storage_error_from(exc, services.db.path)
                        if problem is None:
                            raise
                        stopped = ImportStopped(problem, outcomes)
            elif outcome.status == "duplicate":
                if analysis is not None and stopped is None and outcome.article_id in unanalysed:
                    analysis.analyze_article(outcome.article_id)
                    unanalysed.discard(outcome.article_id)
                    outcome.message += " It had not been analysed; analysed now."
                print(f"duplicate: {outcome.name}: {outcome.message}")
            elif outcome.status == "skipped" and not outcome.message.startswith("Not imported"):
                print(f"skipped: {outcome.name}: {outcome.message}")
            elif stopped is None or not outcome.message.startswith("Not imported"):
                print(f"failed: {outcome.message}", file=sys.stderr)
    finally:
        services.close()
    if stopped is not None:
        print(f"briefing-app: error: {stopped.summary(analysed)}", file=sys.stderr)
        return 1
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("imported", "duplicate", "failed", "skipped")}
    if not outcomes:
        from briefing_app.importers import SUPPORTED_SUFFIXES

        print(f"briefing-app: error: no importable files found (supported: {', '.join(SUPPORTED_SUFFIXES)})",
              file=sys.stderr)
        return 1
    skipped = f", {counts['skipped']} skipped (not regular files)" if counts["skipped"] else ""
    print(f"{counts['imported']} imported, {counts['duplicate']} already in the library, {counts['failed']} failed"
          + skipped)
    return 0 if counts["failed"] == 0 else 1


def _cmd_export(args: argparse.Namespace) -> int:
    from briefing_app.export import ExportFailed, export_docx
    from briefing_app.services import Services
    from briefing_app.services.export_request import check_export_request
    from briefing_app.settings import load_settings
    from briefing_app.storage.errors import StorageError

    # Checked before anything is stored, so a mistake leaves no half-made draft behind.
    try:
        args.classification = check_export_request(args.db, args.template, args.classification,
                                                   load_settings().classifications)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    services = Services.open(args.db)
    drafted: int | None = None
    try:
        if args.briefing is not None:
            briefing = services.briefings.get(args.briefing)
            if briefing is None:
                raise UserError(f"no briefing #{args.briefing} in {args.db}")
            briefing_id = args.briefing
        else:
            try:
                ids = [int(x) for x in args.articles.split(",") if x.strip()]
            except ValueError as exc:
                raise UserError("--articles takes comma-separated article numbers, e.g. 1,2") from exc
            if not ids:
                raise UserError("give --articles ID[,ID...] or --briefing ID")
            unknown = [i for i in ids if services.articles.get(i) is None]
            if unknown:
                raise UserError(f"no article #{unknown[0]} in {args.db}")
            from briefing_app.settings import load_settings

            settings = load_settings()
            created = services.briefings.create_draft(
                ids, title=args.title, from_=settings.author,
                classification=args.classification or settings.default_classification,
            )
            assert created.id is not None
            briefing_id = drafted = created.id
        fields: dict[str, object] = {}
        if args.title:
            fields["title"] = args.title
        if args.classification:
            fields["classification"] = args.classification
        if fields:
            services.briefings.update(briefing_id, **fields)
        document = services.briefings.document(briefing_id)
    except Exception as exc:
        if drafted is not None:  # nothing will be exported: do not keep the draft made for it
            note = _discard_draft(services, drafted)
            if note:
                raise UserError(f"{_storage_message(exc, args.db)}{note}") from exc
        raise
    finally:
        services.close()
    if args.template and not Path(args.template).is_file():
        raise UserError(f"{args.template}: no such template file")
    try:
        out = export_docx(document, args.out, template=args.template)
    except ExportFailed as exc:
        note = ""
        if drafted is not None:  # nothing was exported: do not keep the draft made for it
            try:
                services = Services.open(args.db)
            except StorageError as open_exc:
                note = f" The draft briefing #{drafted} made for it could not be removed ({open_exc})."
            else:
                try:
                    note = _discard_draft(services, drafted)
                finally:
                    services.close()
        raise UserError(f"{exc}{note}") from exc
    print(f"wrote {out} (briefing #{briefing_id})")
    if document.page_budget:  # the Briefing tab says it beside the estimate; a script's user is told too
        from briefing_app.export.pagination import estimate_note_pages

        pages = estimate_note_pages(document, args.template)
        if pages > document.page_budget:
            print(f"warning: estimated {pages:.1f} pages, over the {document.page_budget:g}-page budget; "
                  "trim or remove passages", file=sys.stderr)
    return 0


def _storage_message(exc: BaseException, db: str) -> str:
    from briefing_app.storage.errors import storage_error_from

    problem = storage_error_from(exc, None if is_server_url(db) else Path(db).expanduser().resolve())
    return str(problem if problem is not None else exc).rstrip(".") + "."


def _discard_draft(services: object, briefing_id: int) -> str:
    """Delete the draft made for a failed export; "" when done, else a sentence saying it is still there."""
    from briefing_app.storage.errors import reason_clause, storage_error_from

    try:
        services.briefings.delete(briefing_id)  # type: ignore[attr-defined]
    except Exception as exc:
        problem = storage_error_from(exc, services.db.path)  # type: ignore[attr-defined]
        if problem is None:
            raise
        return f" The draft briefing #{briefing_id} made for it could not be removed ({reason_clause(problem)})."
    return ""


def _cmd_eval(args: argparse.Namespace) -> int:
    from briefing_app.nlp.analyzer import create_analyzer
    from briefing_app.nlp.evaluation import evaluate, find_gold_files

    files: list[Path] = []
    for folder in args.gold_dir:
        if not Path(folder).is_dir():
            raise UserError(f"{folder}: not a folder")
        files.extend(find_gold_files(Path(folder)))
    if not files:
        raise UserError("no *.gold.json files found")
    analyzer = create_analyzer(args.model, use_domain=not args.no_domain)
    if args.learning_curve:
        return _learning_curve(args, files, analyzer)
    report = evaluate(files, analyzer)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.to_text())
    return 0


def _cmd_eval_commitments(args: argparse.Namespace) -> int:
    from briefing_app.nlp.analyzer import create_analyzer
    from briefing_app.nlp.commitment_eval import evaluate_commitments, find_commitment_gold

    for folder in [args.gold_dir, *args.text_dir]:
        if not Path(folder).is_dir():
            raise UserError(f"{folder}: not a folder")
    files = find_commitment_gold(Path(args.gold_dir))
    if not files:
        raise UserError(f"no *.commitments.json files in {args.gold_dir}")
    analyzer = create_analyzer(args.model, find_commitments=True)
    if analyzer.mode != "model":
        raise UserError(f"commitments need the spaCy model: {analyzer.mode_message}")

    def predict(text: str) -> list[dict[str, object]]:
        return [c.to_json() for c in analyzer.analyze(text).commitments]

    try:
        report = evaluate_commitments(files, [Path(d) for d in args.text_dir], predict)
    except (FileNotFoundError, KeyError, ValueError) as exc:
        raise UserError(f"bad gold: {exc}") from exc
    print(json.dumps(report.to_json(), indent=2) if args.json else report.to_text())
    if args.errors:
        print("\n".join(report.errors))
    return 0


def _learning_curve(args: argparse.Namespace, files: list[Path], analyzer: object) -> int:
    from briefing_app.nlp.evaluation import find_gold_files
    from briefing_app.services.learning_curve import averaged_curve

    if args.seeds < 1:
        raise UserError("--seeds must be at least 1")
    train_files = None
    if args.train:
        if not Path(args.train).is_dir():
            raise UserError(f"{args.train}: not a folder")
        train_files = find_gold_files(Path(args.train))  # the same articles the dev curve corrects
    curve = averaged_curve(files, analyzer, seeds=[13, *range(1, args.seeds)][:args.seeds],  # type: ignore[arg-type]
                           train_files=train_files, progress=lambda msg: print(msg, file=sys.stderr))
    print(json.dumps(curve.to_json(), indent=2) if args.json else curve.to_text())
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from briefing_app.services import Services

    services = Services.open(args.db)
    try:
        for row in services.articles.list_summaries():
            print(f"{row.id}\t{row.status}\t{row.entity_count} entities\t{row.pillar_count} pillar tags\t{row.title}")
    finally:
        services.close()
    return 0


def _cmd_desk(args: argparse.Namespace) -> int:
    from briefing_app.services import Services
    from briefing_app.services.desk_copy import CopySlice, bring_back, take_copy

    services = Services.open(args.db, officer=getattr(args, "officer", ""))
    try:
        if args.desk_command == "take-copy":
            try:
                ids = None if not args.articles else tuple(int(i) for i in args.articles.split(",") if i.strip())
            except ValueError as exc:
                raise UserError(f"--articles takes article ids separated by commas, not {args.articles!r}") from exc
            try:
                rows = take_copy(services.db, Path(args.out), CopySlice(article_ids=ids, briefing_id=args.briefing))
            except ValueError as exc:
                raise UserError(str(exc)) from exc
            print(f"copied {rows} rows into {args.out}")
            return 0
        try:
            report = bring_back(services.db, Path(args.file))
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        for conflict in report.conflicts:
            print(f"conflict: {conflict}")
        print(f"brought back: {report.updated} changed, {report.added} added, {report.deleted} deleted, "
              f"{report.unchanged} unchanged, {count(len(report.conflicts), 'conflict')}")
        return 1 if report.conflicts else 0
    finally:
        services.close()


def _cmd_lessons(args: argparse.Namespace) -> int:
    from briefing_app.domain.models import LESSON_KIND_NAMES
    from briefing_app.services import Services
    from briefing_app.services.lessons import LessonFileError, label_word

    if args.lessons_command == "import" and not Path(args.file).exists():  # a folder is said by the service
        raise UserError(f"{args.file}: no such file")
    if args.lessons_command in ("export", "list") and not is_server_url(args.db) and not Path(args.db).is_file():
        raise UserError(f"{args.db}: no such database")
    services = Services.open(args.db)
    try:
        if args.lessons_command == "export":
            try:
                n = services.lessons.export_jsonl(args.out)
            except OSError as exc:
                raise UserError(f"{args.out}: cannot write ({exc.strerror or exc})") from exc
            print(f"wrote {n} lessons to {args.out}")
        elif args.lessons_command == "import":
            if services.db.read_only:
                raise UserError(f"{args.db} is read-only; nothing can be imported into it")
            try:
                n = services.lessons.import_jsonl(args.file)
            except LessonFileError as exc:
                raise UserError(str(exc)) from exc
            print(f"imported {n} lessons from {args.file}")
        else:
            # the database's pillar names, as the window shows them (an officer may have renamed one)
            pillar_names = {p.id: p.name for p in services.pillars.all()}
            for lesson in services.lessons.all():
                # kinds, labels and pillars in the words the GUI shows ("Relabelled", "Country or city",
                # "Security"), never the codes stored (relabel, GPE, security)
                detail = label_word(lesson, lesson.label, pillar_names)
                if lesson.from_label and lesson.from_label != lesson.label:
                    detail = f"{label_word(lesson, lesson.from_label, pillar_names)} -> {detail}"
                if lesson.canonical:  # a merge: the name it joins, as the Lessons tab says it
                    detail = f"{detail} = {lesson.canonical}"
                kind = LESSON_KIND_NAMES.get(lesson.action, lesson.action)
                print(f"{lesson.id}\t{kind}\t{detail}\t{lesson.text[:80]}")
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
