"""The product's own entry points: `curieux serve` in the foreground, `curieux chat` against it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from bot.serve import port_free
from tests.e2e.conftest import free_port

pytestmark = pytest.mark.e2e


def curieux(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot.cli", *args], text=True, **kwargs)


def test_serve_starts_both_servers_and_stops_them_on_sigterm(tmp_path):
    rasa_port, actions_port = free_port(), free_port()
    env = {**os.environ, "CURIEUX_VAR_DIR": str(tmp_path)}
    env.pop("CURIEUX_DATABASE_URL", None)
    serve = curieux(
        "serve",
        "--rasa-port",
        str(rasa_port),
        "--actions-port",
        str(actions_port),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output = []
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        line = serve.stdout.readline()
        if not line:
            break
        output.append(line)
        if "Press Ctrl-C to stop" in line:
            break
    assert "Curieux is ready" in "".join(output), "".join(output)
    assert f"http://localhost:{rasa_port}/webhooks/rest/webhook" in "".join(output)
    assert (tmp_path / "curieux.db").exists() and (tmp_path / "logs" / "rasa.log").exists()

    chat = curieux(
        "chat",
        "--url",
        f"http://localhost:{rasa_port}",
        "--persona",
        "claire-dental",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = chat.communicate(
        "Hello Claire, how is a typical day at the practice?\n", timeout=120
    )
    assert chat.returncode == 0, err
    assert "Claire" in out and "💡 Coach:" in out and "📋" in out, out

    serve.send_signal(signal.SIGTERM)
    rest, _ = serve.communicate(timeout=60)
    assert serve.returncode == 0, rest
    assert "Stopped." in rest
    assert port_free(rasa_port) and port_free(actions_port)


def test_chat_without_a_server_says_how_to_start_it():
    chat = curieux(
        "chat",
        "--url",
        f"http://localhost:{free_port()}",
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = chat.communicate(timeout=60)
    assert chat.returncode == 1
    assert "Cannot reach the Curieux server" in err and "./run" in err
    assert "Traceback" not in out + err
