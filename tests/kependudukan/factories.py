"""Small builders for population records; NIKs are valid and unique within a test run."""

import datetime
import itertools

from desa.periode import Periode
from kependudukan.models import DataAwal, Koreksi, Peristiwa

_serial = itertools.count(1)


def make_nik(jenis_kelamin="L", lahir=datetime.date(1990, 1, 15), wilayah="631106"):
    day = lahir.day + (40 if jenis_kelamin == "P" else 0)
    return f"{wilayah}{day:02d}{lahir.month:02d}{lahir.year % 100:02d}{next(_serial) % 10000:04d}"


def make_data_awal(desa, periode, wni_l=100, wni_p=110, wna_l=0, wna_p=0, jumlah_kk=60):
    return DataAwal.objects.create(
        desa=desa,
        periode=periode.awal,
        wni_l=wni_l,
        wni_p=wni_p,
        wna_l=wna_l,
        wna_p=wna_p,
        jumlah_kk=jumlah_kk,
    )


def make_peristiwa(desa, jenis, tanggal_peristiwa, tanggal_lapor=None, *, jenis_kelamin="L", **fields):
    """A saved event; a NIK is made up unless given (a LAHIR gets none unless asked)."""
    if "nik" not in fields and jenis != "LAHIR":
        fields["nik"] = make_nik(jenis_kelamin)
    event = Peristiwa(
        desa=desa,
        jenis=jenis,
        tanggal_peristiwa=tanggal_peristiwa,
        tanggal_lapor=tanggal_lapor or tanggal_peristiwa,
        jenis_kelamin=jenis_kelamin,
        nama=fields.pop("nama", f"Warga {next(_serial)}"),
        **fields,
    )
    event.save()
    return event


def make_koreksi(desa, tanggal_lapor, alasan="Konsolidasi data Disdukcapil", **counts):
    return Koreksi.objects.create(desa=desa, tanggal_lapor=tanggal_lapor, alasan=alasan, **counts)


def day(periode, number):
    return periode.awal.replace(day=number)


def recent(months_back):
    """A month `months_back` before the current one."""
    return Periode.current().shift(-months_back)
