#!/usr/bin/env bash
# Render a workbook as it prints: every sheet to one PDF (LibreOffice), then one PNG per page.
#   scripts/rekap-png.sh Rekap-Paringin-2026-08.xlsx FOLDER [DPI]
# Prints the PDF's path and then each PNG's path, one a line.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "Pemakaian: $0 BERKAS.xlsx FOLDER [DPI]" >&2; exit 2
fi
WORKBOOK=$1
OUT=$2
DPI=${3:-70}
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || {
    echo "$tool tidak ada: pasang libreoffice-calc-nogui dan poppler-utils (make test memasangnya)." >&2; exit 1; }
done
mkdir -p "$OUT"
# A private LibreOffice profile: two conversions at once must not share (and lock) one.
PROFILE=$(mktemp -d /tmp/kudapanmas-lo.XXXXXX)
trap 'rm -rf "$PROFILE"' EXIT
NAME=$(basename "${WORKBOOK%.*}")
soffice -env:UserInstallation="file://$PROFILE" --headless --norestore \
  --convert-to pdf --outdir "$OUT" "$WORKBOOK" >/dev/null 2>&1
PDF="$OUT/$NAME.pdf"
[ -s "$PDF" ] || { echo "LibreOffice tidak menghasilkan $PDF" >&2; exit 1; }
pdftoppm -png -r "$DPI" "$PDF" "$OUT/$NAME"
echo "$PDF"
ls "$OUT/$NAME"-*.png
