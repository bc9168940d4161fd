#!/usr/bin/env bash
# Makes iop-files/tests/fixtures/ from the seed agreements' plain texts
# (iop-core/tests/texts/seeds/, copies of /work/shared/seeds/) with Debian's tools: PDFs from
# LibreOffice, Chromium's print, Ghostscript and an OCR layer (OCRmyPDF) over an image of a page,
# a scan-only PDF, a two-column PDF, DOCX and ODT from LibreOffice and pandoc, and Latin-1 and
# UTF-16 text. The files are committed: CI and developers without these tools never run this.
#
#   bash scripts/make-file-fixtures.sh        (as root, to install what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=iop-core/tests/texts/seeds
out=iop-files/tests/fixtures
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=()
for t in soffice:libreoffice-writer-nogui pandoc:pandoc gs:ghostscript ocrmypdf:ocrmypdf \
         pdftoppm:poppler-utils chromium:chromium img2pdf:img2pdf; do
  command -v "${t%%:*}" >/dev/null || need+=("${t#*:}")
done
[ -e /usr/share/tesseract-ocr/5/tessdata/swe.traineddata ] || [ -e /usr/share/tesseract-ocr/4.00/tessdata/swe.traineddata ] || need+=(tesseract-ocr-swe)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core fonts-liberation2
fi

# Every paragraph of a seed as an HTML paragraph: the source for Chromium, LibreOffice and pandoc.
html() { # seed-file title css > html
  python3 - "$1" "$2" "$3" <<'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p.strip() for p in text.split("\n\n") if p.strip()]
print(f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{html.escape(sys.argv[2])}</title>'
      f'<style>body{{font-family:"Liberation Serif",serif;font-size:11pt}} {sys.argv[3]}</style></head><body>')
for p in paras:
    print("<p>" + html.escape(p).replace("\n", "<br>") + "</p>")
print("</body></html>")
PY
}

lo() { # convert-to file
  local filter=()
  # HTML is imported into Writer itself, not Writer/Web, so the ODT is an OpenDocument text.
  case "$2" in *.html) filter=(--infilter="HTML (StarWriter)") ;; esac
  soffice --headless --norestore "-env:UserInstallation=file://$work/lo" "${filter[@]}" \
    --convert-to "$1" --outdir "$work" "$2" >/dev/null 2>&1
}

s000=$seeds/000_a4cc1a49793153c5.txt
s001=$seeds/001_2a6dc1f590a5bec8.txt
s002=$seeds/002_05385ec8efe0a1d4.txt
s003=$seeds/003_ef0f935de87048e7.txt
s004=$seeds/004_fe7df6ac4cf39b0c.txt

# LibreOffice: PDF, DOCX and ODT of the long Kalmar agreement.
html "$s001" "Överenskommelse" "" > "$work/001.html"
lo "odt:writer8" "$work/001.html"; cp "$work/001.odt" "$out/001-libreoffice.odt"
lo "docx:MS Word 2007 XML" "$work/001.odt"; cp "$work/001.docx" "$out/001-libreoffice.docx"
lo "pdf:writer_pdf_Export" "$work/001.odt"; cp "$work/001.pdf" "$out/001-libreoffice.pdf"

# Chromium's print, with its running header (date, title) and footer (address, "1/3").
html "$s003" "Avtal" "" > "$work/003.html"
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$out/003-chromium.pdf" "file://$work/003.html" 2>/dev/null

# Ghostscript's pdfwrite of a LibreOffice PDF (fonts re-encoded, streams rewritten).
html "$s004" "Avtal" "" > "$work/004.html"
lo "odt:writer8" "$work/004.html"; lo "pdf:writer_pdf_Export" "$work/004.odt"
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dCompatibilityLevel=1.4 -sOutputFile="$out/004-ghostscript.pdf" "$work/004.pdf"

# An OCR layer over an image of the page (OCRmyPDF, Swedish), and the image alone (a scan).
html "$s000" "Avtal" "" > "$work/000.html"
lo "odt:writer8" "$work/000.html"; lo "pdf:writer_pdf_Export" "$work/000.odt"
pdftoppm -r 150 -gray -jpeg -jpegopt quality=35 -singlefile "$work/000.pdf" "$work/000"
img2pdf --imgsize 150dpi -o "$work/000-image.pdf" "$work/000.jpg"
ocrmypdf -q -l swe --output-type pdf --optimize 1 --jpeg-quality 35 "$work/000-image.pdf" "$out/000-ocrmypdf.pdf"
pdftoppm -r 50 -gray -jpeg -jpegopt quality=30 -singlefile "$work/000.pdf" "$work/000-low"
img2pdf --imgsize 50dpi -o "$out/000-scan-only.pdf" "$work/000-low.jpg"

# Two columns (Chromium, CSS columns).
html "$s002" "Avtal" "body{column-count:2;column-gap:1.2cm}" > "$work/002.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/002-two-columns.pdf" "file://$work/002.html" 2>/dev/null

# pandoc: DOCX and ODT.
pandoc -f html -t docx -o "$out/003-pandoc.docx" "$work/003.html"
pandoc -f html -t odt -o "$out/004-pandoc.odt" "$work/004.html"

# Text in the encodings Swedish offices still produce.
iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$s001" > "$out/001-windows-1252.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$s003"; } > "$out/003-utf-16le.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$s004"; } > "$out/004-utf-16be.txt"

# The benchmark's 20-page agreement: the Kalmar agreement seven times over (LibreOffice).
python3 - "$s001" > "$work/bench.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
print("\n\n".join([t] * 7))
PY
html "$work/bench.txt" "Avtal" "" > "$work/bench.html"
lo "odt:writer8" "$work/bench.html"; lo "pdf:writer_pdf_Export" "$work/bench.odt"
cp "$work/bench.pdf" "$out/bench-20-pages.pdf"

ls -l "$out"
du -sh "$out"
