"""CompareBoard: one row and one card per provider, and failures do not stop the others."""

from __future__ import annotations

from congdoan.i18n import msg
from congdoan.widgets import CompareBoard

POST = "Viết bài đăng Fanpage khoảng 100 chữ về Tháng Công nhân năm 2026"


def _run(board: CompareBoard, text: str = POST) -> None:
    board.prompt.value = text
    board.run.click()


def test_default_ticks_the_practice_model_and_ready_providers(openai_ready):
    board = CompareBoard()
    assert board.selected == ["offline", "openai"]
    assert board.choices["gemini"].description == "Gemini (Google) — chưa có khóa"


def test_one_row_and_card_per_provider_and_a_missing_key_does_not_stop_it():
    board = CompareBoard(["offline", "openai"])
    _run(board)

    assert list(board.table["provider"]) == ["offline", "openai"]
    assert len(board.cards.children) == 2
    offline, openai = (card.children for card in board.cards.children)
    assert "mô hình luyện tập" in offline[0].value
    assert board.table["text"][0][:20] in offline[1].value
    assert "OPENAI_API_KEY" in openai[1].value and "Chưa trả lời được" in openai[1].value
    assert "1 mô hình trả lời, 1 mô hình chưa trả lời được" in board.message.value


def test_a_failing_server_gets_its_error_and_the_others_answer(openai_ready):
    openai_ready.fail_next(500)
    board = CompareBoard(["openai", "offline"])
    _run(board)

    rows = board.table.set_index("provider")
    assert "gặp sự cố" in rows.loc["openai", "error"]
    assert rows.loc["offline", "error"] == "" and rows.loc["offline", "text"]
    assert not board.run.disabled


def test_two_answers_side_by_side_with_cost(openai_ready):
    board = CompareBoard(["offline", "openai"])
    _run(board)
    assert board.table["error"].tolist() == ["", ""]
    cards = [card.children for card in board.cards.children]
    assert "ChatGPT (OpenAI) · test-model" in cards[1][0].value
    assert openai_ready.reply_text in cards[1][1].value
    assert "giây · chi phí khoảng" in cards[1][2].value


def test_table_has_vietnamese_headers_and_readable_cells():
    board = CompareBoard(["offline", "gemini"])
    _run(board)
    view = board.table_view.value
    for column in ("provider", "model", "seconds", "cost_vnd", "error"):
        assert f"<th>{msg(f'widgets.compare.column.{column}')}</th>" in view
    assert "<td>Mô hình luyện tập</td>" in view and "<td>Gemini (Google)</td>" in view
    assert ">provider<" not in view and ">cost_vnd<" not in view
    assert msg("widgets.compare.table_heading") in view


def test_selected_can_be_set_in_code():
    board = CompareBoard()
    board.selected = ["ChatGPT", "offline"]
    assert board.selected == ["offline", "openai"]


def test_nothing_ticked_or_nothing_typed_is_explained():
    board = CompareBoard()
    board.selected = []
    _run(board)
    assert msg("widgets.compare.none_selected") in board.message.value
    board.selected = ["offline"]
    _run(board, "  ")
    assert msg("widgets.compare.empty_prompt") in board.message.value
    assert board.table is None


def test_unknown_provider_in_the_list_is_explained():
    board = CompareBoard(["offline", "bard"])
    assert "Không có nhà cung cấp" in board.message.value
    assert board.selected == ["offline"]
