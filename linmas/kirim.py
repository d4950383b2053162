"""What a Linmas month needs before it may be sent (the registry's `check_send`).

The ledger's send form posts `nihil`, `keterangan` and, from linmas/_kirim_extra.html,
`penjelasan_program` (declared in SEND_FIELDS, validated by desa's one send form). The
explanation of an unmet programme is kept in the report's keterangan,
where the Kasi Trantib reads it on the review panel.
"""

from desa.forms.kirim import teks_kirim
from desa.ledger import TransisiDitolak
from linmas.ringkasan import ringkasan_linmas

SEND_FIELDS = {"penjelasan_program": teks_kirim("Penjelasan program wajib")}


def check_send(desa, periode, kiriman):
    """(nihil, keterangan) for the ledger, or TransisiDitolak with what is missing."""
    ringkasan = ringkasan_linmas([desa], periode)[desa.pk]
    keterangan = kiriman.keterangan
    penjelasan = kiriman.data.get("penjelasan_program", "")
    if kiriman.nihil:
        if not ringkasan.kosong:
            raise TransisiDitolak(
                f"Bulan ini sudah tercatat {ringkasan.jumlah_kegiatan} kegiatan dan "
                f"{ringkasan.jumlah_kejadian} kejadian, jadi laporannya tidak nihil. "
                "Hapus centang Nihil lalu kirim lagi."
            )
        if not keterangan:
            raise TransisiDitolak(
                "Laporan nihil harus disertai alasan: tulis mengapa tidak ada kegiatan Linmas bulan ini."
            )
        return True, keterangan
    if ringkasan.kosong:
        raise TransisiDitolak(
            "Belum ada kegiatan atau kejadian Linmas yang tercatat bulan ini. Catat kegiatannya, "
            "atau centang Nihil dan tulis alasannya."
        )
    kurang = ringkasan.syarat_belum_terpenuhi
    if kurang and not penjelasan:
        daftar = "; ".join(syarat.teks for syarat in kurang)
        raise TransisiDitolak(
            f"Program kegiatan wajib belum terpenuhi ({daftar}). "
            "Tulis penjelasannya di kolom “Penjelasan program wajib” sebelum mengirim."
        )
    bagian = []
    if kurang:
        daftar = "; ".join(syarat.teks for syarat in kurang)
        bagian.append(f"Program wajib belum terpenuhi ({daftar}). Penjelasan: {penjelasan}")
    if keterangan:
        bagian.append(keterangan)
    return False, "\n".join(bagian)
