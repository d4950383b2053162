"""What a Linmas month needs before it may be sent (the registry's `check_send`).

The ledger's send form posts `nihil`, `keterangan` and, from linmas/_kirim_extra.html,
`penjelasan_program`. The explanation of an unmet programme is kept in the report's
keterangan, where the Kasi Trantib reads it on the review panel.
"""

from desa.ledger import TransisiDitolak
from linmas.ringkasan import ringkasan_linmas

PANJANG_MAKSIMUM = 1000


def check_send(desa, periode, data):
    """(nihil, keterangan) for the ledger, or TransisiDitolak with what is missing."""
    ringkasan = ringkasan_linmas([desa], periode)[desa.pk]
    nihil = data.get("nihil") == "on"
    keterangan = data.get("keterangan", "").strip()
    penjelasan = data.get("penjelasan_program", "").strip()
    if len(keterangan) > PANJANG_MAKSIMUM or len(penjelasan) > PANJANG_MAKSIMUM:
        raise TransisiDitolak("Keterangan terlalu panjang (paling banyak 1.000 huruf).")
    if nihil:
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
