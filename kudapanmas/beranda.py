"""The operator's home page: every report of their desa that is returned, overdue or due, and why."""

from dataclasses import dataclass, field

from django.utils import timezone

from desa import kepatuhan
from desa.models.laporan import Keadaan
from desa.periode import Periode, format_tanggal
from desa.registry import required_kinds
from desa.templatetags.format_id import batas_waktu

# How far back the list looks for reports still unsent or returned.
BULAN_TERTINGGAL = 12
# Overdue months shown open; older ones fold away so that a phone shows the rest of the page.
BULAN_TERBUKA = 3


@dataclass
class Tugas:
    sel: object
    alasan: str


@dataclass
class BulanTertunda:
    """One month with reports not sent yet, newest month first on the page."""

    periode: object
    tugas: list = field(default_factory=list)

    @property
    def alasan_bersama(self):
        """The reason once for the month when every kind shares it (the usual deadline)."""
        reasons = {tugas.alasan for tugas in self.tugas}
        return reasons.pop() if len(reasons) == 1 else ""

    @property
    def terlambat(self):
        return any(tugas.sel.keadaan == Keadaan.BELUM_DIKIRIM for tugas in self.tugas)


@dataclass
class DaftarTugas:
    dikembalikan: list  # [Tugas], each with the kecamatan's note
    tertunda: list  # [BulanTertunda]
    berjalan: list  # [Tugas] of the running month
    terkirim: list  # [Tugas] sent last month or this one

    @property
    def ada_tugas(self):
        return bool(self.dikembalikan or self.tertunda)

    @property
    def tertunda_terbaru(self):
        return self.tertunda[:BULAN_TERBUKA]

    @property
    def tertunda_lama(self):
        """The older overdue months, newest first, folded under one line on the page."""
        return self.tertunda[BULAN_TERBUKA:]

    @property
    def rentang_lama(self):
        """'Oktober 2025 – Juli 2026': the months of `tertunda_lama`, oldest first."""
        oldest, newest = self.tertunda_lama[-1].periode, self.tertunda_lama[0].periode
        return oldest.label if oldest == newest else f"{oldest.label} – {newest.label}"


def tugas_operator(desa, now=None):
    """Sort the desa's cells of the last twelve months into what the operator has to do."""
    now = now or timezone.now()
    periode_ini = Periode.of(timezone.localtime(now).date())
    periodes = [periode_ini.shift(-offset) for offset in range(BULAN_TERTINGGAL + 1)]
    per_month = kepatuhan.history([desa], required_kinds(desa.kecamatan), periodes, now)
    daftar = DaftarTugas([], [], [], [])
    for periode in periodes:
        bulan = BulanTertunda(periode)
        for sel in per_month[periode][0].sel:
            if sel.keadaan == Keadaan.BELUM_WAJIB:  # before the kecamatan began reporting here
                continue
            tugas = Tugas(sel, alasan(sel))
            if sel.keadaan == Keadaan.DIKEMBALIKAN:
                daftar.dikembalikan.append(tugas)
            elif periode == periode_ini and not sel.is_sent:
                daftar.berjalan.append(tugas)
            elif sel.is_open:
                bulan.tugas.append(tugas)
            elif periode >= periode_ini.previous():
                daftar.terkirim.append(tugas)
        if bulan.tugas:
            daftar.tertunda.append(bulan)
    return daftar


def alasan(sel):
    """Why a report is where it is, in one sentence for the operator."""
    laporan = sel.laporan
    batas = batas_waktu(sel.batas)
    if sel.keadaan == Keadaan.DIKEMBALIKAN:
        return f"Dikembalikan kecamatan. Catatan: {laporan.catatan_kembali}"
    if sel.keadaan == Keadaan.BELUM_DIKIRIM:
        return f"Batas waktu {batas} sudah lewat {sel.hari_terlambat} hari. Kirim secepatnya."
    if sel.keadaan == Keadaan.BELUM_JATUH_TEMPO:
        extra = f" (perpanjangan: {laporan.alasan_perpanjangan})" if sel.is_extended else ""
        return f"Kirim paling lambat {batas}{extra}."
    sent = format_tanggal(laporan.pertama_dikirim_at)
    late = f", {sel.hari_terlambat} hari terlambat" if sel.hari_terlambat else ""
    if sel.keadaan == Keadaan.DIVERIFIKASI:
        return f"Terverifikasi {format_tanggal(laporan.diverifikasi_at)} (dikirim {sent}{late})."
    return f"Terkirim {sent}{late}; menunggu verifikasi kecamatan."
