"""Reading single keys and whole lines from the terminal.

The terminal stays in cbreak mode (no echo, no line buffering, Ctrl-C still raises
KeyboardInterrupt) from the first key until `restore()`, so keys typed while a screen is being
drawn are neither echoed nor lost; typed answers are read in the normal cooked mode so the
terminal's own line editing (backspace over Arabic letters, IUTF8) works. Everything goes
through one buffered reader on the file descriptor and mode switches never flush input (not
TCSAFLUSH, tty's default), so keys typed ahead are never lost between the two modes.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from typing import Any


class Keys:
    """Keyboard input from a file descriptor (a tty, or a pipe for scripted use)."""

    def __init__(self, fd: int | None = None) -> None:
        self.fd = sys.stdin.fileno() if fd is None else fd
        self.tty = os.isatty(self.fd)
        self._saved: Any = None
        self._buffer = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        if self.tty:
            import termios

            self._saved = termios.tcgetattr(self.fd)

    def _fill(self) -> None:
        data = os.read(self.fd, 1024)
        if not data:
            raise EOFError
        self._buffer += self._decoder.decode(data)

    def start(self) -> None:
        """Enter cbreak mode now (before the first screen), so early keys are not echoed."""
        self._cbreak()

    def _cbreak(self) -> None:
        if self.tty:
            import termios
            import tty

            tty.setcbreak(self.fd, termios.TCSANOW)

    def restore(self) -> None:
        """Put the terminal back as it was (always called before exiting)."""
        if self.tty and self._saved is not None:
            import termios

            termios.tcsetattr(self.fd, termios.TCSANOW, self._saved)

    def key(self) -> str:
        """One key: a character, "enter", or "esc" for an escape sequence (arrows etc.)."""
        self._cbreak()
        while not self._buffer:
            self._fill()
        ch, self._buffer = self._buffer[0], self._buffer[1:]
        if ch in "\r\n":
            return "enter"
        if ch == "\x1b":
            self._buffer = self._buffer.lstrip("[O0123456789;ABCDEFHPQRS~")
            return "esc"
        if ch == "\x03":
            raise KeyboardInterrupt
        if ch == "\x04":
            raise EOFError
        return ch

    def edit_line(self, show: Callable[[str], None]) -> str:
        """One line read key by key with our own echo: `show(text)` redraws it after every
        key. For `--rtl visual`, where the terminal's echo of Arabic is reversed and unjoined;
        Backspace, Ctrl-U (clear), Enter, Ctrl-C and Ctrl-D (on an empty line) work."""
        if not self.tty:
            return self.line()
        self._cbreak()
        text = ""
        show(text)
        while True:
            while not self._buffer:
                self._fill()
            ch, self._buffer = self._buffer[0], self._buffer[1:]
            if ch in "\r\n":
                return text
            if ch == "\x03":
                raise KeyboardInterrupt
            if ch == "\x04":
                if not text:
                    raise EOFError
                continue
            if ch in "\x7f\x08":
                text = text[:-1]
            elif ch == "\x15":
                text = ""
            elif ch == "\x1b":
                self._buffer = self._buffer.lstrip("[O0123456789;ABCDEFHPQRS~")
                continue
            elif ch.isprintable():
                text += ch
            show(text)

    def line(self) -> str:
        """One line typed in cooked mode (echoed by the terminal), without the line break."""
        self.restore()
        try:
            while "\n" not in self._buffer and "\r" not in self._buffer:
                self._fill()
        finally:
            self._cbreak()
        cut = min(i for i in (self._buffer.find("\n"), self._buffer.find("\r")) if i >= 0)
        text, self._buffer = self._buffer[:cut], self._buffer[cut + 1:]
        return text
