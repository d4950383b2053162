"""Recording, changing and deleting an event: the lock, the history and move matching together."""

from django.core.exceptions import ValidationError

from desa import gerbang
from desa.models.laporan import JenisLaporan
from desa.periode import format_tanggal
from kependudukan import aturan
from kependudukan.models import Peristiwa, RiwayatPeristiwa
from kependudukan.models.peristiwa import AksiRiwayat
from kependudukan.pindah import cocokkan_pindah, lepaskan_pasangan

# The fields whose changes the history shows, in form order.
TRACKED_FIELDS = [
    "jenis", "nomor_rt", "nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "kewarganegaraan",
    "kepala_keluarga", "tanggal_peristiwa", "tanggal_lapor", "tempat_lahir", "nama_ayah", "nama_ibu",
    "tempat_meninggal", "sebab_kematian", "alamat_asal_tujuan", "desa_asal_tujuan", "tingkat_pindah",
    "keterangan",
]  # fmt: skip
_MOVE_FIELDS = {"jenis", "nik", "tanggal_peristiwa", "desa_asal_tujuan"}


def peristiwa_record(*, desa, user, peristiwa, token=None):
    """Save a new event of `desa` recorded by `user`.

    Raises PeriodeTerkunci for a locked month, ValidationError ({field: message}) when a rule
    about the desa's other records fails now that the desa is locked (the same NIK died a
    moment ago), and gerbang.SudahTersimpan when the form's token was used before.
    """
    with gerbang.tulis(
        desa, JenisLaporan.KEPENDUDUKAN, peristiwa.tanggal_lapor, token=token, pengguna=user
    ) as tulisan:
        peristiwa.desa = desa
        peristiwa.dicatat_oleh = user
        _check_records(peristiwa)
        peristiwa.save()
        _record(peristiwa, AksiRiwayat.DIBUAT, user)
        cocokkan_pindah([peristiwa])
        tulisan.selesai(peristiwa.get_absolute_url())
    return peristiwa


def _check_records(peristiwa):
    """The rules that read the desa's other events, run again under the gate's lock."""
    peristiwa.fill_derived_fields()
    errors = aturan.periksa_di_basis_data(peristiwa)
    if errors:
        raise ValidationError({field or "__all__": message for field, message in errors.items()})


def peristiwa_amend(*, peristiwa, user):
    """Save the changes made to `peristiwa` (its old state is read back from the database).

    Both the month it leaves and the month it enters must be open; the desa's rules are
    checked again under the lock, as for a new event.
    """
    lama = Peristiwa.objects.filter(pk=peristiwa.pk).values_list("periode", flat=True).get()
    with gerbang.tulis(peristiwa.desa, JenisLaporan.KEPENDUDUKAN, lama, peristiwa.tanggal_lapor):
        before = Peristiwa.objects.get(pk=peristiwa.pk)
        if before.periode != lama:
            raise gerbang.TransisiDitolak(
                "Peristiwa ini baru saja diubah pengguna lain. Buka lagi halamannya lalu ulangi perubahan."
            )
        changes = diff(before, peristiwa)
        if not changes:
            return peristiwa
        _check_records(peristiwa)
        move_changed = any(field in _MOVE_FIELDS for field in (c["field"] for c in changes))
        if move_changed:
            lepaskan_pasangan(peristiwa)
        peristiwa.save()
        _record(peristiwa, AksiRiwayat.DIUBAH, user, changes)
        if move_changed:
            cocokkan_pindah([peristiwa, *Peristiwa.objects.filter(pk=before.pasangan_id)])
    return peristiwa


def peristiwa_remove(*, peristiwa, user):
    with gerbang.tulis(peristiwa.desa, JenisLaporan.KEPENDUDUKAN, peristiwa.periode):
        _record(peristiwa, AksiRiwayat.DIHAPUS, user)
        partner_id = peristiwa.pasangan_id
        peristiwa.delete()
        if partner_id:
            cocokkan_pindah(list(Peristiwa.objects.filter(pk=partner_id)))


def display(peristiwa, field):
    """A field's value as people read it."""
    value = getattr(peristiwa, field)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if hasattr(value, "year"):
        return format_tanggal(value)
    getter = getattr(peristiwa, f"get_{field}_display", None)
    return str(getter() if getter else value)


def diff(before, after):
    changes = []
    for field in TRACKED_FIELDS:
        old, new = display(before, field), display(after, field)
        if old != new:
            label = Peristiwa._meta.get_field(field).verbose_name
            changes.append({"field": field, "kolom": label, "dari": old, "ke": new})
    return changes


def ringkasan(peristiwa):
    return f"{peristiwa.get_jenis_display()} {peristiwa.nama} ({format_tanggal(peristiwa.tanggal_peristiwa)})"


def _record(peristiwa, aksi, user, changes=()):
    RiwayatPeristiwa.objects.create(
        peristiwa=peristiwa,
        desa_id=peristiwa.desa_id,
        aksi=aksi,
        ringkasan=ringkasan(peristiwa)[:200],
        perubahan=list(changes),
        oleh=user,
    )
