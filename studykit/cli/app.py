"""The root click group and the one place user errors become `Error: ...` + exit 1."""

from __future__ import annotations

import sys
from typing import Any

import click

from studykit import __version__
from studykit.errors import StudykitError


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
