"""`curieux serve` and `curieux train`: keep the Rasa model fresh, run the Rasa server and the
action server side by side in the foreground, and stop both cleanly on Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from bot.config import PROJECT_ROOT, database_url, var_dir

TRAINING_INPUTS = ("data/rasa", "config.yml", "domain.yml")
READY_TIMEOUT_S = 180


def model_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A hash of everything `rasa train` reads: a changed file means a stale model."""
    digest = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def model_path(models_dir: Path, root: Path = PROJECT_ROOT) -> Path:
    return models_dir / f"curieux-{model_fingerprint(root)}.tar.gz"


def ensure_model(
    models_dir: Path | None = None, *, force: bool = False, root: Path = PROJECT_ROOT
) -> Path:
    """Train the model unless a fresh one exists; older models are removed after training."""
    models_dir = models_dir or root / "models"
    target = model_path(models_dir, root)
    if target.exists() and not force:
        print(f"Model is up to date: {target}")
        return target
    print(
        "Training the Rasa model (data/rasa, config.yml or domain.yml changed); ~1 minute...",
        flush=True,
    )
    models_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "rasa",
        "train",
        "--data",
        "data/rasa",
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--out",
        str(models_dir),
        "--fixed-model-name",
        target.name.removesuffix(".tar.gz"),
    ]
    started = time.monotonic()
    subprocess.run(command, cwd=root, check=True)
    for old in models_dir.glob("curieux-*.tar.gz"):
        if old != target:
            old.unlink()
    print(f"Model trained in {time.monotonic() - started:.0f} s: {target}", flush=True)
    return target


def tracker_store_settings(url: str) -> dict:
    """Rasa's SQL tracker store, beside the product's tables (same server, same database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        product_db = Path(parsed.database or var_dir() / "curieux.db")
        return {
            "type": "SQL",
            "dialect": "sqlite",
            "db": str(product_db.with_name("rasa_tracker.db")),
        }
    settings = {
        "type": "SQL",
        "dialect": parsed.get_backend_name(),
        "url": parsed.host or "localhost",
        "db": parsed.database,
        "port": parsed.port,
        "username": parsed.username,
        "password": parsed.password,
    }
    return {key: value for key, value in settings.items() if value is not None}


def write_endpoints(path: Path, *, actions_port: int, db_url: str) -> Path:
    endpoints = {
        "action_endpoint": {"url": f"http://localhost:{actions_port}/webhook"},
        "tracker_store": tracker_store_settings(db_url),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    return path


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_http(url: str, process: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    return False


@dataclass
class Stack:
    """The Rasa server and the action server, as child processes."""

    model: Path
    rasa_port: int = 5005
    actions_port: int = 5055
    db_url: str = field(default_factory=database_url)
    log_dir: Path = field(default_factory=lambda: var_dir() / "logs")
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - lives as long as the child
        env = {**os.environ, "CURIEUX_DATABASE_URL": self.db_url, "PYTHONPATH": str(PROJECT_ROOT)}
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def start_actions(self) -> subprocess.Popen:
        return self._spawn(
            "actions",
            [
                sys.executable,
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "--port",
                str(self.actions_port),
            ],
        )

    def start_rasa(self) -> subprocess.Popen:
        endpoints = write_endpoints(
            self.log_dir / "endpoints.yml", actions_port=self.actions_port, db_url=self.db_url
        )
        return self._spawn(
            "rasa",
            [
                sys.executable,
                "-m",
                "rasa",
                "run",
                "--model",
                str(self.model),
                "--port",
                str(self.rasa_port),
                "--credentials",
                "credentials.yml",
                "--endpoints",
                str(endpoints),
                "--enable-api",
            ],
        )

    def start(self, timeout: float = READY_TIMEOUT_S) -> None:
        """Start both and wait until they answer; raises RuntimeError with the log tail."""
        for port in (self.rasa_port, self.actions_port):
            if not port_free(port):
                raise RuntimeError(f"port {port} is already in use: is Curieux already running?")
        from bot.store.migrate import upgrade

        upgrade(self.db_url)
        actions = self.start_actions()
        rasa = self.start_rasa()
        checks = [
            ("actions", f"http://localhost:{self.actions_port}/health", actions),
            ("rasa", f"http://localhost:{self.rasa_port}/", rasa),
        ]
        for name, url, process in checks:
            if not wait_http(url, process, timeout):
                self.stop()
                raise RuntimeError(f"the {name} server did not start:\n{self.log_tail(name)}")

    def log_tail(self, name: str, lines: int = 20) -> str:
        path = self.log_dir / f"{name}.log"
        if not path.exists():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, name: str | None = None, grace: float = 10.0) -> None:
        names = [name] if name else list(self.processes)
        for key in names:
            process = self.processes.get(key)
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for key in names:
            process = self.processes.pop(key, None)
            if process is None:
                continue
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def watch(self) -> str | None:
        """Block until a child exits; return its name."""
        while True:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    return name
            time.sleep(0.5)


def run_train(args: argparse.Namespace) -> int:
    try:
        ensure_model(force=args.force)
    except subprocess.CalledProcessError as error:
        print(f"Training failed (exit {error.returncode}); see the output above.", file=sys.stderr)
        return 1
    return 0


def run_serve(args: argparse.Namespace) -> int:
    models_dir = PROJECT_ROOT / "models"
    try:
        model = model_path(models_dir) if args.no_train else ensure_model(models_dir)
    except subprocess.CalledProcessError as error:
        print(f"Training failed (exit {error.returncode}); see the output above.", file=sys.stderr)
        return 1
    if not model.exists():
        print(f"No fresh model at {model}; run `uv run curieux train`.", file=sys.stderr)
        return 1
    stack = Stack(model=model, rasa_port=args.rasa_port, actions_port=args.actions_port)

    def stop_on_signal(signum: int, frame: object) -> None:
        # A second Ctrl-C, or uv forwarding the same SIGTERM, must not cut the shutdown short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, stop_on_signal)
    signal.signal(signal.SIGTERM, stop_on_signal)
    print("Starting the action server and the Rasa server (~40 s)...", flush=True)
    try:
        stack.start()
        print(
            f"Curieux is ready.\n"
            f"  REST:    POST http://localhost:{args.rasa_port}/webhooks/rest/webhook "
            '{"sender": "...", "message": "..."}\n'
            f"  Chat:    uv run curieux chat --url http://localhost:{args.rasa_port}\n"
            f"  Actions: http://localhost:{args.actions_port}/health\n"
            f"  Logs:    {stack.log_dir}\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        crashed = stack.watch()
        print(
            f"The {crashed} server stopped unexpectedly:\n{stack.log_tail(crashed)}",
            file=sys.stderr,
        )
        return 1
    except RuntimeError as error:
        print(f"Could not start Curieux: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    finally:
        stack.stop()
        print("Stopped.", flush=True)
