"""Import of OpenSID's event log (Kependudukan › Catatan Peristiwa › Unduh) into the events, with
our own template's check and save (kependudukan.impor.periksa and simpan): the same rules, the same
messages, all or nothing, and a second import of the same file adds nothing.

OpenSID serves the log as an HTML table named Log_Penduduk_<date>.xls (see the package's
docstring); the file as downloaded and the same file saved again as .xlsx are both read. Its columns
are taken by position after the header row is recognised. What the log does not carry is taken as
follows: the desa from the upload form; the kind of event from "Status Menjadi" (OpenSID's
kode peristiwa 1, 2, 3 and 5; 4 Hilang and 6 Pergi are reported and skipped); the date reported as
the date of the event, as our template does when it is left empty; the sex from the desa's list
of residents (kependudukan.services.rujukan), otherwise from the NIK. A move out names its level
(ref_pindah) but not its destination.
"""

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desa.templatetags.format_id import angka
from kependudukan import aturan
from kependudukan.impor import nilai as nilai_dasar
from kependudukan.impor import periksa, simpan
from kependudukan.impor.baca import BerkasDitolak, Kesalahan, Lembar
from kependudukan.impor.kolom import MAKS_BARIS, MAKS_UKURAN_BERKAS, SHEET_PERISTIWA, normalize_header
from kependudukan.impor.luar.berkas import baca_lembar
from kependudukan.impor.luar.periksa import desa_pilihan, pilihan_berkas
from kependudukan.models import JenisPeristiwa, PendudukRujukan
from kependudukan.models.peristiwa import TingkatPindah

SHEET_HTML = "Log Penduduk"  # the downloaded file has no sheet; its table is named so in messages

# The header row of donjo-app/views/penduduk_log/penduduk_log_cetak.php; column 5 is the desa's own
# name for a dusun (setting sebutan_dusun), so any text is taken there.
HEADER = ("No", "NIK", "Nama", "No. KK / Nama KK", None, "RW", "RT", "Umur", "Status Menjadi",
          "Tanggal Peristiwa", "Tanggal Rekam", "Catatan Peristiwa")  # fmt: skip
_NIK, _NAMA, _KK, _RT, _STATUS, _TANGGAL, _CATATAN = 1, 2, 3, 6, 8, 9, 11

# Our template's column keys, named by the log's headers in messages.
JUDUL = {
    "kode_desa": "",
    "rt": "RT",
    "jenis": "Status Menjadi",
    "tanggal_peristiwa": "Tanggal Peristiwa",
    "tanggal_lapor": "Tanggal Peristiwa",
    "nik": "NIK",
    "no_kk": "No. KK / Nama KK",
    "nama": "Nama",
    "jenis_kelamin": "NIK",
    "tanggal_lahir": "NIK",
    "keterangan": "Catatan Peristiwa",
}

# "Status Menjadi" is ref_peristiwa's name, or for kode 3 ref_pindah's (Data_awal_seeder.php).
JENIS = {
    "LAHIR": JenisPeristiwa.LAHIR,
    "MATI": JenisPeristiwa.MATI,
    "PINDAH KELUAR": JenisPeristiwa.PINDAH,
    "PINDAH KELUAR DESA/KELURAHAN": JenisPeristiwa.PINDAH,
    "PINDAH KELUAR KECAMATAN": JenisPeristiwa.PINDAH,
    "PINDAH KELUAR KABUPATEN/KOTA": JenisPeristiwa.PINDAH,
    "PINDAH KELUAR PROVINSI": JenisPeristiwa.PINDAH,
    "PINDAH MASUK": JenisPeristiwa.DATANG,
}
# ref_pindah's ids 1 to 4, in that order, are our four levels of a move.
TINGKAT = {
    "PINDAH KELUAR DESA/KELURAHAN": TingkatPindah.ANTAR_DESA,
    "PINDAH KELUAR KECAMATAN": TingkatPindah.ANTAR_KECAMATAN,
    "PINDAH KELUAR KABUPATEN/KOTA": TingkatPindah.ANTAR_KABUPATEN,
    "PINDAH KELUAR PROVINSI": TingkatPindah.ANTAR_PROVINSI,
}
DILEWATI = {"HILANG": 4, "PERGI": 6, "TIDAK TETAP PERGI": 6}

