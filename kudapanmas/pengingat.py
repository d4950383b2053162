"""Reminders (pengingat): which desa still owe a report for a month, the WhatsApp text and who gets it.

The reminders page and `manage.py kirim_pengingat` both call pengingat_for(), so the text shown
to the Kasi Trantib, the e-mails and the dry run never disagree.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import timezone

from desa import kepatuhan
from desa.models import Kecamatan, Pengguna
from desa.models.laporan import Keadaan
from desa.registry import required_kinds
from desa.scoping import Peran
from desa.templatetags.format_id import batas_waktu, tanggal
from kudapanmas.dasbor import add_rt_coverage, desa_of


@dataclass
class Penerima:
    pengguna: object

    @property
    def nama(self):
        return str(self.pengguna)

    @property
    def email(self):
        return self.pengguna.email

    @property
    def nomor_whatsapp(self):
        return self.pengguna.nomor_whatsapp


@dataclass
class PengingatDesa:
    desa: object
    sel: list
    penerima: list = field(default_factory=list)
    pesan: str = ""

    def wa_link(self, penerima):
        if not penerima.nomor_whatsapp:
            return ""
        return f"https://wa.me/{penerima.nomor_whatsapp}?text={quote(self.pesan)}"

    @property
    def kontak(self):
        """(recipient, wa.me link or "") for the page."""
        return [(penerima, self.wa_link(penerima)) for penerima in self.penerima]


@dataclass
class Pengingat:
    kecamatan: object
    periode: object
    batas: object
    desa: list
    pesan: str

    @property
    def penerima(self):
        return [(item.desa, penerima) for item in self.desa for penerima in item.penerima]

    @property
    def belum_wajib(self):
        """The month lies before the kecamatan began reporting through KUDAPANMAS."""
        return not self.kecamatan.wajib_lapor(self.periode)

    @property
    def wa_grup(self):
        """wa.me without a number lets the Kasi Trantib choose the group to send it to."""
        return f"https://wa.me/?text={quote(self.pesan)}" if self.pesan else ""


def kecamatan_aktif():
    """The kecamatan that use KUDAPANMAS: those with at least one active operator."""
    return list(
        Kecamatan.objects.filter(
            desa_set__pengguna_set__peran=Peran.OPERATOR_DESA, desa_set__pengguna_set__is_active=True
        ).distinct()
    )


def pengingat_for(kecamatan, periode, now=None):
    """The desa of the kecamatan with a report of `periode` unsent or returned, and the texts."""
    now = now or timezone.now()
    rows = kepatuhan.grid(desa_of(kecamatan), required_kinds(kecamatan), periode, now)
    add_rt_coverage(rows, periode)
    items = [PengingatDesa(row.desa, [sel for sel in row.sel if sel.is_open]) for row in rows]
    items = [item for item in items if item.sel]
    operators = Pengguna.objects.filter(
        peran=Peran.OPERATOR_DESA, desa__in=[item.desa.pk for item in items], is_active=True
    ).order_by("username")
    by_desa = {}
    for operator in operators:
        by_desa.setdefault(operator.desa_id, []).append(Penerima(operator))
    batas = periode.batas_waktu(kecamatan.hari_batas_waktu)
    for item in items:
        item.penerima = by_desa.get(item.desa.pk, [])
        item.pesan = pesan_desa(kecamatan, periode, item, now)
    return Pengingat(kecamatan, periode, batas, items, pesan_grup(kecamatan, periode, batas, items, now))


def pesan_grup(kecamatan, periode, batas, items, now):
    """The message for the kecamatan's WhatsApp group: every desa that still owes something."""
    if not items:
        return ""
    lewat = " (sudah lewat)" if now >= batas else ""
    lines = [
        "*Pengingat laporan bulanan KUDAPANMAS*",
        f"{kecamatan} · periode {periode.label}",
        f"Batas waktu: {batas_waktu(batas)}{lewat}.",
        "",
        "Desa/kelurahan yang laporannya belum lengkap:",
    ]
    for number, item in enumerate(items, start=1):
        lines.append(f"{number}. {item.desa}: {', '.join(_keadaan(sel, batas) for sel in item.sel)}")
    lines += ["", f"Kirim laporan melalui KUDAPANMAS: {settings.SITE_URL}/", "Terima kasih."]
    return "\n".join(lines)


def pesan_desa(kecamatan, periode, item, now):
    """The message to one desa's operators: its own missing kinds, each with its deadline."""
    lines = [
        f"Yth. operator {item.desa},",
        f"pengingat laporan bulanan KUDAPANMAS periode {periode.label}:",
    ]
    for sel in item.sel:
        lines.append(f"- {sel.jenis_label}: {_keadaan_lengkap(sel, now)}")
    lines += [
        "",
        f"Kirim melalui {settings.SITE_URL}{reverse('kudapanmas:beranda')}",
        f"Terima kasih.\nKasi Trantib {kecamatan}",
    ]
    return "\n".join(lines)


def _keadaan(sel, batas):
    """Short state of one kind for the group list; a different deadline is named."""
    words = {
        Keadaan.DIKEMBALIKAN: "dikembalikan, perlu diperbaiki",
        Keadaan.BELUM_DIKIRIM: "belum dikirim",
        Keadaan.BELUM_JATUH_TEMPO: "belum dikirim",
    }[sel.keadaan]
    if sel.is_extended and sel.keadaan != Keadaan.DIKEMBALIKAN:
        words += f", diperpanjang sampai {tanggal(sel.laporan.batas_waktu_perpanjangan)}"
    if sel.catatan:
        words += f", {sel.catatan} sudah melapor"
    return f"{sel.jenis_label} ({words})"


def _keadaan_lengkap(sel, now):
    text = _keadaan_kalimat(sel, now)
    return f"{text} ({sel.catatan} sudah melapor)" if sel.catatan else text


def _keadaan_kalimat(sel, now):
    if sel.keadaan == Keadaan.DIKEMBALIKAN:
        return f"dikembalikan kecamatan, perbaiki lalu kirim ulang. Catatan: {sel.laporan.catatan_kembali}"
    if sel.keadaan == Keadaan.BELUM_DIKIRIM:
        return f"belum dikirim, batas waktu {batas_waktu(sel.batas)} sudah lewat {sel.hari_terlambat} hari"
    return f"belum dikirim, batas waktu {batas_waktu(sel.batas)}"


def pengingat_kirim_email(pengingat):
    """E-mail each operator (with an address) of every desa in the reminder; return how many."""
    subject = f"[KUDAPANMAS] Pengingat laporan {pengingat.periode.label}"
    messages = [
        (f"{subject}: {item.desa}", item.pesan, None, [penerima.email])
        for item in pengingat.desa
        for penerima in item.penerima
        if penerima.email
    ]
    if messages:
        send_mass_mail(messages, fail_silently=False)
    return len(messages)
