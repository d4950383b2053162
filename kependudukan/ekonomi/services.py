"""Saving households and recipients and deciding about a flagged recipient: the lock, the history
and the record in one transaction each."""

from django.utils import timezone

from desa import gerbang
from desa.ledger import TransisiDitolak
from desa.models.laporan import JenisLaporan
from desa.periode import Periode, format_tanggal
from kependudukan.ekonomi.models import Keluarga, Keputusan, PenerimaBantuan, RiwayatKeluarga, TindakLanjut

SNAPSHOT_FIELDS = ["desil", "kategori_ks", "jumlah_anggota", "tanggal_pemutakhiran"]
TRACKED_FIELDS = ["nomor_rt", "nik_kepala", "nama_kepala", *SNAPSHOT_FIELDS]


def keluarga_simpan(*, keluarga, user):
    """Create or update a household; a change of its economic data is a new dated check."""
    with gerbang.tulis(keluarga.desa, JenisLaporan.EKONOMI) as tulisan:
        before = None
        if keluarga.pk:
            before = Keluarga.objects.select_for_update().get(pk=keluarga.pk)
        changes = _diff(before, keluarga)
        if before is not None and not changes:
            return keluarga
        snapshot_changed = before is None or any(c["field"] in SNAPSHOT_FIELDS for c in changes)
        if snapshot_changed:
            tulisan.bulan(keluarga.tanggal_pemutakhiran)
        keluarga.dicatat_oleh = user
        keluarga.save()
        if snapshot_changed:
            RiwayatKeluarga.objects.create(
                keluarga=keluarga,
                tanggal_pemutakhiran=keluarga.tanggal_pemutakhiran,
                desil=keluarga.desil,
                kategori_ks=keluarga.kategori_ks,
                jumlah_anggota=keluarga.jumlah_anggota,
                perubahan=changes,
                oleh=user,
            )
    return keluarga


def _diff(before, after):
    changes = []
    for name in TRACKED_FIELDS:
        old = "" if before is None else _display(before, name)
        new = _display(after, name)
        if old != new:
            label = Keluarga._meta.get_field(name).verbose_name
            changes.append({"field": name, "kolom": label, "dari": old, "ke": new})
    return changes


def _display(keluarga, name):
    value = getattr(keluarga, name)
    if value is None or value == "":
        return ""
    if hasattr(value, "year"):
        return format_tanggal(value)
    return str(value)


def penerima_simpan(*, penerima, user):
    """Create or update a recipient; the earliest month the change reaches must be open."""
    with gerbang.tulis(penerima.desa, JenisLaporan.EKONOMI) as tulisan:
        months = [penerima.mulai, penerima.selesai]
        if penerima.pk:
            before = PenerimaBantuan.objects.select_for_update().get(pk=penerima.pk)
            months = [
                bulan
                for old, new in [(before.mulai, penerima.mulai), (before.selesai, penerima.selesai)]
                if old != new
                for bulan in (old, new)
            ]
            if before.program_id != penerima.program_id or before.nik != penerima.nik:
                months.append(penerima.mulai)
        months = [bulan for bulan in months if bulan is not None]
        if months:
            tulisan.bulan(min(months))
        penerima.dicatat_oleh = user
        penerima.save()
    return penerima


def bantuan_hentikan(*, penerima, user, tanggal, alasan, jenis_tanda="", peristiwa=None):
    """Stop a benefit: the month of `tanggal` is the last month received."""
    alasan = (alasan or "").strip()
    if not alasan:
        raise TransisiDitolak("Tulis alasan bantuan dihentikan.")
    bulan = Periode.of(tanggal)
    if bulan < penerima.mulai:
        raise TransisiDitolak(
            f"Tanggal berhenti tidak boleh sebelum bulan mulai menerima ({penerima.mulai.label})."
        )
    if tanggal > timezone.localdate():
        raise TransisiDitolak("Tanggal berhenti tidak boleh di masa depan.")
    with gerbang.tulis(penerima.desa, JenisLaporan.EKONOMI) as tulisan:
        penerima = PenerimaBantuan.objects.select_for_update().select_related("desa").get(pk=penerima.pk)
        if penerima.selesai is not None and penerima.selesai < bulan:
            raise TransisiDitolak(f"Bantuan ini sudah berakhir {penerima.selesai.label}.")
        tulisan.bulan(bulan)
        penerima.selesai = bulan
        penerima.tanggal_berhenti = tanggal
        penerima.alasan_berhenti = alasan
        penerima.save()
        if jenis_tanda:
            TindakLanjut.objects.create(
                penerima=penerima,
                jenis_tanda=jenis_tanda,
                peristiwa=peristiwa,
                keputusan=Keputusan.BERHENTI,
                alasan=alasan,
                oleh=user,
            )
    return penerima


def bantuan_pertahankan(*, penerima, user, jenis_tanda, alasan, peristiwa=None):
    """Keep a flagged benefit with a reason (a PKH benefit may pass to an heir)."""
    alasan = (alasan or "").strip()
    if not alasan:
        raise TransisiDitolak("Tulis alasan bantuan tetap diberikan, misalnya diteruskan kepada ahli waris.")
    with gerbang.tulis(penerima.desa, JenisLaporan.EKONOMI, Periode.current()):
        return TindakLanjut.objects.create(
            penerima=penerima,
            jenis_tanda=jenis_tanda,
            peristiwa=peristiwa,
            keputusan=Keputusan.TETAP,
            alasan=alasan,
            oleh=user,
        )
