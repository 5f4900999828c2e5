"""The ``powerkit`` command: run handlers locally, make events, check EMF output, build layers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from powerkit._cli._layer_cmd import add_parser as add_layer_parser
from powerkit._errors import PowerkitError

__all__ = ["main"]


def _parse_env(pairs: list[str]) -> dict[str, str]:
    env: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise argparse.ArgumentTypeError(f"--env {pair!r} must look like NAME=value")
        env[key] = value
    return env


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="powerkit",
        description="Run Lambda handlers locally, make sample events, check EMF metrics.",
    )
    from powerkit import __version__

    parser.add_argument("--version", action="version", version=f"powerkit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    invoke = commands.add_parser(
        "invoke",
        help="run a handler locally the way Lambda would",
        description=(
            "Load HANDLER as Lambda does and run each event in one process: the first is the "
            "cold start, later ones are warm. The function's own output (log and EMF lines) goes "
            "to stdout as it comes; a summary per invocation and Lambda's REPORT line go to stderr."
        ),
    )
    invoke.add_argument(
        "handler",
        metavar="HANDLER",
        help="path/to/app.py:handler, package.module:handler or app.handler",
    )
    invoke.add_argument(
        "--event",
        "-e",
        action="append",
        default=[],
        metavar="FILE|-|SOURCE",
        help="a JSON file, - for stdin, or a built-in source name (see `powerkit events list`); repeat for several",
    )
    invoke.add_argument(
        "--timeout", type=float, default=3.0, help="function timeout in seconds (default 3)"
    )
    invoke.add_argument("--memory", type=int, default=128, help="memory size in MB (default 128)")
    invoke.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set an environment variable",
    )
    invoke.add_argument(
        "--repeat", type=int, default=1, help="run the list of events N times (default 1)"
    )
    invoke.add_argument(
        "--function-name", help="function name (default: derived from the handler file)"
    )
    invoke.add_argument("--json", action="store_true", help="summaries as JSON lines (on stderr)")

    events = commands.add_parser("events", help="print sample events from the built-in builders")
    event_commands = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    event_commands.add_parser("list", help="list the built-in event sources")
    show = event_commands.add_parser("show", help="print one event as JSON")
    show.add_argument("source", help="a source name from `powerkit events list`")
    show.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="override a field, e.g. --set Records.0.body='{\"id\": 1}' (value parsed as JSON when it is JSON)",
    )

    metrics = commands.add_parser(
        "metrics",
        help="validate EMF lines and show their metrics",
        description="Read log lines, check every EMF line against the specification, and print a "
        "table of namespaces, metrics, dimensions and values, or every problem with its line number. "
        "Exits non-zero when a line is invalid.",
    )
    metrics.add_argument(
        "file",
        nargs="?",
        type=argparse.FileType("r"),
        default=sys.stdin,
        help="log file (default: stdin)",
    )
    add_layer_parser(commands)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Entry point of the ``powerkit`` console script; returns the exit status."""
    from powerkit._cli._style import Style

    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "invoke":
            from powerkit._cli._invoke import InvokeOptions, run_invocations

            if not args.event:
                parser.error("invoke needs at least one --event (a file, - or a source name)")
            options = InvokeOptions(
                handler=args.handler,
                events=args.event,
                timeout_s=args.timeout,
                memory_mb=args.memory,
                env=_parse_env(args.env),
                repeat=max(1, args.repeat),
                as_json=args.json,
                function_name=args.function_name,
            )
            return run_invocations(options, err)
        if args.command == "events":
            from powerkit._cli._events_cmd import list_sources, show_source

            if args.events_command == "list":
                return list_sources(out)
            return show_source(args.source, args.set, out)
        if args.command == "layer":
            from powerkit._cli._layer_cmd import run_layer

            return run_layer(args, out, err)
        if args.command == "metrics":
            from powerkit._cli._metrics_cmd import run_metrics

            return run_metrics(args.file, out, Style(out))
    except (PowerkitError, argparse.ArgumentTypeError) as exc:
        err.write(f"powerkit {args.command}: error: {exc}\n")
        return 2
    parser.error(f"unknown command {args.command!r}")
    return 2
