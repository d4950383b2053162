"""The rules an event must satisfy, shared by the forms and the Excel import.

Each rule is a plain function returning an Indonesian message (refuse) or None (fine), so
the form shows it under the field and the import lists it by sheet, row and column. The
import calls the same functions with data it has loaded once for all its rows.
"""

import datetime

from django.utils import timezone

from desa.identitas import check_nik, check_no_kk
from desa.periode import Periode, format_tanggal
from kependudukan.models import DataAwal, JenisPeristiwa, Peristiwa, TingkatPindah

LEAVING = (JenisPeristiwa.MATI, JenisPeristiwa.PINDAH)
# Older dates are typing mistakes (and would be older than any month KUDAPANMAS reports).
TANGGAL_PALING_AWAL = datetime.date(1900, 1, 1)


def today():
    return timezone.localdate()


def pesan_tanggal(tanggal_peristiwa, tanggal_lapor, tanggal_lahir=None, hari_ini=None):
    """{field: message} for dates in the future or in the wrong order."""
    hari_ini = hari_ini or today()
    errors = {}
    # One message per wrong date: an empty tanggal lapor or a birth's tanggal lahir copies another.
    wrong = set()
    for name, value, label in [
        ("tanggal_peristiwa", tanggal_peristiwa, "Tanggal peristiwa"),
        ("tanggal_lapor", tanggal_lapor, "Tanggal lapor"),
        ("tanggal_lahir", tanggal_lahir, "Tanggal lahir"),
    ]:
        if not value or value in wrong:
            continue
        if value < TANGGAL_PALING_AWAL:
            errors[name] = f"{label} {value:%d-%m-%Y} tidak masuk akal; periksa tahunnya."
            wrong.add(value)
        elif value > hari_ini:
            errors[name] = (
                f"{label} {format_tanggal(value)} belum terjadi (hari ini {format_tanggal(hari_ini)})."
            )
            wrong.add(value)
    if (
        "tanggal_lapor" not in errors
        and tanggal_peristiwa
        and tanggal_lapor
        and tanggal_lapor < tanggal_peristiwa
    ):
        errors["tanggal_lapor"] = "Tanggal lapor tidak boleh sebelum tanggal peristiwa."
    if (
        tanggal_lahir
        and tanggal_peristiwa
        and tanggal_lahir > tanggal_peristiwa
        and "tanggal_lahir" not in errors
    ):
        errors["tanggal_lahir"] = "Tanggal lahir tidak boleh sesudah tanggal peristiwa."
    return errors


def periksa_nik(jenis, nik, jenis_kelamin, tanggal_lahir):
    """(error or None, warnings) for the NIK of an event; only a LAHIR may come without one."""
    nik = (nik or "").strip()
    if not nik:
        if jenis == JenisPeristiwa.LAHIR:
            return None, []
        return "NIK wajib diisi (boleh kosong hanya untuk kelahiran).", []
    result = check_nik(nik, jenis_kelamin=jenis_kelamin or None, tanggal_lahir=tanggal_lahir)
    return (result.errors[0] if result.errors else None), result.warnings


def periksa_no_kk(no_kk):
    no_kk = (no_kk or "").strip()
    if not no_kk:
        return None
    result = check_no_kk(no_kk)
    return result.errors[0] if result.errors else None


def pesan_data_awal(data_awal, tanggal_lapor):
    """Events count from the desa's first month on; without a data awal there is no first month."""
    if data_awal is None:
        return (
            "Data awal kependudukan desa ini belum diisi. Isi dulu jumlah penduduk pada awal "
            "bulan pertama, lalu catat peristiwanya."
        )
    first = data_awal.periode
    if Periode.of(tanggal_lapor) < first:
        return (
            f"Tanggal lapor {format_tanggal(tanggal_lapor)} sebelum bulan pertama data desa ini "
            f"({first.label})."
        )
    return None


def pesan_keluar_ganda(jenis, tanggal_peristiwa, others):
    """A person leaves a desa (MATI or PINDAH) once, unless a DATANG in between brought them back.

    `others` are (jenis, tanggal_peristiwa) of the other events of the same NIK in the desa, in
    any order: the check follows the dates, so rows entered out of order are judged fairly.
    """
    if jenis not in LEAVING:
        return None
    for other_jenis, other_tanggal in others:
        if other_jenis == JenisPeristiwa.MATI:
            return f"NIK ini sudah tercatat meninggal pada {format_tanggal(other_tanggal)} di desa ini."
    departures = [tanggal for other_jenis, tanggal in others if other_jenis == JenisPeristiwa.PINDAH]
    arrivals = [tanggal for other_jenis, tanggal in others if other_jenis == JenisPeristiwa.DATANG]
    earlier = [tanggal for tanggal in departures if tanggal <= tanggal_peristiwa]
    if earlier and not any(max(earlier) < tanggal <= tanggal_peristiwa for tanggal in arrivals):
        return (
            f"NIK ini sudah tercatat pindah keluar pada {format_tanggal(max(earlier))} dan belum "
            "tercatat datang kembali ke desa ini sebelum peristiwa ini."
        )
    later = [tanggal for tanggal in departures if tanggal > tanggal_peristiwa]
    if later and (
        jenis == JenisPeristiwa.MATI
        or not any(tanggal_peristiwa < tanggal <= min(later) for tanggal in arrivals)
    ):
        return (
            f"NIK ini tercatat pindah keluar pada {format_tanggal(min(later))}, sesudah peristiwa ini, "
            "tanpa datang kembali di antaranya."
        )
    return None


def pesan_ganda(tanggal_lapor):
    return (
        "Peristiwa yang sama (jenis, NIK atau nama, dan tanggal peristiwa) sudah tercatat, "
        f"dilaporkan {format_tanggal(tanggal_lapor)}."
    )


def periksa_di_basis_data(peristiwa):
    """{field or None: message} for the rules that need the desa's other records."""
    errors = {}
    message = pesan_data_awal(DataAwal.objects.filter(desa=peristiwa.desa).first(), peristiwa.tanggal_lapor)
    if message:
        errors["tanggal_lapor"] = message
    others = Peristiwa.objects.filter(desa=peristiwa.desa).exclude(pk=peristiwa.pk)
    same = others.filter(
        jenis=peristiwa.jenis,
        kunci=peristiwa.kunci,
        tanggal_peristiwa=peristiwa.tanggal_peristiwa,
    ).first()
    if same:
        errors[None] = pesan_ganda(same.tanggal_lapor)
    elif peristiwa.nik:
        history = list(others.filter(nik=peristiwa.nik).values_list("jenis", "tanggal_peristiwa"))
        message = pesan_keluar_ganda(peristiwa.jenis, peristiwa.tanggal_peristiwa, history)
        if message:
            errors["nik"] = message
    return errors


def tingkat_for(desa, other):
    """The destination level of a move from `desa` to `other` (both in the system)."""
    if other.kecamatan_id == desa.kecamatan_id:
        return TingkatPindah.ANTAR_DESA
    if other.kecamatan.kabupaten_id == desa.kecamatan.kabupaten_id:
        return TingkatPindah.ANTAR_KECAMATAN
    if other.kecamatan.kabupaten_id[:2] == desa.kecamatan.kabupaten_id[:2]:
        return TingkatPindah.ANTAR_KABUPATEN
    return TingkatPindah.ANTAR_PROVINSI
