"""E-mails that follow a ledger transition: the operators when their report is
returned or verified, the Kasi Trantib when a report is sent."""

from django.conf import settings
from django.core.mail import send_mass_mail

from desa.registry import monthly_report_url
from desa.scoping import Peran


def laporan_dikirim(laporan):
    from desa.models import Pengguna

    recipients = Pengguna.objects.filter(
        peran=Peran.KASI_TRANTIB, kecamatan_id=laporan.desa.kecamatan_id, is_active=True
    ).exclude(email="")
    jenis = "nihil " if laporan.nihil else ""
    subject = f"[KUDAPANMAS] {laporan.desa.nama} mengirim laporan {jenis}{_judul(laporan)}"
    body = (
        f"{laporan.desa} telah mengirim laporan {jenis}{_judul(laporan)}.\n"
        f"{_catatan('Keterangan', laporan.keterangan)}"
        f"Periksa dan verifikasi: {_link(laporan)}\n"
    )
    _send(subject, body, recipients)


def laporan_diverifikasi(laporan):
    subject = f"[KUDAPANMAS] Laporan {_judul(laporan)} terverifikasi"
    body = (
        f"Laporan {_judul(laporan)} {laporan.desa} telah diverifikasi kecamatan "
        f"dan kini terkunci.\n{_link(laporan)}\n"
    )
    _send(subject, body, _operators(laporan))


def laporan_dikembalikan(laporan):
    subject = f"[KUDAPANMAS] Laporan {_judul(laporan)} dikembalikan"
    body = (
        f"Laporan {_judul(laporan)} {laporan.desa} dikembalikan oleh kecamatan untuk diperbaiki.\n"
        f"{_catatan('Catatan', laporan.catatan_kembali)}"
        f"Perbaiki lalu kirim ulang: {_link(laporan)}\n"
    )
    _send(subject, body, _operators(laporan))


def _operators(laporan):
    from desa.models import Pengguna

    return Pengguna.objects.operators_of(laporan.desa).exclude(email="")


def _judul(laporan):
    return f"{laporan.get_jenis_display()} {laporan.periode_obj.label}"


def _catatan(label, text):
    return f"{label}: {text}\n" if text else ""


def _link(laporan):
    return settings.SITE_URL + monthly_report_url(laporan.jenis, laporan.desa, laporan.periode_obj)


def _send(subject, body, recipients):
    messages = [(subject, body, None, [user.email]) for user in recipients]
    if messages:
        send_mass_mail(messages, fail_silently=True)
