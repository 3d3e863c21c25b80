"""What kind of outlet a media name is (newspaper, agency, network, magazine, site), so an
outlet is asked among outlets of its own kind: `لشبكة "[...]"` with newspapers among the
options, or `مجلة [...]` with one magazine among newspapers, gives the key away (blind review).
"""

from __future__ import annotations

from functools import cache

from studykit.arabic import normalize

# The word before an outlet's name says its kind: `صحيفة “...”`, `شبكة "..."`, `مجلة ...`.
_HEADS = {"صحيفه": "newspaper", "جريده": "newspaper", "وكاله": "agency", "قناه": "network",
          "شبكه": "network", "تلفزيون": "network", "اذاعه": "network", "مجله": "magazine",
          "موقع": "site"}


@cache
def _kinds() -> dict[str, str]:
    from studykit.extract.datewords import load_data

    table = load_data("organizations.yaml").get("media_types", {})
    return {normalize(str(name)): str(kind) for kind, names in table.items() for name in names}


def media_kind(name: str) -> str | None:
    """The kind of a listed outlet (`واشنطن بوست` → newspaper), else None."""
    return _kinds().get(normalize(name))


def kind_before(clause: str, at: int) -> str | None:
    """The kind the word before position `at` of the clause names (`لشبكة "`), else None."""
    words = normalize(clause[:at]).rstrip(" “«\"").split()
    if not words:
        return None
    word = words[-1]
    for cut in ("", "ل", "ب", "و", "ال", "لل", "بال", "وال"):
        if word.startswith(cut) and word[len(cut):] in _HEADS:
            return _HEADS[word[len(cut):]]
    return None


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    from studykit.extract.datewords import load_data

    out: dict[str, tuple[str, ...]] = {}
    for group in load_data("organizations.yaml").get("media_aliases", []):
        names = tuple(str(n) for n in group)
        for name in names:
            out[normalize(name)] = names
    return out


def outlet_aliases(name: str) -> list[str]:
    """The other names of the same outlet (`وكالة الأنباء السعودية` → `واس`), else []."""
    key = normalize(name)
    return [n for n in _aliases().get(key, ()) if normalize(n) != key]
