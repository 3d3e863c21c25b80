"""Regenerate docs/handout-page1.png, the handout page shown in the README.

    python docs/render_handout_page1.py            # needs pdftoppm (poppler-utils)

Uses the test bank of real seed sentences (tests/exporters/test_handout_bank.py, without its
markup-stress questions) until the default deck's bank is reviewed; version A of a 2-version
handout, seed 2.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "exporters"))

from test_handout_bank import make_bank  # noqa: E402

from studykit.exporters.handout import HandoutOptions, write_handout  # noqa: E402


def main() -> None:
    questions = [q for q in make_bank().questions if "<script" not in q.prompt]
    options = HandoutOptions(versions=2, seed=2, title="زيارة عبد اللهيان إلى موسكو — اختبار قصير")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "handout.pdf"
        write_handout(questions, pdf, options)
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True)
        target = ROOT / "docs" / "handout-page1.png"
        target.write_bytes(stem.with_suffix(".png").read_bytes())
    print(f"Wrote {target}")


if __name__ == "__main__":
    main()
