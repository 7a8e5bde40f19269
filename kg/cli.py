"""`kg` on the command line: a thin shell over `kg.pipeline.KnowledgeGraph`.

Every command takes `--store PATH` (default ./kg-data). Failures print one line naming
the input and what is wrong, and exit 1 (bad input, does not conform) or 2 (could not run).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, KgError
from .federation_cli import add_config_option, add_parsers, cmd_export, cmd_federate, cmd_import, open_kg
from .namespaces import DEFAULT_BASE
from .pipeline import KnowledgeGraph
from .results import format_results
from .server.cli import add_serve_parser, cmd_serve

__all__ = ["main"]

DEFAULT_STORE = "kg-data"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from news articles.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        default=DEFAULT_STORE,
        help="store folder or http(s) SPARQL 1.1 server URL (default: store= in kg.toml, else ./kg-data)",
    )
    common.add_argument(
        "--base", default=DEFAULT_BASE, help=f"base IRI for minted data (default: {DEFAULT_BASE})"
    )
    common.add_argument(
        "--pipeline", default=None, help="spaCy pipeline name or folder (default: the shipped one)"
    )
    add_config_option(common)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser(
        "ingest",
        parents=[common],
        help="add articles: .txt/.html files, .json/.jsonl/.csv records, URLs, feeds, folders, - (stdin)",
    )
    s.add_argument(
        "paths",
        nargs="+",
        help="files, folders (recursive), http(s) URLs or feeds, or - for standard input; "
        "a .txt file's first line is the title",
    )
    s.add_argument("--json", action="store_true", help="print the summary as JSON")
    s.add_argument("--quiet", action="store_true", help="print only failures")
    s.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: all cores)"
    )
    s.add_argument(
        "--batch-size",
        type=int,
        default=None,
        metavar="N",
        help="new articles per bulk write (default: 64); results are reported once written",
    )
    s.add_argument("--feed", action="store_true", help="treat URLs and .xml inputs as RSS/Atom feeds")
    s.add_argument("--text-field", default="text", help="record field holding the text (default: text)")
    s.add_argument("--title-field", default="title", help="record field holding the title (default: title)")
    s.add_argument("--date-field", default="date", help="record field holding the date (default: date)")
    s.add_argument("--url-field", default="url", help="record field holding the URL (default: url)")
    s.add_argument(
        "--max-bytes", type=int, default=None, metavar="N", help="size cap per article or download (20 MB)"
    )
    s.add_argument("--timeout", type=float, default=20.0, help="network timeout in seconds (default: 20)")

    s = sub.add_parser("query", parents=[common], help="run a SPARQL query over the union of article graphs")
    s.add_argument("query", help="SPARQL text or a path to a .rq file")
    s.add_argument(
        "--format",
        default="table",
        help="table|json|xml|csv|tsv (SELECT/ASK); turtle|ntriples|nquads|trig|jsonld|rdfxml (CONSTRUCT)",
    )
    s.add_argument("--graph", action="append", default=None, help="query only this named graph (repeatable)")

    sub.add_parser(
        "validate",
        parents=[common],
        help="validate the whole store against the shapes (exit 0 conforms, 1 does not, 2 could not run)",
    )

    sub.add_parser("stats", parents=[common], help="count articles, claims, meetings, actors and quads")

    s = sub.add_parser("eval", parents=[common], help="measure extraction against gold annotations")
    s.add_argument("task", choices=["attribution", "entities", "parse"])
    s.add_argument(
        "--gold",
        required=True,
        help="attribution: folder of BRAT .ann/.txt (PolNeAR layout); "
        "entities: re3d folder or UNER .iob2 file; parse: .conllu file",
    )
    s.add_argument("--format", default="table", choices=["table", "json"])
    s.add_argument(
        "--content-convention",
        default="clause",
        choices=["clause", "proposition"],
        help="attribution: score content as the reported clause with its 'that' and quotation "
        "marks, as PolNeAR marks it (default), or as kg's bare proposition",
    )

    add_serve_parser(sub, common)
    add_parsers(sub, common)  # federate, import, export

    s = sub.add_parser("retract", parents=[common], help="remove one article graph by its IRI")
    s.add_argument("article", help="the article IRI")
    return p


def _read_query(text: str) -> str:
    """A query given inline or as a file; only short one-line text can name a file (a
    long query would make the file-system check fail on its length)."""
    p = Path(text)
    looks_like_path = len(text) < 255 and "\n" not in text and "{" not in text
    if text.endswith(".rq") or (looks_like_path and p.is_file()):
        if not p.is_file():
            raise InputError(f"{text}: query file not found")
        return p.read_text(encoding="utf-8")
    return text


def _open(args: argparse.Namespace, read_only: bool = False) -> KnowledgeGraph:
    return open_kg(args, read_only=read_only)


def cmd_ingest(args: argparse.Namespace) -> int:
    import time

    from .ingest import MAX_BYTES, SourceOptions
    from .parallel import default_jobs
    from .sources.records import FieldMap
    from .writer import DEFAULT_BATCH_SIZE

    if args.jobs < 0:
        raise InputError(f"--jobs {args.jobs}: give a number of worker processes, or 0 for all cores")
    if args.batch_size is not None and args.batch_size <= 0:
        raise InputError(f"--batch-size {args.batch_size}: give a positive number of articles")
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise InputError(f"--max-bytes {args.max_bytes}: must be positive")
    if args.timeout <= 0:
        raise InputError(f"--timeout {args.timeout}: must be positive")
    options = SourceOptions(
        fields=FieldMap(args.text_field, args.title_field, args.date_field, args.url_field),
        feed=args.feed,
        max_bytes=args.max_bytes or MAX_BYTES,
        timeout=args.timeout,
    )
    kg = _open(args)
    bar = _progress_bar(enabled=not args.quiet and not args.json)
    emit = bar.write if bar is not None else None
    words = 0
    started = time.monotonic()

    def on_result(r) -> None:
        nonlocal words
        if r.status == "rejected":
            _line(f"rejected: {r.message}", sys.stderr, emit)
            if r.report and not args.json:
                _line(r.report.rstrip("\n"), sys.stderr, emit)
        elif not args.quiet and not args.json:
            _line(
                f"{r.status}: {r.origin} -> {r.article}" + (f" ({r.quads} quads)" if r.quads else ""),
                sys.stdout,
                emit,
            )
        if bar is not None:
            bar.update(1)

    try:
        summary = kg.ingest(
            args.paths,
            jobs=args.jobs or default_jobs(),
            options=options,
            on_result=on_result,
            keep_results=args.json,
            batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
        )
    finally:
        if bar is not None:
            bar.close()
    elapsed = time.monotonic() - started
    done = sum(summary.count(s) for s in ("added", "replaced", "unchanged", "rejected"))
    if args.json:
        print(
            json.dumps(
                {
                    "ingested": summary.count("added"),
                    "replaced": summary.count("replaced"),
                    "unchanged": summary.count("unchanged"),
                    "rejected": summary.count("rejected"),
                    "seconds": round(elapsed, 3),
                    "articles_per_second": round(done / elapsed, 3) if elapsed else None,
                    "reasons": [r.message for r in summary.results if r.status == "rejected"],
                    "results": [r.__dict__ for r in summary.results],
                },
                indent=2,
            )
        )
    elif not args.quiet:
        print(
            f"{summary.count('added')} added, {summary.count('replaced')} replaced, "
            f"{summary.count('unchanged')} unchanged, {summary.count('rejected')} rejected; "
            f"{len(kg.store)} quads in {kg.store.path} "
            f"({elapsed:.1f} s, {done / elapsed if elapsed else 0:.2f} inputs/s)"
        )
        if summary.failed:
            print(f"{summary.count('rejected')} inputs rejected (reasons above)", file=sys.stderr)
    return 1 if summary.failed else 0


def _progress_bar(enabled: bool):
    """A tqdm bar on stderr with articles/s, only when a person is watching (a TTY)."""
    if not enabled or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False)


def _line(text: str, stream, emit) -> None:
    if emit is not None:
        emit(text, file=stream)
    else:
        print(text, file=stream, flush=True)


def cmd_query(args: argparse.Namespace) -> int:
    kg = _open(args, read_only=True)
    graphs = [ox.NamedNode(g) for g in args.graph] if args.graph else None
    results = kg.query(_read_query(args.query), default_graph=graphs)
    sys.stdout.write(format_results(results, args.format).rstrip("\n") + "\n")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    kg = _open(args, read_only=True)
    report = kg.validate()
    if report.conforms:
        print(f"conforms: {len(kg.store)} quads in {len(kg.store.graphs())} graphs")
        return 0
    print(report.text)
    print(f"does not conform: {report.violations} violations", file=sys.stderr)
    return 1


def cmd_stats(args: argparse.Namespace) -> int:
    kg = _open(args, read_only=True)
    for k, v in kg.stats().items():
        print(f"{k}: {v}")
    return 0


def cmd_retract(args: argparse.Namespace) -> int:
    kg = _open(args)
    if not kg.retract(args.article):
        raise InputError(f"{args.article}: no such article graph in {kg.store.path}")
    print(f"retracted: {args.article}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    if not gold.exists():
        raise InputError(f"{gold}: no such file or folder")
    if args.task == "attribution":
        from .evaluation.attribution import evaluate_attribution, extractor_predictor

        predictor = extractor_predictor(args.pipeline, args.content_convention)
        report: dict = evaluate_attribution(gold, predictor)
    else:
        from .nlp import load_pipeline
        from .nlp.evaluate import evaluate_entities_iob, evaluate_entities_re3d, evaluate_parse

        nlp = load_pipeline(args.pipeline)
        try:
            if args.task == "parse":
                report = evaluate_parse(nlp, gold)
            elif gold.is_file():
                report = evaluate_entities_iob(nlp, gold)
            else:
                report = evaluate_entities_re3d(nlp, gold)
        except ValueError as e:
            raise InputError(f"{gold}: {e}") from None
    if args.format == "json":
        print(json.dumps(report, indent=2))
        return 0
    for key, value in report.items():
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            for role, prf in value.items():
                print(f"{key:8} {role:8} " + "  ".join(f"{k[0].upper()} {v:.3f}" for k, v in prf.items()))
        elif isinstance(value, dict):
            print(f"{key:14} " + "  ".join(f"{k[0].upper()} {v:.3f}" for k, v in value.items()))
        else:
            print(f"{key:8} {value:.4f}" if isinstance(value, float) else f"{key:8} {value}")
    return 0


COMMANDS = {
    "ingest": cmd_ingest,
    "query": cmd_query,
    "validate": cmd_validate,
    "export": cmd_export,
    "stats": cmd_stats,
    "retract": cmd_retract,
    "eval": cmd_eval,
    "serve": cmd_serve,
    "federate": cmd_federate,
    "import": cmd_import,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KgError as e:
        print(f"kg {args.command}: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kg query ... | head`
        sys.stderr.close()
        return 0
    finally:
        gc.collect()  # release the store's lock before an in-process caller opens it again


if __name__ == "__main__":
    sys.exit(main())
