"""What a desa's month of RT reports needs before it may be sent (the registry's `check_send`).

Every active RT has sent its report, or the operator explains each missing one in the
send form (laporan_rt/_kirim_extra.html posts `penjelasan_rt_<nomor>`). The explanations
go into the report's keterangan, where the Kasi Trantib reads them on the review panel.
"""

from desa.ledger import TransisiDitolak
from laporan_rt.rekap import rt_belum_melapor

PANJANG_MAKSIMUM = 1000


def field_name(rt):
    return f"penjelasan_rt_{rt.nomor}"


def check_send(desa, periode, data):
    """(nihil, keterangan) for the ledger, or TransisiDitolak naming what is missing."""
    keterangan = data.get("keterangan", "").strip()
    if len(keterangan) > PANJANG_MAKSIMUM:
        raise TransisiDitolak("Keterangan terlalu panjang (paling banyak 1.000 huruf).")
    if not desa.rt_set.filter(aktif=True).exists():
        raise TransisiDitolak(
            "Desa ini belum punya RT aktif. Tambahkan daftar RT di halaman desa sebelum mengirim laporan RT."
        )
    missing = rt_belum_melapor(desa, periode)
    explained = []
    unexplained = []
    for rt in missing:
        penjelasan = data.get(field_name(rt), "").strip()
        if len(penjelasan) > PANJANG_MAKSIMUM:
            raise TransisiDitolak(f"Penjelasan {rt} terlalu panjang (paling banyak 1.000 huruf).")
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
