"""Reading articles: decoding, front matter, and page residue, keeping original offsets.

`Article.text` is the whole decoded file. `Article.body` has the same length, with front
matter, markup and page residue blanked out by spaces, so every offset found in `body`
indexes `text` unchanged.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studykit.errors import InputError
from studykit.models import Source, slugify


@dataclass(frozen=True)
class Article:
    source: Source
    text: str
    body: str


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)

# Widget and navigation lines Arabic news sites leave in scraped text.
_RESIDUE_LINES = (
    "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا",
    "شارك", "مشاركة", "طباعة", "تويتر", "فيسبوك", "واتساب", "تيليجرام", "لينكدإن",
    "أخبار ذات صلة", "موضوعات ذات صلة", "المزيد", "الأكثر قراءة", "تابعونا", "إعلان",
    "اشترك في النشرة", "التعليقات", "أضف تعليق", "الرئيسية", "الوسوم", "كلمات مفتاحية",
)


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; CRLF kept as written."""
    if not raw.strip():
        raise InputError(f"{name}: file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 at byte {exc.start}") from None
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}: binary file, not a text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 at byte {exc.start}") from None
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """`key: value` lines between `---` fences at the top; returns them and the body offset."""
    match = _FRONT.match(text)
    if not match:
        return {}, 0
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, match.end()


def is_residue_line(line: str) -> bool:
    """Navigation/widget lines and glued tag lines (`إيرانروسيا`) that are not article text."""
    stripped = line.strip()
    if not stripped:
        return False
    return stripped in _RESIDUE_LINES or stripped.rstrip(":") in _RESIDUE_LINES


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_residue(text: str, body_start: int) -> str:
    """Same-length copy of `text` with front matter and residue lines replaced by spaces."""
    body = _blank(text, 0, body_start)
    offset = 0
    lines = text.splitlines(keepends=True)
    first_content = True
    for line in lines:
        end = offset + len(line)
        if offset >= body_start:
            content = line.strip()
            if is_residue_line(line) or (first_content and content and _is_tag_line(content)):
                body = _blank(body, offset, end)
            if content:
                first_content = False
        offset = end
    return body


def _is_tag_line(line: str) -> bool:
    # A glued tag line: one short run of letters with no space and no punctuation,
    # standing alone before the headline (e.g. `إيرانروسيا` from `إيران` + `روسيا` tags).
    return bool(re.fullmatch(r"[\u0621-\u064A]{8,}", line))


def read_article(path: str | Path, published: date | None = None) -> Article:
    """Read and decode one article file; `published` overrides the front matter date."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is a directory, not an article") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({exc.strerror or exc})") from None
    text = decode(raw, str(file))
    meta, body_start = parse_front_matter(text)
    when = published or _parse_date(meta.get("published") or meta.get("date"), file)
    title = meta.get("title") or _first_line(text[body_start:])
    source = Source(
        id=_source_slug(file),
        path=str(file),
        title=title,
        language=meta.get("language") or meta.get("lang") or "ar",
        published=when,
        url=meta.get("url"),
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    return Article(source=source, text=text, body=blank_residue(text, body_start))


def _source_slug(file: Path) -> str:
    name = file.name
    for suffix in (".txt", ".md", ".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.endswith(".ar"):
        name = name[:-3]
    return slugify(name if name != "article" else file.parent.name)


def _parse_date(value: str | None, file: Path) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{file}: front matter date {value!r} is not YYYY-MM-DD") from None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not is_residue_line(stripped) and not _is_tag_line(stripped):
            return stripped
    return ""
