"""Rasa's REST channel (same URL: /webhooks/rest/webhook) with two guarantees added:
a malformed request gets a clear 400, and a turn the assistant could not answer (action server
down, timeout) still reaches the session log and gets a clear reply instead of silence."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

log = logging.getLogger(__name__)


def _problem(body: Any) -> str | None:
    if not isinstance(body, dict):
        return 'the body must be a JSON object: {"sender": "...", "message": "..."}'
    if not isinstance(body.get("sender"), str) or not body["sender"].strip():
        return "'sender' must be a non-empty string (the conversation id)"
    if not isinstance(body.get("message", ""), str):
        return "'message' must be a string"
    if body.get("metadata") is not None and not isinstance(body["metadata"], dict):
        return "'metadata' must be an object"
    return None


def _undelivered(sender: str, text: str, channel: str) -> str:
    from bot.roleplay import get_roleplay  # the store is only needed on this rare path

    return get_roleplay().record_undelivered(sender, text, channel=channel)


class CurieuxRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("curieux_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # noqa: BLE001 - sanic raises several types for bad JSON
                body = None
            problem = _problem(body)
            if problem:
                return response.json({"error": problem}, status=400)
            sender, text = body["sender"], body.get("message", "")
            channel = body.get("input_channel") or self.name()
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        sender,
                        input_channel=channel,
                        metadata=body.get("metadata"),
                    )
                )
            except Exception:  # noqa: BLE001 - logged; the trainee still gets an answer below
                log.exception("message from %s could not be processed", sender)
            if collector.messages:
                return response.json(collector.messages)
            try:
                notice = await asyncio.to_thread(_undelivered, sender, text, channel)
            except Exception:  # noqa: BLE001 - even the store is down: still answer clearly
                log.exception("could not record the undelivered message from %s", sender)
                notice = (
                    "Le simulateur est indisponible / The simulator is unavailable. "
                    "Please try again in a moment."
                )
            return response.json([{"recipient_id": sender, "text": notice}])

        return webhook
