"""`curieux chat`: a role-play in the terminal, through the running server's REST channel."""

from __future__ import annotations

import argparse
import json
import sys
import uuid

import requests

WEBHOOK = "/webhooks/rest/webhook"


def send(url: str, sender: str, message: str, timeout: float = 60) -> list[str]:
    """Post one message; return the texts the assistant answered."""
    answer = requests.post(
        url.rstrip("/") + WEBHOOK, json={"sender": sender, "message": message}, timeout=timeout
    )
    answer.raise_for_status()
    return [item["text"] for item in answer.json() if item.get("text")]


def _show(texts: list[str]) -> None:
    for text in texts:
        prefix = "" if text.startswith(("💡", "📋", "#")) else "🧑‍💼 "
        print(f"{prefix}{text}\n", flush=True)


def run_chat(args: argparse.Namespace) -> int:
    sender = args.sender or f"chat-{uuid.uuid4().hex[:8]}"
    interactive = sys.stdin.isatty()
    try:
        start = "/start_roleplay"
        if args.persona:
            start += json.dumps({"persona": args.persona})
        _show(send(args.url, sender, start))
        while True:
            try:
                line = input("you> " if interactive else "")
            except EOFError:
                _show(send(args.url, sender, "/end_session"))
                break
            if not interactive:
                print(f"you> {line}", flush=True)
            texts = send(args.url, sender, line)
            _show(texts)
            if any(text.startswith("📋") for text in texts):
                break
    except requests.ConnectionError:
        print(
            f"Cannot reach the Curieux server at {args.url}. Start it with ./run "
            "(or `uv run curieux serve`) and try again.",
            file=sys.stderr,
        )
        return 1
    except requests.RequestException as error:
        print(f"The server answered with an error: {error}", file=sys.stderr)
        return 1
    print(f"Conversation id: {sender}  (scorecard: uv run curieux report {sender})")
    return 0
