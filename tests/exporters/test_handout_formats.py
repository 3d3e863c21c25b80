"""The HTML and Markdown handouts: escaped, right to left, print-ready, keys per version."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import ClassVar

from test_handout_bank import NASTY, make_bank

from studykit.exporters.handout.html import render_html
from studykit.exporters.handout.layout import KEY_TITLE, HandoutOptions, build_handout
from studykit.exporters.handout.markdown import render_markdown


class Collector(HTMLParser):
    """Tags in order (checking nesting), the text, and the data-id of each question per part."""

    VOID: ClassVar[set[str]] = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.parts: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "section":
            self.parts.append((str(found["class"]), str(found["data-version"]), []))
        if tag == "li" and found.get("data-id"):
            self.parts[-1][2].append(str(found["data-id"]))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_rtl_and_escaped() -> None:
    handout = build_handout(make_bank().questions, HandoutOptions(versions=2, seed=3,
                                                                  with_text=True, title="اختبار"))
    page = render_html(handout)
    parser = Collector()
    parser.feed(page)
    assert parser.stack == []
    html_attrs = next(attrs for tag, attrs in parser.tags if tag == "html")
    assert html_attrs == {"lang": "ar", "dir": "rtl"}
    assert [t for t, _ in parser.tags if t in ("script", "link", "img", "iframe")] == []
    assert not re.search(r"(src|href)=|url\(", page)
    assert "@page" in page and "break-before: page" in page
    text = " ".join(parser.text)
    assert "<script>alert('x')</script>" in text  # shown as text, never markup
    for question in make_bank().questions:
        assert question.prompt.replace("[...]", "") .split()[0] in text


def test_html_versions_and_keys_hold_the_same_ids() -> None:
    bank = make_bank(24)
    handout = build_handout(bank.questions, HandoutOptions(versions=3, seed=1))
    parser = Collector()
    parser.feed(render_html(handout))
    kinds = [(kind, label) for kind, label, _ in parser.parts]
    assert kinds == [("version", "أ"), ("key", "أ"), ("version", "ب"), ("key", "ب"),
                     ("version", "ج"), ("key", "ج")]
    page = render_html(handout)
    for label in "أبج":  # a named page per part puts its label on every printed page
        assert f'section.version[data-version="{label}"] {{ page: version-{label}; }}' in page
        assert re.search(rf'@page key-{label} {{ @top-center {{ content: "[^"]*{label}"', page)
    ids = {q.id for q in bank.questions}
    orders = [order for _, _, order in parser.parts]
    assert all(set(order) == ids and len(order) == len(ids) for order in orders)
    assert orders[0] == orders[1] and orders[0] != orders[2]  # key A follows version A


def test_html_keys_only_and_questions_only() -> None:
    handout = build_handout(make_bank().questions, HandoutOptions())
    assert KEY_TITLE not in render_html(handout, keys=False)
    keys_only = render_html(handout, questions=False)
    assert KEY_TITLE in keys_only and 'class="version"' not in keys_only


def test_markdown_escapes_markup_and_keeps_every_question() -> None:
    bank = make_bank()
    handout = build_handout(bank.questions, HandoutOptions(versions=2, seed=2, title="اختبار"))
    text = render_markdown(handout)
    assert "<script>" not in text
    plain = unescape(re.sub(r"\\(.)", r"\1", text))
    assert NASTY in plain
    for question in bank.questions:
        before = question.prompt.split("[...]")[0].strip()
        assert plain.count(before) >= 2  # once per version
    for version in handout.versions:
        assert f"{KEY_TITLE} — النموذج {version.label}" in text
        for item in version.items:
            assert unescape(re.sub(r"\\(.)", r"\1", f"{item.number}. **{item.key}**")) in plain
