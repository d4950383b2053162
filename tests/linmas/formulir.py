"""What the Linmas forms post, and where: shared by the Linmas tests."""

from django.urls import reverse


def kegiatan_data(tanggal, peserta, **overrides):
    data = {
        "tanggal": tanggal.isoformat(),
        "jenis": "ronda",
        "jenis_lainnya": "",
        "tempat": "Pos kamling RT 002",
        "rt": "",
        "latitude": "",
        "longitude": "",
        "uraian": "Ronda malam, situasi aman.",
        "peserta": [anggota.pk for anggota in peserta],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def create_url(desa):
    return reverse("linmas:kegiatan_create", args=[desa.kode])


def kejadian_data(waktu, **overrides):
    data = {
        "waktu": waktu.strftime("%Y-%m-%dT%H:%M"),
        "jenis": "kriminalitas",
        "jenis_lainnya": "",
        "tempat": "Rumah warga RT 002",
        "rt": "",
        "uraian": "Pencurian sepeda motor.",
        "tindakan": "Mengamankan lokasi, lapor Polsek.",
        "korban_meninggal": "0",
        "korban_luka": "0",
        "kerugian": "Rp18.000.000",
        "penyerahan": "polisi",
        "instansi": "Polsek Paringin",
    }
    data.update(overrides)
    return data


def page_url(desa, periode):
    return reverse("linmas:laporan_bulanan", args=[desa.kode, str(periode)])


def kirim_url(desa, periode):
    return reverse("desa:laporan_kirim", args=[desa.kode, "linmas", str(periode)])
