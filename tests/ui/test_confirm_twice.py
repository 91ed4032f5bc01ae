"""Two answers to one question before it closes (a fast typist: Enter on "Think again", then
y) are one answer: the first. A second answer used to crash the game (Textual sets the
waiting result twice), which a class's browser tabs did under load."""

from __future__ import annotations

from textual.app import App

from game.ui.screens.confirm import ConfirmScreen


class Asks(App):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool] = []

    async def on_mount(self) -> None:
        self.run_worker(self.ask())

    async def ask(self) -> None:
        self.answers.append(await self.push_screen_wait(ConfirmScreen("Invade Cuba")))


async def test_the_first_of_two_quick_answers_stands():
    app = Asks()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConfirmScreen)
        screen.action_answer(False)  # two answers in the same moment, before the screen goes
        screen.action_answer(True)
        await pilot.pause()
        await pilot.pause()
        assert app.answers == [False]
        assert not isinstance(app.screen, ConfirmScreen)
    assert app.return_code in (None, 0)
