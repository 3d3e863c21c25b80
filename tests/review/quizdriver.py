"""Driving `studykit quiz` in a real pseudo-terminal with pexpect (shared by the CLI tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect  # type: ignore[import-untyped]

from .conftest import STUDYKIT, child_env

ANSI = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"
CARD_END = re.compile(r"(press 1-\d|type the answer, Enter|Enter to show the answer) · \? help")
SAVED = re.compile(r"saved #(\d+)")
OPTION = re.compile(r"(\d)\. ([^│\n]+?)\s*│")


class Quiz:
    """One `studykit quiz` process in a 100x30 pty."""

    def __init__(self, tmp_path: Path, *args: str, timeout: float = 15) -> None:
        self.child = pexpect.spawn(str(STUDYKIT), ["quiz", *args], env=child_env(tmp_path),
                                   encoding="utf-8", dimensions=(30, 100), timeout=timeout)
        self.child.delaybeforesend = None
        self.acknowledged: list[int] = []
        self.screen = ""

    def card(self) -> str:
        """Wait for the next card; returns "choice", "typed" or "flip"."""
        self.child.expect(CARD_END)
        self.screen = self.child.before
        hint = self.child.match.group(1)
        return "choice" if hint.startswith("press") else "typed" if "type" in hint else "flip"

    def options(self) -> dict[str, str]:
        panel = self.screen[self.screen.rfind("╭"):]
        return {text: number for number, text in OPTION.findall(panel)}

    def expect(self, pattern: str) -> str:
        self.child.expect(pattern)
        return str(self.child.before)

    def suggested(self) -> str:
        self.child.expect(rf"Suggested: {ANSI}(Again|Hard|Good|Easy){ANSI} — Enter accepts")
        return str(self.child.match.group(1))

    def accept(self, key: str = "\r") -> int:
        """Accept the suggestion (or send 1-4 / q) and wait for the acknowledgement."""
        self.child.send(key)
        self.child.expect(SAVED)
        review_id = int(self.child.match.group(1))
        self.acknowledged.append(review_id)
        return review_id

    def finish(self) -> str:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return str(self.child.before)
