"""E-mails that follow a ledger transition: the operators when their report is
returned, reopened or verified, the Kasi Trantib when a report is sent, and the other
side of the consultation thread when someone comments."""

from django.conf import settings
from django.core.mail import send_mass_mail

from desa.registry import monthly_report_url
from desa.scoping import Peran


def laporan_dikirim(laporan):
    jenis = "nihil " if laporan.nihil else ""
    subject = f"[KUDAPANMAS] {laporan.desa.nama} mengirim laporan {jenis}{_judul(laporan)}"
    body = (
        f"{laporan.desa} telah mengirim laporan {jenis}{_judul(laporan)}.\n"
        f"{_catatan('Keterangan', laporan.keterangan)}"
        f"Periksa dan verifikasi: {_link(laporan)}\n"
    )
    _send(subject, body, _verifiers(laporan))


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


def laporan_dibuka_kembali(laporan):
    subject = f"[KUDAPANMAS] Laporan {_judul(laporan)} dibuka kembali"
    body = (
        f"Laporan {_judul(laporan)} {laporan.desa} yang sudah terverifikasi dibuka kembali oleh "
        f"kecamatan. Data bulan itu dapat diubah lagi.\n"
        f"{_catatan('Alasan', laporan.catatan_kembali)}"
        f"Perbaiki lalu kirim ulang: {_link(laporan)}\n"
    )
    _send(subject, body, _operators(laporan))


def laporan_ikut_dikembalikan(laporan, sebab):
    """A later month sent back because `sebab`, an earlier month of the same kind, was returned."""
    subject = f"[KUDAPANMAS] Laporan {_judul(laporan)} ikut dikembalikan"
    body = (
        f"Laporan {_judul(laporan)} {laporan.desa} ikut dikembalikan karena laporan "
        f"{sebab.periode.label} dikembalikan untuk diperbaiki; angka awal bulannya bergantung "
        f"pada bulan itu.\n{_catatan('Alasan', sebab.catatan_kembali)}"
        f"Setelah {sebab.periode.label} dikirim ulang, periksa lalu kirim ulang: {_link(laporan)}\n"
    )
    _send(subject, body, _operators(laporan))


def komentar_ditambahkan(komentar):
    """A comment from the desa goes to the Kasi Trantib; any other comment goes to the desa."""
    laporan = komentar.laporan
    penulis = komentar.penulis
    from_desa = penulis is not None and penulis.peran == Peran.OPERATOR_DESA
    recipients = _verifiers(laporan) if from_desa else _operators(laporan)
    if penulis is not None:
        recipients = recipients.exclude(pk=penulis.pk)
    subject = f"[KUDAPANMAS] Komentar baru: {laporan.desa.nama} {_judul(laporan)}"
    body = (
        f"{penulis or 'Seseorang'} menulis tentang laporan {_judul(laporan)} {laporan.desa}:\n\n"
        f"{komentar.isi}\n\n"
        f"Balas di: {_link(laporan)}\n"
    )
    _send(subject, body, recipients)


def _operators(laporan):
    from desa.models import Pengguna

    return Pengguna.objects.operators_of(laporan.desa).exclude(email="")


def _verifiers(laporan):
    from desa.models import Pengguna

    return Pengguna.objects.filter(
        peran=Peran.KASI_TRANTIB, kecamatan_id=laporan.desa.kecamatan_id, is_active=True
    ).exclude(email="")


def _judul(laporan):
    return f"{laporan.get_jenis_display()} {laporan.periode.label}"


def _catatan(label, text):
    return f"{label}: {text}\n" if text else ""


def _link(laporan):
    return settings.SITE_URL + monthly_report_url(laporan.jenis, laporan.desa, laporan.periode)


def _send(subject, body, recipients):
    messages = [(subject, body, None, [user.email]) for user in recipients]
    if messages:
        send_mass_mail(messages, fail_silently=True)
