"""The built-in practice model: the default provider, no key and no network needed.

It drafts union documents, posts, scripts, image prompts and extractive summaries from
the details in the prompt (see ``congdoan.practice``). It is not an AI and never
claims to be one: its replies are labelled as practice drafts.
"""

from __future__ import annotations

from .base import Completion, Provider, Request, Status, Usage

__all__ = ["OfflineProvider"]


class OfflineProvider(Provider):
    """Deterministic drafts made on this computer; free and instant."""

    id = "offline"
    is_cloud = False
    uses_network = False
    streams = False

    def complete(self, request: Request) -> Completion:
        from .. import practice

        answer = practice.respond(request.messages)
        return Completion(
            text=answer.text,
            model=self.settings.model,
            usage=Usage(0, 0, estimated=True),
            finish_reason="stop",
        )

    def status(self, *, probe: bool = False) -> Status:
        return Status.READY
