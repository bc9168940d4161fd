#!/usr/bin/env python3
"""Makes iop-files/tests/hostile/: files built to hurt a reader (truncated, garbage, compression
bombs, false lengths, deep nesting, cycles, a self-drawing form, a broken ToUnicode map, zip
bombs and size lies, a renamed ODT, a DOCTYPE with entities, an encrypted PDF). Each is small;
iop-files/tests/hostile.rs says what each must give. Run from the repository's root:

    python3 scripts/make-hostile-files.py     (Ghostscript for the encrypted PDF, if present)
"""
import io, os, random, shutil, struct, subprocess, zipfile, zlib

OUT = "iop-files/tests/hostile"
FIX = "iop-files/tests/fixtures"
os.makedirs(OUT, exist_ok=True)


def pdf(objects, trailer_extra=b"", xref=True):
    """A PDF of numbered objects (bytes bodies, object 1 the catalog) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for o in offsets:
            out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, start)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def page_pdf(content, extra_objects=(), resources=b"/Font << /F1 4 0 R >>"):
    """Catalog 1, pages 2, page 3, font 4, content 5, then extra objects from 6."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 5 0 R >>" % resources,
        FONT,
        content,
        *extra_objects,
    ])


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


rnd = random.Random(23)
lo = open(os.path.join(FIX, "001-libreoffice.pdf"), "rb").read()

write("truncated.pdf", lo[: len(lo) * 2 // 5])
write("garbage.pdf", b"%PDF-1.7\n" + bytes(rnd.randrange(256) for _ in range(4000)))
write("garbage.bin", bytes(rnd.randrange(256) for _ in range(4000)))

# A content stream of 512 MiB of spaces, deflated twice: a few kilobytes.
c = zlib.compressobj(9)
chunk = b" " * (1 << 20)
once = b"".join(c.compress(chunk) for _ in range(512)) + c.flush()
twice = zlib.compress(once, 9)
write("flate-bomb.pdf", page_pdf(stream(twice, b"/Filter [/FlateDecode /FlateDecode] ")))

# /Length past the end of the file, and one too short.
text = b"BT /F1 12 Tf 72 700 Td (Kommunen betalar 650 000 kr per \xe5r.) Tj ET"
write("false-length-long.pdf", page_pdf(b"<< /Length 999999 >>\nstream\n" + text + b"\nendstream"))
write("false-length-short.pdf", page_pdf(b"<< /Length 5 >>\nstream\n" + text + b"\nendstream"))

# Arrays and dictionaries nested 5 000 deep (and 2 000), in an object and in the content stream.
deep = b"[" * 5000 + b"]" * 5000
deep_dict = b"<< /A " * 2000 + b"1" + b" >>" * 2000
write("deep-nesting.pdf", page_pdf(stream(b"BT /F1 12 Tf " + deep + b" TJ ET"), [deep, deep_dict]))

# A page tree whose node lists itself and whose page is its own parent's parent.
write("cyclic-pages.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [2 0 R 3 0 R 6 0 R] /Count 3 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    FONT,
    stream(text),
    b"<< /Type /Pages /Kids [2 0 R 6 0 R] /Parent 6 0 R /Count 1 >>",
]))

# Two cross-reference sections whose /Prev point at each other.
base = page_pdf(stream(text))
start = base.rindex(b"startxref\n") + len(b"startxref\n")
first_xref = int(base[start:].split(b"\n")[0])
tail = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\n"
second = len(base)
cyc = base + tail % first_xref + b"startxref\n%d\n%%%%EOF\n" % second
cyc = cyc.replace(b"trailer\n<< /Size 6 /Root 1 0 R >>", b"trailer\n<< /Size 6 /Root 1 0 R /Prev %07d >>" % second, 1)
write("cyclic-xref.pdf", cyc)

