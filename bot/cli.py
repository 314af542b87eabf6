"""The `curieux` command. Each sub-command lives in its own module, imported only when used,
so `curieux score` does not pay for Rasa and `curieux serve` does not load spaCy."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# sub-command -> "module:function"; the function takes the parsed args and returns an exit code.
COMMANDS = {
    "serve": "bot.serve:run_serve",
    "train": "bot.serve:run_train",
    "chat": "bot.chat:run_chat",
    "report": "bot.report.cli:run_report",
    "score": "bot.scoring.cli:run_score",
    "evaluate": "bot.scoring.evaluate:run_evaluate",
    "agreement": "bot.scoring.agreement:run_agreement",
    "benchmark": "bot.scoring.benchmark:run_benchmark",
    "train-scorer": "bot.scoring.train:run_train_scorer",
    "bench-stack": "bot.stackbench:run_bench_stack",
    "personas": "bot.personas.cli:run_personas",
    "db": "bot.store.migrate:run_db",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curieux",
        description="Curieux: practise sales discovery against a simulated prospect.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    serve = sub.add_parser("serve", help="train if needed, start Rasa and the action server")
    serve.add_argument("--rasa-port", type=int, default=5005)
    serve.add_argument("--actions-port", type=int, default=5055)
    serve.add_argument("--no-train", action="store_true", help="fail instead of training")

    train = sub.add_parser("train", help="train the Rasa model if data/config/domain changed")
    train.add_argument("--force", action="store_true", help="train even if the model is fresh")

    chat = sub.add_parser("chat", help="role-play in the terminal against a running server")
    chat.add_argument("--url", default="http://localhost:5005", help="the Rasa server")
    chat.add_argument("--persona", help="persona id (see `curieux personas list`)")
    chat.add_argument("--sender", help="conversation id (default: a new one)")

    report = sub.add_parser("report", help="print a session's scorecard")
    report.add_argument("conversation_id")
    report.add_argument("--format", choices=("json", "md"), default="md")

    score = sub.add_parser("score", help="score trainee messages, one per line, as JSON lines")
    score.add_argument("--lang", choices=("auto", "fr", "en"), default="auto")
    score.add_argument("file", nargs="?", default="-", help="input file, or - for stdin")

    evaluate = sub.add_parser("evaluate", help="measure the scorer on the held-out split")
    evaluate.add_argument(
        "--gold",
        metavar="FILE",
        help="a labelled file of your own instead (data/questions/README.md says the format)",
    )
    evaluate.add_argument(
        "--lang", choices=("auto", "fr", "en"), default="auto", help="language of --gold"
    )
    evaluate.add_argument(
        "--output",
        help="where to write the report ('-': nowhere; default: docs/evaluation.md, or "
        "nowhere with --gold)",
    )

    agreement = sub.add_parser("agreement", help="how far two human annotators agree")
    agreement.add_argument(
        "--output", default="docs/annotation.md", help="where to write the report ('-': nowhere)"
    )

    bench = sub.add_parser("benchmark", help="questions per second of the scorer vs bare spaCy")
    bench.add_argument("--repeat", type=int, default=3)

    sub.add_parser("train-scorer", help="train the scorer's model from the train files, with CV")

    stack = sub.add_parser("bench-stack", help="REST latency and memory of the running stack")
    stack.add_argument("--rounds", type=int, default=3, help="times to play every scripted session")
    stack.add_argument("--rasa-port", type=int, default=5105)
    stack.add_argument("--actions-port", type=int, default=5155)

    personas = sub.add_parser("personas", help="list or validate persona files")
    personas_sub = personas.add_subparsers(dest="personas_command", metavar="ACTION")
    personas_sub.required = True
    listing = personas_sub.add_parser("list", help="the personas a trainee can pick")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    validate = personas_sub.add_parser("validate", help="check persona files, exit 1 on errors")
    validate.add_argument("paths", nargs="*", help="files or folders (default: the library)")

    db = sub.add_parser("db", help="manage the session database")
    db.add_argument("action", choices=("upgrade",), help="apply migrations")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module_name, func_name = COMMANDS[args.command].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `curieux score big.txt | head` is a normal thing to do.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
