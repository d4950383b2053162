"""What a desa's month of RT reports needs before it may be sent (the registry's `check_send`).

Every active RT has sent its report, or the operator explains each missing one in the
send form (laporan_rt/_kirim_extra.html posts `penjelasan_rt_<nomor>`, declared by
`send_fields` and validated by desa's one send form). The explanations
go into the report's keterangan, where the Kasi Trantib reads them on the review panel.
"""

from desa.forms.kirim import teks_kirim
from desa.ledger import TransisiDitolak
from laporan_rt.rekap import rt_belum_melapor


def field_name(rt):
    return f"penjelasan_rt_{rt.nomor}"


def send_fields(desa, periode):
    """One explanation per RT of the desa; the check decides, after the lock, which are missing."""
    return {field_name(rt): teks_kirim(f"Penjelasan {rt}") for rt in desa.rt_set.order_by("nomor")}


def check_send(desa, periode, kiriman):
    """(nihil, keterangan) for the ledger, or TransisiDitolak naming what is missing."""
    keterangan = kiriman.keterangan
    if not desa.rt_set.filter(aktif=True).exists():
        raise TransisiDitolak(
            "Desa ini belum punya RT aktif. Tambahkan daftar RT di halaman desa sebelum mengirim laporan RT."
        )
    missing = rt_belum_melapor(desa, periode)
    explained = []
    unexplained = []
    for rt in missing:
        penjelasan = kiriman.data.get(field_name(rt), "")
        if penjelasan:
            explained.append(f"{rt}: {penjelasan}")
        else:
            unexplained.append(str(rt))
    if unexplained:
        raise TransisiDitolak(
            f"{', '.join(unexplained)} belum melapor {periode.label}. Tunggu laporannya, atau tulis "
            "penjelasan untuk setiap RT yang belum melapor sebelum mengirim."
        )
    bagian = []
    if explained:
        bagian.append("RT yang belum melapor: " + "; ".join(explained))
    if keterangan:
        bagian.append(keterangan)
    return False, "\n".join(bagian)