_BULAN = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan", "january"),
            ("februari", "pebruari", "feb", "peb", "february"),
            ("maret", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agu", "agt", "ags", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "des", "dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_TANGGAL_INDO = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_KOSONG = {"", "-", "0", "00", "000"}
_CHUNK = 500  # NIKs looked up at once in the desa's list of residents

TIDAK_DIKENAL = (
    "Berkas ini bukan log penduduk OpenSID: tidak ada baris judul No, NIK, Nama, No. KK / Nama KK, "
    "(Dusun), RW, RT, Umur, Status Menjadi, Tanggal Peristiwa, Tanggal Rekam, Catatan Peristiwa. "
    "Unduh dari OpenSID menu Kependudukan › Catatan Peristiwa › Unduh, lalu unggah tanpa mengubah kolomnya."
)
TIDAK_TERBACA = (
    "Berkas tidak dapat dibaca. Unggah berkas Log_Penduduk_….xls apa adanya seperti diunduh dari OpenSID, "
    "atau simpan sebagai 'Excel Workbook (.xlsx)'."
)
TANPA_JENIS_KELAMIN = (
    "Log OpenSID tidak memuat jenis kelamin dan NIK ini tidak menunjukkannya. Impor dulu daftar penduduk "
    "desa yang memuat NIK ini (Impor data penduduk), atau catat peristiwa ini lewat formulir."
)


def tanggal(value):
    """A date as OpenSID writes it (tgl_indo: '5 Januari 2026'), or as our template allows."""
    raw = nilai_dasar.text(value)
    if raw in ("", "-"):
        return None
    found = _TANGGAL_INDO.match(raw)
    if found and found.group(2).lower() in _BULAN:
        day, month, year = int(found.group(1)), _BULAN[found.group(2).lower()], int(found.group(3))
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise ValueError(f"'{raw}' bukan tanggal yang ada.") from None
    try:
        return nilai_dasar.tanggal(value)
    except ValueError:
        raise ValueError(f"'{raw}' bukan tanggal; OpenSID menulisnya seperti 5 Januari 2026.") from None


def jenis_kelamin_dari_nik(nik):
    """L or P from the day of birth a NIK holds (women's plus 40), or '' when it holds none."""
    if len(nik) != 16 or not nik.isdigit():
        return ""
    day = int(nik[6:8])
    return "L" if 1 <= day <= 31 else "P" if 41 <= day <= 71 else ""


class _Tabel(HTMLParser):
    """The rows of the HTML tables of a page, each a tuple of its cells' text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._end_cell()
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self):
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _end_row(self):
        self._end_cell()
        if self._row is not None:
            self.rows.append(tuple(self._row))
            if len(self.rows) > MAKS_BARIS + 10:
                raise BerkasDitolak(
                    f"Berkas berisi lebih dari {angka(MAKS_BARIS)} baris. Unduh log per bulan atau per tahun "
                    "dari OpenSID, lalu impor satu per satu."
                )
        self._row = None


def _baca_html(data):
    text = data.decode("utf-8", errors="replace")
    if "<table" not in text.lower():
        raise BerkasDitolak(TIDAK_TERBACA)
    parser = _Tabel()
    try:
        parser.feed(text)
        parser.close()
    except BerkasDitolak:
        raise
    except Exception as error:  # noqa: BLE001 - any markup the parser chokes on means the same
        raise BerkasDitolak(TIDAK_TERBACA) from error
    parser._end_row()
    return [(SHEET_HTML, parser.rows)]


def _is_header(row):
    cells = [normalize_header(cell) for cell in row[: len(HEADER)]]
    return len(cells) == len(HEADER) and all(
        want is None or cells[index] == normalize_header(want) for index, want in enumerate(HEADER)
    )


def tabel_log(source):
    """(sheet name, [(row number, cells)]) of the log's data rows; raises BerkasDitolak.

    In the downloaded HTML the header row is row 1; in a workbook the rows are the sheet's own.
    """
    data = source.read(MAKS_UKURAN_BERKAS + 1)
    if len(data) > MAKS_UKURAN_BERKAS:
        raise BerkasDitolak(f"Berkas lebih besar dari {MAKS_UKURAN_BERKAS // (1024 * 1024)} MB.")
    if data[:2] == b"PK":
        source.seek(0)
        sheets = baca_lembar(source)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BerkasDitolak(
            "Berkas ini .xls Excel lama. Unggah berkas Log_Penduduk_….xls apa adanya seperti diunduh dari "
            "OpenSID, atau buka di Excel dan simpan sebagai 'Excel Workbook (.xlsx)'."
        )
    else:
        sheets = _baca_html(data)
    for name, rows in sheets:
        for index, row in enumerate(rows):
            if _is_header(row):
                first = 1 if name == SHEET_HTML else index + 1
                body = [
                    (first + offset, row + (None,) * (len(HEADER) - len(row)))
                    for offset, row in enumerate(rows[index + 1 :], start=1)
                    if any(nilai_dasar.text(cell) for cell in row)
                ]
                if not body:
                    raise BerkasDitolak(
                        "Log penduduk ini kosong: tidak ada baris peristiwa di bawah judulnya."
                    )
                return name, body
    raise BerkasDitolak(TIDAK_DIKENAL)


@dataclass
class _Bacaan:
    """Reads the log for our check, with the chosen desa; what it skips it keeps as warnings."""

    desa_boleh: object
    pilihan: object = None
    sheet: str = SHEET_HTML
    peringatan: list = field(default_factory=list)

    def baca(self, source):
        pilihan = pilihan_berkas(source, self.pilihan)
        desa = desa_pilihan(pilihan, self.desa_boleh)
        self.sheet, body = tabel_log(source)
        errors, rows = [], []
        for number, cells in body:
            row = self._row(number, cells, desa, errors)
            if row is not None:
                rows.append((number, row))
        self._isi_dari_rujukan(desa, rows)
        for number, row in rows:
            if not row["jenis_kelamin"]:  # no NIK, or one our rules refuse: say which
                message, _ = aturan.periksa_nik(row["jenis"], row["nik"], None, None)
                errors.append(Kesalahan(self.sheet, number, "NIK", message or TANPA_JENIS_KELAMIN))
        rows = [(number, row) for number, row in rows if row["jenis_kelamin"]]
        return {SHEET_PERISTIWA: Lembar(SHEET_PERISTIWA, rows)}, errors

    def _row(self, number, cells, desa, errors):
        def error(kolom, pesan):
            errors.append(Kesalahan(self.sheet, number, kolom, pesan))

        status = nilai_dasar.upper(cells[_STATUS])
        if status in DILEWATI:
            self.peringatan.append(
                Kesalahan(
                    self.sheet, number, "Status Menjadi",
                    f"'{nilai_dasar.text(cells[_STATUS])}' (kode peristiwa {DILEWATI[status]} OpenSID) "
                    "tidak dicatat di KUDAPANMAS; baris ini dilewati.",
                )
            )  # fmt: skip
            return None
        if status not in JENIS:
            shown = nilai_dasar.text(cells[_STATUS])
            error(
                "Status Menjadi",
                f"'{shown}' bukan peristiwa OpenSID yang dikenal (Lahir, Mati, Pindah Keluar, Pindah Masuk)."
                if shown
                else "Status Menjadi kosong: jenis peristiwa tidak diketahui.",
            )
            return None
        nik = nilai_dasar.text(cells[_NIK])
        if "X" in nik.upper():
            error("NIK", "NIK disamarkan. Unduh ulang log dari OpenSID tanpa menyensor NIK/KK.")
            return None
        try:
            when = tanggal(cells[_TANGGAL])
        except ValueError as problem:
            error("Tanggal Peristiwa", str(problem))
            return None
        if when is None:
            error("Tanggal Peristiwa", "Tanggal peristiwa kosong; isi dulu di OpenSID, lalu unduh ulang log.")
            return None
        no_kk = nilai_dasar.text(cells[_KK]).split("/")[0].strip()
        rt = nilai_dasar.text(cells[_RT])
        nik = "" if nik in _KOSONG else nik
        return {
            "kode_desa": desa.pk,
            "rt": None if rt in _KOSONG else rt,
            "jenis": JENIS[status],
            "tingkat_pindah": TINGKAT.get(status, ""),
            "tanggal_peristiwa": when,
            "nik": nik,
            "no_kk": "" if no_kk in _KOSONG or "X" in no_kk.upper() else no_kk,
            "nama": cells[_NAMA],
            "jenis_kelamin": jenis_kelamin_dari_nik(nik),
            "keterangan": cells[_CATATAN],
        }

    def _isi_dari_rujukan(self, desa, rows):
        """Sex and date of birth from the desa's list of residents, where it holds the NIK."""
        niks = sorted({row["nik"] for _, row in rows if row["nik"]})
        known = {}
        for start in range(0, len(niks), _CHUNK):
            found = PendudukRujukan.objects.filter(desa=desa, nik__in=niks[start : start + _CHUNK])
            for nik, sex, born in found.values_list("nik", "jenis_kelamin", "tanggal_lahir"):
                known[nik] = (sex, born)
        for _, row in rows:
            if row["nik"] in known and row["jenis"] != JenisPeristiwa.LAHIR:
                sex, born = known[row["nik"]]
                row["jenis_kelamin"] = sex or row["jenis_kelamin"]
                row["tanggal_lahir"] = born

    def selesai(self, hasil):
        """The check's findings named by the log's sheet, with the skipped rows as warnings."""
        for item in (*hasil.kesalahan, *hasil.peringatan):
            if item.sheet == SHEET_PERISTIWA:
                item.sheet = self.sheet
        hasil.peringatan[:0] = self.peringatan
        hasil.kesalahan.sort(key=lambda k: k.baris or 0)
        return hasil


def periksa_berkas(source, *, desa_boleh, kemajuan=None, pilihan=None, hari_ini=None):
    """Check an uploaded log as our template's events are checked; raises BerkasDitolak."""
    bacaan = _Bacaan(desa_boleh, pilihan)
    hasil = periksa.periksa_berkas(
        source, desa_boleh=desa_boleh, hari_ini=hari_ini, kemajuan=kemajuan, baca=bacaan.baca, judul=JUDUL
    )
    return bacaan.selesai(hasil)


def simpan_berkas(source, *, user, desa_boleh, nama_berkas="", kemajuan=None, pilihan=None, hari_ini=None):
    """Check the log again and save its events all or nothing, as our template's are saved."""
    bacaan = _Bacaan(desa_boleh, pilihan)
    hasil = simpan.simpan_berkas(
        source, user=user, desa_boleh=desa_boleh, nama_berkas=nama_berkas, hari_ini=hari_ini,
        kemajuan=kemajuan, baca=bacaan.baca, judul=JUDUL,
    )  # fmt: skip
    return bacaan.selesai(hasil)
