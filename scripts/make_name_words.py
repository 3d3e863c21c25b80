"""Regenerate studykit/extract/data/name_words.txt from arabnamer's name dictionary (CC BY 4.0).

    pip download --no-deps arabnamer==0.1.3 && unzip arabnamer-*.whl -d arabnamer-whl
    python scripts/make_name_words.py arabnamer-whl/arabnamer/data/dict_FINAL.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.arabic import normalize  # noqa: E402

HEADER = """\
# Name words (given and family names, Arabic and transliterated foreign), one folded word a line.
# Derived from arabnamer 0.1.3's dataset dict_FINAL.json (22,798 English -> Arabic name pairs):
# the Arabic side, folded (studykit.arabic.normalize) and split into words.
# Uses arabnamer's Arabic name dictionary (Yousef, E., 2026), https://github.com/sayedyousef/arabnamer,
# licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: folded, split
# into single words, de-duplicated, sorted. Regenerate with scripts/make_name_words.py.
"""


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    pairs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    words = {w for arabic in pairs.values() for w in normalize(arabic).split()
             if re.fullmatch(r"[\u0621-\u064A]{2,}", w)}
    out = ROOT / "studykit" / "extract" / "data" / "name_words.txt"
    out.write_text(HEADER + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words):,} name words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
