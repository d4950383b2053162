"""What an uploaded workbook expands to, checked before openpyxl reads any of it.

An .xlsx is a zip of XML parts, and 2 MB of zip can hold gigabytes of `<row/>` or one cell of a
gigabyte; the upload's size says nothing. openpyxl reads a whole shared-strings table, and every
cell whole, into memory, so each part is first streamed through a counting XML parser that holds
one chunk at a time and stops at the first limit. The zip's directory is checked first (cheap),
and the bytes are counted again while inflating, since the directory can lie.
"""

import zipfile
from xml.parsers import expat

from desa.templatetags.format_id import angka
from kependudukan.impor.kolom import MAKS_BARIS, MAKS_KOLOM

MAKS_UKURAN_BAGIAN = 50 * 1024 * 1024  # uncompressed bytes of one part of the zip
MAKS_UKURAN_ISI = 100 * 1024 * 1024  # uncompressed bytes of all parts together
MAKS_JUMLAH_BAGIAN = 1_000
MAKS_BARIS_LEMBAR = 4 * MAKS_BARIS  # rows of all sheets, empty ones too
MAKS_SEL = 2 * MAKS_BARIS * MAKS_KOLOM  # cells of all sheets plus shared strings
MAKS_PANJANG_SEL = 32_767  # characters in one cell: Excel's own limit
MAKS_UNSUR = 2 * MAKS_SEL  # XML elements of all parts: bounds the time of the check itself
MAKS_TANDA = 256 * 1024  # bytes of one tag or comment, which the XML parser buffers whole
_POTONGAN = 64 * 1024

_SARAN = "Salin datanya ke templat impor (unduh dari halaman ini), atau bagi menjadi beberapa berkas."


class IsiTerlaluBesar(Exception):
    """The workbook expands beyond a limit; the message says which, in the operator's words."""


def periksa_isi(source):
    """Raise IsiTerlaluBesar if the zip at `source` (a path or a seekable file) expands too far;
    otherwise return its number of rows (of all sheets, headers and empty rows too).

    Zip and XML errors are raised as they are: openpyxl would meet them too. A file object is
    rewound for the reader that comes next.
    """
    with zipfile.ZipFile(source) as archive:
        parts = archive.infolist()
        _check_directory(parts)
        penghitung = _Penghitung()
        for info in parts:
            with archive.open(info) as part:
                penghitung.read_part(info.filename, part)
    if hasattr(source, "seek"):
        source.seek(0)
    return penghitung.baris_selesai


def _check_directory(parts):
    if len(parts) > MAKS_JUMLAH_BAGIAN:
        raise IsiTerlaluBesar(f"Berkas terdiri dari lebih dari {angka(MAKS_JUMLAH_BAGIAN)} bagian. {_SARAN}")
    total = 0
    for info in parts:
        _check_size(info.filename, info.file_size, total + info.file_size)
        total += info.file_size


def _check_size(nama, ukuran_bagian, ukuran_isi):
    if ukuran_bagian > MAKS_UKURAN_BAGIAN or ukuran_isi > MAKS_UKURAN_ISI:
        batas = MAKS_UKURAN_BAGIAN if ukuran_bagian > MAKS_UKURAN_BAGIAN else MAKS_UKURAN_ISI
        raise IsiTerlaluBesar(
            f"Isi berkas Excel terlalu besar setelah dibuka: lebih dari {batas // (1024 * 1024)} MB "
            f"(bagian {nama}). Berkas impor yang wajar jauh lebih kecil. {_SARAN}"
        )


class _Penghitung:
    """Counts bytes, rows, cells and the characters of one cell across the parts of one zip."""

    def __init__(self):
        self.ukuran_isi = 0
        self.baris_selesai = 0  # rows of the parts already read
        self.sel = 0
        self.unsur = 0

    def read_part(self, nama, part):
        self.baris, self.panjang, self.dalam_sel = 0, 0, False
        parser = self._parser()
        ukuran = 0
        while chunk := part.read(_POTONGAN):
            ukuran += len(chunk)
            self.ukuran_isi += len(chunk)
            _check_size(nama, ukuran, self.ukuran_isi)
            if parser is not None:
                try:
                    parser.Parse(chunk, False)
                except expat.ExpatError:
                    parser = None  # not XML (an image, say): its bytes still count
                    continue
                # expat holds an unfinished tag or comment and scans it again with every chunk.
                if ukuran - parser.CurrentByteIndex > MAKS_TANDA:
                    raise IsiTerlaluBesar(
                        f"Berkas ini bukan berkas impor yang wajar: satu tanda XML di bagian {nama} "
                        f"lebih panjang dari {MAKS_TANDA // 1024} KB. {_SARAN}"
                    )
        self.baris_selesai += self.baris

    def _parser(self):
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.StartDoctypeDeclHandler = _refuse_doctype
        return parser

    def _start(self, name, attributes):
        self.unsur += 1
        if self.unsur > MAKS_UNSUR:
            raise IsiTerlaluBesar(
                f"Isi berkas terlalu banyak: lebih dari {angka(MAKS_UNSUR)} unsur XML (sel, baris, dan "
                f"lainnya). Hapus lembar, kolom, dan baris yang tidak dipakai. {_SARAN}"
            )
        local = name.rpartition(":")[2]
        if local == "row":
            # openpyxl fills a gap in the row numbers with empty rows, so the highest number counts.
            nomor = attributes.get("r", "")
            self.baris = max(self.baris, int(nomor)) if nomor.isdigit() else self.baris + 1
            if self.baris_selesai + self.baris > MAKS_BARIS_LEMBAR:
                raise IsiTerlaluBesar(
                    f"Berkas berisi lebih dari {angka(MAKS_BARIS_LEMBAR)} baris, baris kosong juga "
                    "dihitung. Hapus baris kosong di bawah data (pilih barisnya, klik kanan, Hapus), "
                    f"lalu simpan dan unggah lagi. {_SARAN}"
                )
        elif local in ("c", "si"):
            self.sel += 1
            if self.sel > MAKS_SEL:
                raise IsiTerlaluBesar(
                    f"Berkas berisi lebih dari {angka(MAKS_SEL)} sel. Hapus kolom dan baris yang tidak "
                    f"dipakai. {_SARAN}"
                )
            self.dalam_sel = True
        if not self.dalam_sel or local in ("c", "si"):
            self.panjang = 0

    def _end(self, name):
        if name.rpartition(":")[2] in ("c", "si"):
            self.dalam_sel = False
        if not self.dalam_sel:
            self.panjang = 0

    def _text(self, data):
        # A cell's text is counted whole (rich text comes in runs); elsewhere one run at a time.
        self.panjang += len(data)
        if self.panjang > MAKS_PANJANG_SEL:
            raise IsiTerlaluBesar(
                f"Satu sel berisi lebih dari {angka(MAKS_PANJANG_SEL)} karakter, lebih dari yang dapat "
                f"ditampung Excel. Berkas ini bukan berkas impor yang wajar. {_SARAN}"
            )


def _refuse_doctype(*_):
    raise ValueError("a workbook part declares a DTD; Excel never writes one")
