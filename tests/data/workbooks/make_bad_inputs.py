"""Make the bad-input workbooks of issue 2 point 5 (run: python tests/data/workbooks/make_bad_inputs.py).

``zip-bomb.xlsx`` is a real zip whose sheet unpacks to 300 MB of spaces (it is 300 KB on
disk); ``encrypted.xlsx`` (password ``secret``) was made once with msoffcrypto-tool from
``percent-fraction.xlsx`` and ``old-format.xls`` with LibreOffice's ``--convert-to xls``;
those two are committed as they are, not made here. The small broken files are made by the
tests themselves.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/></Types>')


def zip_bomb(path: Path, unpacked_mb: int = 300) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                sheet.write(chunk)


if __name__ == "__main__":
    zip_bomb(HERE / "zip-bomb.xlsx")
