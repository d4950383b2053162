"""Writes that touch several records or files.

Every write to a month's activities or incidents first asks desa.ledger whether that
month (and, when a date moves, the month it leaves) is still open, inside the same
transaction. The roster is not monthly and has no lock.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from desa.ledger import ensure_unlocked
from desa.models.laporan import JenisLaporan
from desa.periode import WITA, Periode
from linmas.foto import FotoDitolak
from linmas.models import FOTO_MAKSIMUM, ButirProgram, FotoKegiatan, ProgramLinmas


def _ensure_months_open(desa, *days):
    for periode in sorted({Periode.of(day) for day in days if day is not None}):
        ensure_unlocked(desa, JenisLaporan.LINMAS, periode)


def _delete_files_after_commit(fotos):
    fotos = list(fotos)
    transaction.on_commit(lambda: [foto.delete_files() for foto in fotos])


def kegiatan_simpan(*, kegiatan, peserta, foto_baru=(), user, tanggal_lama=None):
    """Save an activity, its participants and its new photos (FotoSiap), or nothing at all.

    Raises desa.ledger.PeriodeTerkunci for a locked month and FotoDitolak beyond ten photos.
    """
    with transaction.atomic():
        _ensure_months_open(kegiatan.desa, kegiatan.tanggal, tanggal_lama)
        if kegiatan.pk is None:
            kegiatan.dicatat_oleh = user
        kegiatan.save()
        kegiatan.peserta.set(peserta)
        foto_tambah(kegiatan=kegiatan, foto_baru=foto_baru)
    return kegiatan


def foto_tambah(*, kegiatan, foto_baru):
    """Store checked photos (FotoSiap) of a saved activity; written files are removed if anything fails."""
    stored = []
    try:
        with transaction.atomic():
            _ensure_months_open(kegiatan.desa, kegiatan.tanggal)
            if kegiatan.foto_set.count() + len(foto_baru) > FOTO_MAKSIMUM:
                raise FotoDitolak(f"Satu kegiatan paling banyak {FOTO_MAKSIMUM} foto.")
            for siap in foto_baru:
                foto = FotoKegiatan(
                    kegiatan=kegiatan, lebar=siap.lebar, tinggi=siap.tinggi, nama_asli=siap.nama_asli
                )
                foto.berkas.save("foto.jpg", ContentFile(siap.isi), save=False)
                stored.append(foto)
                foto.kecil.save("kecil.jpg", ContentFile(siap.kecil), save=False)
                foto.save()
    except BaseException:
        for foto in stored:
            foto.delete_files()
        raise
    return stored


def kegiatan_hapus(*, kegiatan):
    with transaction.atomic():
        _ensure_months_open(kegiatan.desa, kegiatan.tanggal)
        fotos = list(kegiatan.foto_set.all())
        kegiatan.delete()
        _delete_files_after_commit(fotos)


def foto_hapus(*, foto):
    with transaction.atomic():
        _ensure_months_open(foto.kegiatan.desa, foto.kegiatan.tanggal)
        foto.delete()
        _delete_files_after_commit([foto])


def kejadian_simpan(*, kejadian, user, waktu_lama=None):
    """Save an incident; raises PeriodeTerkunci when its month (old or new) is locked."""
    days = [moment.astimezone(WITA).date() for moment in (kejadian.waktu, waktu_lama) if moment]
    with transaction.atomic():
        _ensure_months_open(kejadian.desa, *days)
        if kejadian.pk is None:
            kejadian.dicatat_oleh = user
        kejadian.save()
    return kejadian


def kejadian_hapus(*, kejadian):
    with transaction.atomic():
        _ensure_months_open(kejadian.desa, kejadian.waktu.astimezone(WITA).date())
        kejadian.delete()


def program_atur(*, kecamatan, periode, minimum, user, catatan=""):
    """Set the kecamatan's programme from `periode` on: {jenis_kegiatan: minimum}, 0 = not required.

    Setting it again for the same month replaces that version; earlier months keep theirs.
    """
    with transaction.atomic():
        program, created = ProgramLinmas.objects.select_for_update().get_or_create(
            kecamatan=kecamatan,
            berlaku_mulai=periode.awal,
            defaults={"dibuat_oleh": user, "catatan": catatan},
        )
        if not created:
            program.dibuat_oleh = user
            program.catatan = catatan
            program.save()
            program.butir_set.all().delete()
        ButirProgram.objects.bulk_create(
            ButirProgram(program=program, jenis_kegiatan=jenis, jumlah_minimum=jumlah)
            for jenis, jumlah in minimum.items()
            if jumlah
        )
    return program
