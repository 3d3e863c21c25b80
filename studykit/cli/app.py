"""The root click group and the one place user errors become `Error: ...` + exit 1."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from studykit import __version__
from studykit.errors import StudykitError


class PathArg(click.Path):
    """`click.Path(path_type=Path)` without importing pathlib for `studykit --help`."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        from pathlib import Path

        path = super().convert(value, param, ctx)
        return Path(path if isinstance(path, str) else os.fsdecode(path))


PATH = PathArg()


class StudykitGroup(click.Group):
    """Turns StudykitError into a one-line ClickException (exit 1) and Ctrl-C into exit 130."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StudykitError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()  # `studykit export json - | head`: not an error worth a traceback
            raise SystemExit(0) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            raise SystemExit(130) from None


@click.group(cls=StudykitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="studykit")
def main() -> None:
    """Turn Arabic news articles into question banks, Anki decks, quizzes and handouts."""


def run() -> None:
    """The console entry point: `main`, then a flush of standard output that cannot end in a
    traceback. With stdout on a full device (`> /dev/full`) the output fails on a flush,
    often after the command returned (or inside click's `--help`): that becomes one line and
    exit 1."""
    try:
        main(prog_name="studykit")
        code: Any = 0
    except SystemExit as exc:
        code = exc.code
    except OSError as exc:
        code = _failed(exc)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (`| head`): not an error worth a line
    except OSError as exc:
        code = _failed(exc)
    sys.exit(code)


def _failed(exc: OSError) -> int:
    """One line for an OSError that escaped the commands (in practice: writing stdout)."""
    if isinstance(exc, BrokenPipeError):
        _silence_stdout()
        return 0
    writing_stdout = exc.errno in (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT)
    if writing_stdout:
        _silence_stdout()
        message = f"cannot write to standard output ({exc.strerror or exc})"
    else:
        message = f"{exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}"
    try:
        sys.stderr.write(f"Error: {message}\n")
        sys.stderr.flush()
    except OSError:
        pass
    return 1


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null and drop Python's buffer, so the interpreter's own flush at
    exit does not fail a second time with "Exception ignored ..."."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    except (OSError, ValueError):
        pass
