"""Writes that touch several records or files.

Every write to a month's activities or incidents goes through desa.gerbang, which locks
that month (and, when a date moves, the month it leaves) and checks it is still open, inside
the transaction that writes. The roster is not monthly and has no lock.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from desa import gerbang
from desa.models.laporan import JenisLaporan
from desa.periode import WITA
from linmas.foto import FotoDitolak
from linmas.models import FOTO_MAKSIMUM, ButirProgram, FotoKegiatan, ProgramLinmas


def _delete_files_after_commit(fotos):
    fotos = list(fotos)
    transaction.on_commit(lambda: [foto.delete_files() for foto in fotos])


def kegiatan_simpan(*, kegiatan, peserta, foto_baru=(), user, tanggal_lama=None, token=None):
    """Save an activity, its participants and its new photos (FotoSiap), or nothing at all.

    Raises desa.ledger.PeriodeTerkunci for a locked month, FotoDitolak beyond ten photos and
    gerbang.SudahTersimpan when the form's token was used before.
    """
    with gerbang.tulis(
        kegiatan.desa, JenisLaporan.LINMAS, kegiatan.tanggal, tanggal_lama, token=token, pengguna=user
    ) as tulisan:
        if kegiatan.pk is None:
            kegiatan.dicatat_oleh = user
        kegiatan.save()
        kegiatan.peserta.set(peserta)
        foto_tambah(kegiatan=kegiatan, foto_baru=foto_baru)
        tulisan.selesai(kegiatan.get_absolute_url())
    return kegiatan


def foto_tambah(*, kegiatan, foto_baru):
    """Store checked photos (FotoSiap) of a saved activity; written files are removed if anything fails."""
    stored = []
    try:
        with gerbang.tulis(kegiatan.desa, JenisLaporan.LINMAS, kegiatan.tanggal):
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
    with gerbang.tulis(kegiatan.desa, JenisLaporan.LINMAS, kegiatan.tanggal):
        fotos = list(kegiatan.foto_set.all())
        kegiatan.delete()
        _delete_files_after_commit(fotos)


def foto_hapus(*, foto):
    with gerbang.tulis(foto.kegiatan.desa, JenisLaporan.LINMAS, foto.kegiatan.tanggal):
        foto.delete()
        _delete_files_after_commit([foto])


def kejadian_simpan(*, kejadian, user, waktu_lama=None, token=None):
    """Save an incident; raises PeriodeTerkunci when its month (old or new) is locked."""
    days = [moment.astimezone(WITA).date() for moment in (kejadian.waktu, waktu_lama) if moment]
    with gerbang.tulis(kejadian.desa, JenisLaporan.LINMAS, *days, token=token, pengguna=user) as tulisan:
        if kejadian.pk is None:
            kejadian.dicatat_oleh = user
        kejadian.save()
        tulisan.selesai(kejadian.get_absolute_url())
    return kejadian


def kejadian_hapus(*, kejadian):
    with gerbang.tulis(kejadian.desa, JenisLaporan.LINMAS, kejadian.waktu.astimezone(WITA).date()):
        kejadian.delete()


def program_atur(*, kecamatan, periode, minimum, user, catatan=""):
    """Set the kecamatan's programme from `periode` on: {jenis_kegiatan: minimum}, 0 = not required.

    Setting it again for the same month replaces that version; earlier months keep theirs.
    """
    with transaction.atomic():
        program, created = ProgramLinmas.objects.select_for_update().get_or_create(
            kecamatan=kecamatan,
            berlaku_mulai=periode,
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
