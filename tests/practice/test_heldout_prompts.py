"""Issue 11: the practice model on the held-out prompts and conversations.

The sets (``tests/data/heldout/prompts*.toml``, one file per round, and ``chats.toml``)
were written before the model was changed for them. Every prompt must give the right kind
of draft with nothing invented and nothing forbidden; every fact must come out, except the
few listed in KNOWN_DROPS, kept visible here (a fixed one fails until it is removed).
"""

from __future__ import annotations

import pytest

from tests import heldout_sets as H

PROMPTS = H.prompts()
CHATS = H.chats()
RESULTS = {case.id: H.run_prompt(case) for case in PROMPTS}
# Facts the model still drops, and why (see the closing note of issue 11). Empty since
# the eight of the first round were fixed; a new one goes here with its reason.
KNOWN_DROPS: dict[str, tuple[str, ...]] = {}


def test_the_sets_are_large_enough():
    assert len(PROMPTS) >= 100 and len(CHATS) >= 8


def test_every_round_is_loaded():
    rounds = {case.id[:1] for case in PROMPTS}  # round 4 numbers its prompts q01, q02, ...
    assert "q" in rounds and len(PROMPTS) >= 167


def test_at_least_97_percent_of_the_facts_come_out():
    facts = sum(len(r.case.carry) for r in RESULTS.values())
    dropped = sum(len(r.dropped) for r in RESULTS.values())
    assert (facts - dropped) / facts >= 0.97


@pytest.mark.parametrize("case", PROMPTS, ids=lambda c: c.id)
def test_prompt_gives_the_right_draft(case):
    result = RESULTS[case.id]
    assert result.task == case.kind
    assert result.forbidden == [], "the draft holds what the prompt never said"
    assert result.invented == [], "numbers the prompt does not hold"
    assert tuple(result.dropped) == KNOWN_DROPS.get(case.id, ())


@pytest.mark.parametrize("case", PROMPTS, ids=lambda c: c.id)
def test_prompt_typed_without_marks_gets_the_tip(case):
    result = RESULTS[case.id]
    tipped = any("không dấu" in tip for tip in H.ask_practice(case.text).tips)
    wanted = case.kind != "general" and not H.has_marks(case.text) and len(case.text.split()) >= 3
    assert tipped == wanted
    assert result.text


@pytest.mark.parametrize("case", CHATS, ids=lambda c: c.id)
def test_conversation_keeps_or_drops_details(case):
    dropped, carried_over, _ = H.run_chat(case)
    assert dropped == [] and carried_over == []


def test_out_of_scope_requests_point_to_a_real_provider():
    general = [r for r in RESULTS.values() if r.case.kind == "general"]
    assert general and all("ChatGPT" in r.text and "Gemini" in r.text for r in general)
