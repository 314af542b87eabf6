"""The real stack for end-to-end tests: the trained Rasa model (trained once if missing or stale,
~1 minute), the Rasa server and the action server, both on a fresh PostgreSQL database that holds
the product's tables and Rasa's tracker store."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from bot.config import PROJECT_ROOT
from bot.serve import Stack, ensure_model, wait_http
from bot.store import SessionStore
from tests.store.databases import fresh_postgres_database

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    stack: Stack
    db_url: str

    @property
    def webhook(self) -> str:
        return f"http://localhost:{self.stack.rasa_port}/webhooks/rest/webhook"

    def send(self, sender: str, message, timeout: float = 60) -> list[str]:
        answer = requests.post(
            self.webhook, json={"sender": sender, "message": message}, timeout=timeout
        )
        answer.raise_for_status()
        return [item["text"] for item in answer.json() if "text" in item]

    def conversation(self, lines: list[str], persona: str | None = None) -> tuple[str, list]:
        sender = f"e2e-{uuid.uuid4().hex[:10]}"
        replies = []
        if persona:
            replies.append(self.send(sender, f'/start_roleplay{{"persona": "{persona}"}}'))
        replies += [self.send(sender, line) for line in lines]
        return sender, replies

    def restart_actions(self) -> None:
        process = self.stack.start_actions()
        url = f"http://localhost:{self.stack.actions_port}/health"
        assert wait_http(url, process, 120), self.stack.log_tail("actions")


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    model = ensure_model(PROJECT_ROOT / "models")
    for db_url in fresh_postgres_database():
        stack = Stack(
            model=model,
            rasa_port=free_port(),
            actions_port=free_port(),
            db_url=db_url,
            log_dir=tmp_path_factory.mktemp("logs"),
        )
        stack.start()
        try:
            yield Server(stack, db_url)
        finally:
            stack.stop()


@pytest.fixture(scope="session")
def store(server: Server) -> SessionStore:
    return SessionStore(server.db_url)
