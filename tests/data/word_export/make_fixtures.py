"""Make the LibreOffice-printed PDFs of perfdesk's Word export that tests/unit/test_docx_printed.py reads.

For each bundled example (typed by hand in tests/expected_samples) and each print profile,
perfdesk writes the .docx and LibreOffice prints it (``soffice --headless --convert-to pdf``);
only the PDFs are kept here. Run again after a change to the Word writer:

    .venv/bin/python tests/data/word_export/make_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # tests/, for expected_samples

from expected_samples import fengrun_2022, funing_2024  # noqa: E402
from perfdesk.word import export_docx  # noqa: E402

SAMPLES = {"funing-2024": funing_2024, "fengrun-2022": fengrun_2022}
PROFILES = ("compact", "gbt9704")


def print_with_libreoffice(docx_path: Path, out_dir: Path, profile_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to make these fixtures.")
    subprocess.run([soffice, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                   check=True, capture_output=True, timeout=300)
    return out_dir / (docx_path.stem + ".pdf")


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for name, sample in SAMPLES.items():
            for profile in PROFILES:
                source = work / f"{name}-{profile}.docx"
                export_docx(sample.build(), source, profile=profile)
                printed = print_with_libreoffice(source, work, work / "lo-profile")
                shutil.copyfile(printed, HERE / printed.name)
                print(HERE / printed.name)


if __name__ == "__main__":
    main()
