"""`studykit extract ARTICLE [--published YYYY-MM-DD] [--json]`: the facts of one article."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from studykit.cli.app import PATH, main
from studykit.cli.build import parse_published

if TYPE_CHECKING:
    from pathlib import Path


@main.command("extract")
@click.argument("article", type=PATH)
@click.option("--published", callback=parse_published, metavar="YYYY-MM-DD",
              help="Publication date for resolving relative dates (overrides front matter).")
@click.option("--json", "as_json", is_flag=True,
              help="Print {\"source\": ..., \"facts\": [...]} as JSON instead of a table.")
@click.option("--held-back", is_flag=True,
              help="Also list the person candidates held back as unsure, with the reason.")
def extract_command(article: Path, published: date | None, as_json: bool,
                    held_back: bool) -> None:
    """Extract dates, people, places, agreements, organisations, numbers and quotes.

    ARTICLE is a .txt, .md or .html file (UTF-8 or UTF-16 with BOM, optional front matter).
    Relative dates are resolved against --published or the front matter date; without
    either they are printed with no value and "relative": true.
    """
    from studykit.extract import extract
    from studykit.modelio import plain
    from studykit.sources import read_article

    doc = read_article(article, published=published)
    facts = extract(doc.body, doc.source.published, doc.source.id)
    from studykit.pipeline import article_warnings

    for warning in article_warnings(doc):
        click.echo(f"Warning: {warning}", err=True)
    held: list[tuple[str, str]] = []
    if held_back:
        from studykit.extract.context import Context
        from studykit.extract.people import held_back_people

        held = held_back_people(Context(text=doc.body, published=doc.source.published))
    if as_json:
        payload: dict[str, Any] = {
            "source": plain(doc.source),
            "facts": [plain(f) for f in facts],
        }
        import json

        if held_back:
            payload["held_back"] = [{"text": t, "reason": r} for t, r in held]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    _print_table(doc.source.title or doc.source.id, [plain(f) for f in facts])
    if held_back:
        click.echo(f"held back ({len(held)} person candidates):")
        for text, reason in held:
            click.echo(f"  {text}  — {reason}")


def _print_table(title: str, facts: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    counts: dict[str, int] = {}
    for fact in facts:
        counts[fact["kind"]] = counts.get(fact["kind"], 0) + 1
    summary = ", ".join(f"{kind} {n}" for kind, n in counts.items()) or "none"
    console = Console()
    console.print(f"{title}\n{len(facts)} facts: {summary}")
    for kind in counts:
        table = Table(title=f"{kind} ({counts[kind]})", show_lines=False)
        for column in ("text", "value", "detail", "mentions"):
            table.add_column(column, overflow="fold")
        for fact in (f for f in facts if f["kind"] == kind):
            detail = fact.get("role") or fact.get("subkind") or ""
            if fact.get("relative"):
                detail = f"{detail} relative".strip()
            extra = ", ".join(f"{k}={v}" for k, v in fact.get("attrs", {}).items())
            table.add_row(fact["text"], str(fact["value"]), " ".join(filter(None, [detail, extra])),
                          str(len(fact["mentions"])))
        console.print(table)
