"""Render every printed document to PDF and to PNG pages, to look at them.

    python scripts/render_pdfs.py OUT_DIR [--dpi 50] [--only trifold,minutes,...]

Writes OUT_DIR/<name>.pdf and OUT_DIR/<name>-<page>.png (pdftoppm from poppler-utils
must be on PATH): all six booklet templates in every layout (A5 booklet, A4 tri-fold,
A4), in both arrangements, with and without bleed and crop marks, and every form with
the sample data of the printing tests (minutes: final, draft and without a quorum;
consent, slip, attendance, grant application filled and blank, review sheet,
certificate). Open the PNGs after a change to the printing code.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "printing"))

import form_samples as samples  # noqa: E402

from civicdesk.domain.enums import BilingualArrangement, BookletLayout  # noqa: E402
from civicdesk.printing import forms  # noqa: E402
from civicdesk.printing.booklet import EditionInfo, render_booklet  # noqa: E402
from civicdesk.printing.templates import edition_for, list_templates, load_template  # noqa: E402

EDITION = EditionInfo("Ақсу ауылдық округінің ЖӨБД орталығы", date(2025, 2, 22), 300)


def documents() -> dict[str, Callable[[Path], object]]:
    docs: dict[str, Callable[[Path], object]] = {}
    for t in list_templates():
        for layout in BookletLayout:
            for arr in BilingualArrangement:
                for bleed in (False, True):
                    name = f"booklet-{t.name}-{layout.value}-{arr.value}{'-bleed' if bleed else ''}"

                    def make(out: Path, t: str = t.name, layout: BookletLayout = layout,
                             arr: BilingualArrangement = arr, bleed: bool = bleed) -> object:
                        content = load_template(t, edition=edition_for(layout))
                        return render_booklet(content, layout=layout, arrangement=arr,
                                              edition=EDITION, bleed=bleed, crop_marks=bleed,
                                              out=out)

                    docs[name] = make
    m = samples.minutes(14, 3)
    docs["minutes"] = lambda out: forms.render_minutes(m, out)
    docs["minutes-draft"] = lambda out: forms.render_minutes(replace(m, draft=True), out)
    docs["minutes-no-quorum"] = lambda out: forms.render_minutes(
        replace(m, present=5, quorum_reached=False, competent=False), out)
    docs["minutes-separate"] = lambda out: forms.render_minutes(
        replace(samples.separate_gathering(), quorum_required=None), out)
    docs["consent"] = lambda out: forms.render_consent(samples.consent(), out)
    docs["consent-blank"] = lambda out: forms.render_consent(samples.consent(blank=True), out)
    docs["slip"] = lambda out: forms.render_consultation_slip(samples.slip(), out)
    docs["attendance"] = lambda out: forms.render_attendance_sheet(samples.attendance(), out)
    docs["grant"] = lambda out: forms.render_grant_application(samples.grant(), out)
    docs["grant-blank"] = lambda out: forms.render_grant_application(None, out)
    docs["review"] = lambda out: forms.render_review_sheet(samples.review(), out)
    docs["certificate"] = lambda out: forms.render_certificate(samples.certificate(), out)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dpi", type=int, default=50)
    ap.add_argument("--only", default="", help="comma-separated parts of document names")
    args = ap.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = [w for w in args.only.split(",") if w]
    for name, make in documents().items():
        if wanted and not any(w in name for w in wanted):
            continue
        pdf = args.out / f"{name}.pdf"
        make(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(args.out / name)], check=True
        )
        print(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
