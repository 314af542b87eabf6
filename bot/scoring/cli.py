"""`curieux score [--lang auto|fr|en] [FILE|-]`: one message per line in, one JSON line out.

Streams in bounded batches (constant memory). A line that is not valid UTF-8 or holds a NUL
byte is reported on stderr with its number and skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.scoring import get_scorer
from bot.scoring.lexicon import get_settings


def read_messages(lines: Iterable[bytes], errors: TextIO) -> Iterator[str]:
    """Decoded lines without their line break; bad lines reported on `errors` and skipped."""
    for number, raw in enumerate(lines, start=1):
        if b"\x00" in raw:
            print(f"line {number}: NUL byte, skipped", file=errors)
            continue
        try:
            yield raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as error:
            print(f"line {number}: not valid UTF-8 ({error.reason}), skipped", file=errors)


class _Progress:
    """A one-line counter on stderr, shown only when a person watches the output."""

    def __init__(self, enabled: bool) -> None:
        self.enabled, self.count, self.start = enabled, 0, time.perf_counter()

    def step(self) -> None:
        self.count += 1
        if self.enabled and self.count % 100 == 0:
            rate = self.count / max(time.perf_counter() - self.start, 1e-9)
            print(f"\r{self.count} messages ({rate:.0f}/s)", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled and self.count >= 100:
            print(file=sys.stderr)


def score_stream(source: BinaryIO, out: TextIO, lang: str, batch_size: int) -> int:
    """Score every line of `source` to `out`; returns how many messages were scored."""
    progress = _Progress(enabled=out.isatty())
    messages = read_messages(source, sys.stderr)
    for score in get_scorer().score_many(messages, lang=lang, batch_size=batch_size):
        out.write(json.dumps(score.to_dict(), ensure_ascii=False) + "\n")
        progress.step()
        if progress.count % batch_size == 0:
            out.flush()
    out.flush()
    progress.close()
    return progress.count


def run_score(args: argparse.Namespace) -> int:
    # Typed at a terminal, each message is answered at once; piped, it is scored in batches.
    interactive = args.file == "-" and sys.stdin.isatty()
    batch_size = 1 if interactive else get_settings()["limits"]["batch_size"]
    if args.file == "-":
        score_stream(sys.stdin.buffer, sys.stdout, args.lang, batch_size)
        return 0
    path = Path(args.file)
    if not path.is_file():
        print(f"curieux score: no such file: {path}", file=sys.stderr)
        return 2
    with path.open("rb") as source:
        score_stream(source, sys.stdout, args.lang, batch_size)
    return 0
