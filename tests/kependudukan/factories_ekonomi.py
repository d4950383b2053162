"""Builders for households and aid recipients."""

import itertools

from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan, RiwayatKeluarga
from tests.factories.identitas import make_nik

_serial = itertools.count(1)


def program(kode):
    return ProgramBantuan.objects.get(kode=kode)


def make_keluarga(desa, tanggal, desil=None, kategori_ks="", jumlah_anggota=4, **fields):
    keluarga = Keluarga.objects.create(
        desa=desa,
        no_kk=fields.pop("no_kk", f"6311060101{next(_serial):06d}"),
        nik_kepala=fields.pop("nik_kepala", make_nik()),
        nama_kepala=fields.pop("nama_kepala", f"Kepala {next(_serial)}"),
        jumlah_anggota=jumlah_anggota,
        desil=desil,
        kategori_ks=kategori_ks,
        tanggal_pemutakhiran=tanggal,
        **fields,
    )
    RiwayatKeluarga.objects.create(
        keluarga=keluarga, tanggal_pemutakhiran=tanggal, desil=desil, kategori_ks=kategori_ks,
        jumlah_anggota=jumlah_anggota,
    )  # fmt: skip
    return keluarga


def make_penerima(desa, kode, mulai, selesai=None, nik=None, **fields):
    return PenerimaBantuan.objects.create(
        desa=desa,
        program=program(kode),
        nik=nik or make_nik("P"),
        nama=fields.pop("nama", f"Penerima {next(_serial)}"),
        mulai=mulai.awal,
        selesai=selesai.awal if selesai else None,
        **fields,
    )
