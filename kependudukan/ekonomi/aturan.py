"""The date rules of households and aid recipients: the same in the forms and in the import.

Each function returns the message in Bahasa Indonesia, or None when the value is fine. The
messages name no field, since the form shows them under the field and the import under the column.
"""

from desa.periode import PERIODE_PERTAMA, Periode

# How far ahead a recipient's last month may be planned: as far as the ledger accepts months.
SELESAI_KE_DEPAN_BULAN = 12


def pesan_pemutakhiran(tanggal, hari_ini):
    """The date a household's economic data was checked: not ahead of today, not before 2000."""
    if tanggal > hari_ini:
        return "Tanggal pemutakhiran tidak boleh di masa depan."
    if tanggal < PERIODE_PERTAMA.awal:
        return f"Tanggal pemutakhiran terlalu lama (sebelum {PERIODE_PERTAMA.label})."
    return None


def pesan_mulai(mulai, hari_ini):
    """The first month of aid: a month that has begun, not before 2000."""
    if mulai > Periode.of(hari_ini):
        return f"{mulai.label} belum berjalan."
    if mulai < PERIODE_PERTAMA:
        return f"Bulan mulai terlalu lama (sebelum {PERIODE_PERTAMA.label})."
    return None


def pesan_selesai(selesai, mulai, hari_ini):
    """The last month of aid: not before its first month, planned at most a year ahead."""
    batas = Periode.of(hari_ini).shift(SELESAI_KE_DEPAN_BULAN)
    if mulai is not None and selesai < mulai:
        return f"Bulan terakhir tidak boleh sebelum bulan mulai ({mulai.label})."
    if selesai < PERIODE_PERTAMA:
        return f"Bulan terakhir terlalu lama (sebelum {PERIODE_PERTAMA.label})."
    if selesai > batas:
        return f"Bulan terakhir paling jauh {batas.label}."
    return None