# A form XObject that draws itself, and two that draw each other.
write("self-calling-form.pdf", page_pdf(
    stream(b"/Fm0 Do /Fm1 Do"),
    [stream(b"BT /F1 12 Tf 72 700 Td (Syfte) Tj ET /Fm0 Do",
            b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm0 6 0 R >> /Font << /F1 4 0 R >> >> "),
     stream(b"/Fm2 Do BT /F1 12 Tf 72 600 Td (Ekonomi) Tj ET",
            b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm2 8 0 R >> /Font << /F1 4 0 R >> >> "),
     stream(b"/Fm1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm1 7 0 R >> >> ")],
    resources=b"/Font << /F1 4 0 R >> /XObject << /Fm0 6 0 R /Fm1 7 0 R >>"))

# A ToUnicode map with a huge range, a reversed range, odd hex and garbage; codes still show.
cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"3 beginbfrange <0000> <FFFFFFFF> <0041> <50> <40> <0042> <41> <5A> [<0041> <00 endbfrange\n"
        b"2 beginbfchar <4B> <004B> <4C> /nonsense <4D> endbfchar\n"
        b"<<<<<<((((( ]]]] endcmap")
write("broken-tounicode.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
    stream(b"BT /F1 12 Tf 72 700 Td (KALMAR) Tj ET"),
    stream(cmap),
]))

# An encrypted PDF (a user password): Ghostscript encrypts.
if shutil.which("gs"):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-sOwnerPassword=agare",
                    "-sUserPassword=hemligt", "-sOutputFile=" + os.path.join(OUT, "encrypted.pdf"),
                    os.path.join(FIX, "004-ghostscript.pdf")], check=True)

# A PDF of 300 pages (past the page limit of 100 the test sets).
page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(300))
write("many-pages.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [" + kids + b"] /Count 300 >>",
    FONT, stream(text), b"null"] + [page] * 300))


def docx(document_xml, extra=()):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for n, d in extra:
            z.writestr(n, d)
    return b.getvalue()


W = '<?xml version="1.0"?><w:document xmlns:w="w"><w:body>%s</w:body></w:document>'

# word/document.xml of 40 MiB of spaces: about 40 KB deflated.
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b'<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>')
        for _ in range(40):
            f.write(b" " * (1 << 20))
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
write("zip-bomb.docx", b.getvalue())

# Entries whose declared sizes lie: 10 bytes declared for a 1 MiB document, and 4 GiB for a
# small one (local headers and central directory alike).
def lying(real_body, declared):
    data = docx(W % real_body)
    z = zipfile.ZipFile(io.BytesIO(data))
    info = z.getinfo("word/document.xml")
    out = bytearray(data)
    # Local header: uncompressed size at offset 22.
    struct.pack_into("<I", out, info.header_offset + 22, declared)
    # Central directory entry: find its signature with this name.
    name = b"word/document.xml"
    i = out.find(b"PK\x01\x02" + out[out.find(b"PK\x01\x02") + 4 : out.find(b"PK\x01\x02") + 4][:0])
    while i != -1:
        n = struct.unpack_from("<H", out, i + 28)[0]
        if bytes(out[i + 46 : i + 46 + n]) == name:
            struct.pack_into("<I", out, i + 24, declared)
        i = out.find(b"PK\x01\x02", i + 4)
    return bytes(out)

big = "<w:p><w:r><w:t>" + "Kommunen betalar 650 000 kr per år. " * 30000 + "</w:t></w:r></w:p>"
write("size-lie-small.docx", lying(big, 10))
write("size-lie-huge.docx", lying("<w:p><w:r><w:t>Syfte</w:t></w:r></w:p>", 0xFFFFFFF0))

# 200 entries (past the limit of 100 the test sets).
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_STORED) as z:
    z.writestr("word/document.xml", W % "<w:p><w:r><w:t>Syfte</w:t></w:r></w:p>")
    for i in range(200):
        z.writestr("x/%d" % i, "")
write("many-entries.docx", b.getvalue())

# An ODT under a Word name: read as what it is.
shutil.copy(os.path.join(FIX, "004-pandoc.odt"), os.path.join(OUT, "odt-renamed.docx"))

# A DOCTYPE with nested entities (a "billion laughs") and an external one.
laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
          + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(9))
          + '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
          + '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&j;&ext;</w:t></w:r></w:p></w:body></w:document>')
write("doctype-entities.docx", docx(laughs))

# A spreadsheet-like zip: neither DOCX nor ODT.
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", "<x/>")
write("spreadsheet.ods", b.getvalue())

write("truncated.docx", open(os.path.join(FIX, "001-libreoffice.docx"), "rb").read()[:3000])

for n in sorted(os.listdir(OUT)):
    print(os.path.getsize(os.path.join(OUT, n)), n)
