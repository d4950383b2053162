"""The ledger panel of a monthly report page, as ready values for desa/_panel_laporan.html.

Each monthly view calls `panel_laporan` and hands the dict to `{% panel_laporan panel %}`: the
state in the words of the reader's role, the deadline, one timeline of the report (sends, returns
with their notes, verification and the consultation comments), the operator's send form and the
Kasi Trantib's review actions. A floor-2 app may add fields to the send form with
`extra_template="app/_kirim_extra.html"` (rendered with the page's own context; the fields it posts
are declared with desa.registry.register_send_fields). The periode is in range already: the URL
converter answers 404 for any other.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from desa import kepatuhan, ledger, scoping
from desa.models.laporan import Status


@dataclass
class Catatan:
    """One entry of a report's timeline: a ledger transition or a comment."""

    waktu: object
    oleh: object  # the user, or None when the account was deleted
    judul: str  # "Kembalikan", "Komentar"
    jenis: str  # a CSS modifier: kirim, kembalikan, verifikasi, komentar, lain
    perubahan: str = ""  # "Terkirim → Dikembalikan"
    isi: str = ""

    @property
    def garis(self):
        """The colour of the entry's left rule, by what happened."""
        return GARIS[self.jenis]


JENIS_AKSI = {
    "kirim": "kirim",
    "kirim ulang": "kirim",
    "verifikasi": "verifikasi",
    "kembalikan": "kembalikan",
    "buka kembali": "kembalikan",
    "ikut dikembalikan": "kembalikan",
}

GARIS = {
    "kirim": "border-success",
    "kembalikan": "border-warning",
    "verifikasi": "border-primary",
    "komentar": "border-secondary-subtle",
    "lain": "border-light",
}


def linimasa(laporan):
    """The report's history and its consultation comments in one list, oldest first."""
    if laporan.pk is None:
        return []
    entries = [
        Catatan(
            item.created_at,
            item.oleh,
            item.aksi.capitalize(),
            JENIS_AKSI.get(item.aksi, "lain"),
            f"{item.get_dari_display()} → {item.get_ke_display()}" if item.dari != item.ke else "",
            item.catatan,
        )
        for item in laporan.riwayat.select_related("oleh")
    ]
    entries += [
        Catatan(item.created_at, item.penulis, "Komentar", "komentar", isi=item.isi)
        for item in laporan.komentar.select_related("penulis")
    ]
    # A stable sort: a transition and a comment made in the same instant keep that order.
    return sorted(entries, key=lambda entry: entry.waktu)


def panel_laporan(user, desa, jenis, periode, *, extra_template="", nihil_allowed=True):
    """What the panel shows `user` of the desa's report of (jenis, periode), and what it lets them do."""
    laporan = ledger.laporan_for(desa, jenis, periode)
    sel = kepatuhan.make_sel(desa, jenis, periode, laporan if laporan.pk else None, timezone.now())
    is_reviewer = scoping.may_verify(user, desa)
    is_sender = scoping.may_send(user, desa)
    may_send = is_sender and laporan.status in (Status.BELUM_DIKIRIM, Status.DIKEMBALIKAN)
    belum_bisa = ledger.alasan_belum_bisa_dikirim(desa, jenis, periode) if may_send else ""
    ikut_kembali = []
    if is_reviewer and laporan.status in (Status.DIKIRIM, Status.DIVERIFIKASI):
        ikut_kembali = [item.periode.label for item in ledger.laporan_berikut_terkirim(laporan)]
    normal = ledger.deadline_day(desa.kecamatan, periode)
    longest = datetime.timedelta(days=ledger.PERPANJANGAN_MAKSIMUM_HARI)
    return {
        "desa": desa,
        "jenis": jenis,
        "periode": periode,
        "laporan": laporan,
        "sel": sel,
        "linimasa": linimasa(laporan),
        "peran_panel": "pengirim" if is_sender else "pemeriksa" if is_reviewer else "pembaca",
        "can_send": may_send and not belum_bisa,
        "can_verify": is_reviewer and laporan.status == Status.DIKIRIM,
        "can_reopen": is_reviewer and laporan.status == Status.DIVERIFIKASI,
        "can_extend": is_reviewer and not laporan.is_sent,
        "can_comment": scoping.may_write(user, desa),
        "belum_bisa_dikirim": belum_bisa,
        "ikut_kembali": ikut_kembali,
        "is_sender": is_sender,
        "perpanjangan_min": (normal + datetime.timedelta(days=1)).isoformat(),
        "perpanjangan_max": (normal + longest).isoformat(),
        "extra_template": extra_template,
        "nihil_allowed": nihil_allowed,
        "args": [desa.kode, jenis, str(periode)],
        "tanda_terima_url": _tanda_terima_url(laporan),
    }


def _tanda_terima_url(laporan):
    """The report's receipts, once it was sent: every send and verification gave one."""
    if laporan.pk is None or laporan.pertama_dikirim_at is None:
        return ""
    return reverse("desa:tanda_terima_list", args=[laporan.desa_id, laporan.jenis, str(laporan.periode)])
