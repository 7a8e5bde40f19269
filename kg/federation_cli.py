"""Command-line shells for federation and exchange: `kg federate`, `kg import`, `kg export`.

`kg.cli` wires them in:

    common = argparse.ArgumentParser(add_help=False)
    ...                                   # --store (default None), --base, --pipeline
    add_config_option(common)             # BEFORE any sub-parser copies `common`
    ...
    add_parsers(sub, common)              # federate, import, export

and opens stores with `open_kg(args)` so `--config`/`kg.toml` (peers, `store =`) apply to
every command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import DEFAULT_CONFIG, Config, load_config
from .errors import InputError

__all__ = [
    "DEFAULT_STORE",
    "add_config_option",
    "add_parsers",
    "cmd_export",
    "cmd_federate",
    "cmd_import",
    "config_of",
    "open_kg",
    "store_spec",
]

DEFAULT_STORE = "kg-data"


def add_config_option(common_parent: argparse.ArgumentParser) -> None:
    """`--config PATH` for every command (add it to the shared parent parser)."""
    common_parent.add_argument(
        "--config",
        default=None,
        metavar="PATH",
        help=f"kg.toml with [peers.NAME] endpoint/token/timeout (the SERVICE allow-list) and an "
        f"optional store URL (default: ./{DEFAULT_CONFIG} when present; none allows no peer)",
    )


def config_of(args: argparse.Namespace) -> Config:
    """The config named by --config, else ./kg.toml, else an empty one (cached on args)."""
    cached = getattr(args, "_kg_config", None)
    if cached is None:
        cached = load_config(getattr(args, "config", None))
        args._kg_config = cached
    return cached


def store_spec(args: argparse.Namespace) -> str:
    """--store wins, then `store =` in the config, then ./kg-data."""
    explicit = getattr(args, "store", None)
    if explicit and explicit != DEFAULT_STORE:
        return str(explicit)
    return config_of(args).store or str(explicit or DEFAULT_STORE)


def open_kg(args: argparse.Namespace, read_only: bool = False):
    """A `KnowledgeGraph` on the store and allow-list the options and config name."""
    from .pipeline import KnowledgeGraph

    return KnowledgeGraph(
        store_spec(args),
        base=args.base,
        pipeline=getattr(args, "pipeline", None),
        read_only=read_only,
        config=config_of(args),
    )


def add_parsers(subparsers: argparse._SubParsersAction, common_parent: argparse.ArgumentParser) -> None:
    """Register `federate`, `import` and `export` (replacing the older `export`)."""
    s = subparsers.add_parser(
        "federate",
        parents=[common_parent],
        help="run one SELECT at every configured peer (and --local) and merge rows with a peer column",
    )
    s.add_argument("query", help="SPARQL SELECT text or a path to a .rq file")
    s.add_argument("--peer", action="append", default=None, help="only this peer (repeatable)")
    s.add_argument("--local", action="store_true", help="also run it on the local store (peer 'local')")
    s.add_argument("--format", default="table", choices=["table", "json", "csv", "tsv", "xml"])
    s.add_argument("--strict", action="store_true", help="fail on the first peer error instead of going on")
    s.set_defaults(func=cmd_federate)

    s = subparsers.add_parser(
        "import",
        parents=[common_parent],
        help="load a partner's dump into graphs under {base}import/TEAM/, validated, with provenance",
    )
    s.add_argument("dump", help="dump file: .nq, .trig, .ttl, .nt or .jsonld")
    s.add_argument("--from", dest="team", required=True, help="the partner team's short name")
    s.add_argument(
        "--format",
        default=None,
        choices=["nquads", "ntriples", "trig", "turtle", "jsonld"],
        help="dump syntax (default: from the file extension)",
    )
    s.set_defaults(func=cmd_import)

    s = subparsers.add_parser(
        "export", parents=[common_parent], help="write the data as a dump, or a published folder with VoID"
    )
    s.add_argument("--format", default="nquads", choices=["nquads", "trig", "turtle", "jsonld"])
    s.add_argument("--output", "-o", default="-", help="file to write (default: standard output)")
    s.add_argument(
        "--dir", default=None, help="write every dump, context.jsonld and void.ttl into this folder"
    )
    s.add_argument("--endpoint", default=None, help="public SPARQL endpoint URL for the VoID description")
    s.add_argument(
        "--dump-base", default=None, help="URL the --dir files are published under (default: --base)"
    )
    s.add_argument("--license", default="https://creativecommons.org/licenses/by/4.0/", help="licence IRI")
    s.add_argument("--creator", default=None, help="creator IRI or name for the VoID description")
    s.set_defaults(func=cmd_export)


def _is_file(p: Path) -> bool:
    try:
        return p.is_file()
    except OSError:  # e.g. a one-line query longer than a file name may be
        return False


def _read_query(text: str) -> str:
    p = Path(text)
    if text.endswith(".rq") or (len(text) < 4096 and "\n" not in text and _is_file(p)):
        if not p.is_file():
            raise InputError(f"{text}: query file not found")
        return p.read_text(encoding="utf-8")
    return text


def cmd_federate(args: argparse.Namespace) -> int:
    """Print merged rows; exit 2 (after printing what did arrive) when a peer failed."""
    from .federation import federate, format_federated

    config = config_of(args)
    query = _read_query(args.query)
    local = None
    if args.local:
        kg = open_kg(args, read_only=True)
        local = kg.query
    res = federate(query, config, peers=args.peer, local=local, strict=args.strict)
    sys.stdout.write(format_federated(res, args.format).rstrip("\n") + "\n")
    for name, message in res.errors.items():
        print(f"kg federate: {name}: {message}", file=sys.stderr)
    return 2 if res.errors else 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_dump

    kg = open_kg(args)
    r = import_dump(kg.store, args.dump, args.team, kg.base, fmt=args.format)
    print(
        f"imported {r.quads} quads in {r.graphs} graphs from {args.team} "
        f"({r.removed} stale graphs removed); provenance in {r.provenance_graph}"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import dump_bytes, export_dir

    kg = open_kg(args, read_only=True)
    if args.dir:
        paths = export_dir(
            kg.store,
            args.dir,
            kg.base,
            endpoint=args.endpoint,
            dump_base=args.dump_base,
            license=args.license,
            creator=args.creator,
        )
        for p in paths:
            print(p)
        return 0
    data = dump_bytes(kg.store, args.format)
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        try:
            Path(args.output).write_bytes(data)
        except OSError as e:
            raise InputError(f"{args.output}: cannot write ({e})") from None
    return 0
