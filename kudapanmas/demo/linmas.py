"""Linmas demo: a programme for Kecamatan Paringin, and for each of its desa a roster of
10-25 members, twelve months of activities (most months meeting the programme) with a few
small generated photos, and a few incidents. Each part is skipped when it already exists."""

import datetime
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from desa.periode import WITA, Periode, format_tanggal
from kudapanmas.demo.nama import jenis_kelamin_nama, nama_orang
from linmas import services
from linmas.foto import foto_siapkan
from linmas.models import (
    AnggotaLinmas,
    Jabatan,
    JenisKegiatan,
    JenisKejadian,
    Kegiatan,
    Kejadian,
    Penyerahan,
    ProgramLinmas,
    Regu,
)

BULAN = 12
TEMPAT = {
    JenisKegiatan.RONDA: ["Pos kamling RT {rt}", "Pos ronda simpang tiga", "Sekitar jalan desa RT {rt}"],
    JenisKegiatan.PATROLI: ["Jalan poros desa", "Kebun karet warga RT {rt}", "Sepanjang sungai desa"],
    JenisKegiatan.APEL: ["Halaman kantor desa"],
    JenisKegiatan.PENGAMANAN_KEGIATAN: ["Masjid desa", "Lapangan desa", "Rumah warga RT {rt}"],
    JenisKegiatan.PELAYANAN: ["Posyandu RT {rt}", "Balai desa"],
    JenisKegiatan.LATIHAN: ["Aula kantor kecamatan", "Halaman kantor desa"],
    JenisKegiatan.BENCANA: ["Bantaran sungai RT {rt}", "Balai desa"],
}
URAIAN = {
    JenisKegiatan.RONDA: "Ronda malam bergilir pukul 22.00-04.00; situasi aman dan kondusif.",
    JenisKegiatan.PATROLI: "Patroli keliling wilayah desa, memeriksa rumah kosong dan kebun warga.",
    JenisKegiatan.APEL: "Apel bulanan Satlinmas dipimpin Kepala Satuan Tugas; pembagian jadwal ronda.",
    JenisKegiatan.PENGAMANAN_KEGIATAN: "Pengamanan dan pengaturan parkir kegiatan warga (pengajian/walimah).",
    JenisKegiatan.PELAYANAN: "Membantu pelaksanaan posyandu: mengatur antrean dan mengangkat perlengkapan.",
    JenisKegiatan.LATIHAN: "Latihan baris-berbaris dan pertolongan pertama bersama Satpol PP.",
    JenisKegiatan.BENCANA: "Memantau tinggi muka air sungai dan menyiapkan jalur evakuasi.",
}
EXTRA_KINDS = [
    JenisKegiatan.PENGAMANAN_KEGIATAN,
    JenisKegiatan.PELAYANAN,
    JenisKegiatan.LATIHAN,
    JenisKegiatan.BENCANA,
]
KEJADIAN = [
    (
        JenisKejadian.KEBAKARAN,
        "Kebakaran lahan semak di belakang permukiman.",
        "Memadamkan bersama warga dan Damkar.",
    ),
    (
        JenisKejadian.KRIMINALITAS,
        "Pencurian sepeda motor di halaman rumah warga.",
        "Mengamankan lokasi dan melapor ke Polsek.",
    ),
    (
        JenisKejadian.BENCANA_ALAM,
        "Banjir kiriman setinggi 40 cm merendam 6 rumah.",
        "Membantu evakuasi barang warga.",
    ),
    (
        JenisKejadian.KONFLIK_WARGA,
        "Perselisihan batas kebun antarwarga.",
        "Menengahi dan membawa ke musyawarah desa.",
    ),
    (
        JenisKejadian.KECELAKAAN,
        "Kecelakaan tunggal sepeda motor di jalan desa.",
        "Pertolongan pertama, lalu mengantar ke puskesmas.",
    ),
]


def fill(context):
    rng = context["rng"]
    paringin = context["paringin"]
    today = timezone.localdate()
    months = [Periode.current().shift(-offset) for offset in range(BULAN - 1, -1, -1)]
    _program(paringin, months)
    for index, desa in enumerate(paringin.desa_set.order_by("kode")):
        rt_list = list(desa.rt_set.all())
        if not desa.anggota_linmas_set.exists():
            _roster(rng, desa, index, rt_list, months[0])
        members = list(desa.anggota_linmas_set.filter(aktif=True))
        if not desa.kegiatan_linmas_set.exists():
            _kegiatan(rng, desa, members, rt_list, months, today)
        if not desa.kejadian_linmas_set.exists():
            _kejadian(rng, desa, rt_list, months, today)


def _program(kecamatan, months):
    if ProgramLinmas.objects.filter(kecamatan=kecamatan).exists():
        return
    start, change = months[0], months[-5]
    minimum = {JenisKegiatan.RONDA: 4, JenisKegiatan.APEL: 1}
    services.program_atur(
        kecamatan=kecamatan, periode=start, minimum=minimum, user=None, catatan="Program awal kecamatan"
    )
    services.program_atur(
        kecamatan=kecamatan,
        periode=change,
        minimum={**minimum, JenisKegiatan.PATROLI: 2},
        user=None,
        catatan="Patroli ditambahkan setelah rapat koordinasi",
    )


def _nik(tanggal_lahir, jenis_kelamin, desa_index, nomor):
    hari = tanggal_lahir.day + (40 if jenis_kelamin == "P" else 0)
    return f"631106{hari:02d}{tanggal_lahir:%m%y}{desa_index + 1:02d}{nomor:02d}"


def _roster(rng, desa, desa_index, rt_list, first_month):
    tanggal_sk = first_month.shift(-12).awal + datetime.timedelta(days=14)
    size = rng.randint(10, 25)
    positions = [(Jabatan.KEPALA_SATUAN, ""), (Jabatan.KEPALA_SATUAN_TUGAS, "")]
    positions += [(Jabatan.KOMANDAN_REGU, regu) for regu in Regu]
    regus = list(Regu)
    positions += [(Jabatan.ANGGOTA, regus[number % len(regus)]) for number in range(size - len(positions))]
    # Half the desa also had a member who stopped during the year: past months still count them.
    has_former = rng.random() < 0.5
    if has_former:
        positions.append((Jabatan.ANGGOTA, rng.choice(regus)))
    members = []
    for nomor, (jabatan, regu) in enumerate(positions, start=1):
        perempuan = regu in (Regu.DAPUR_UMUM, Regu.PERTOLONGAN) and rng.random() < 0.6
        jenis_kelamin = "P" if perempuan else "L"
        nama = nama_orang(rng, jenis_kelamin)
        if jabatan == Jabatan.KEPALA_SATUAN and desa.nama_kepala:
            # The Kepala Desa heads the desa's Satlinmas; a name of neither list counts as a man's.
            nama = desa.nama_kepala
            jenis_kelamin = jenis_kelamin_nama(nama) or "L"
        lahir = datetime.date(rng.randint(1968, tanggal_sk.year - 20), rng.randint(1, 12), rng.randint(1, 28))
        rt = rng.choice(rt_list) if rt_list else None
        members.append(
            AnggotaLinmas(
                desa=desa,
                nik=_nik(lahir, jenis_kelamin, desa_index, nomor),
                nama=nama,
                jenis_kelamin=jenis_kelamin,
                tanggal_lahir=lahir,
                sudah_menikah=rng.random() < 0.8,
                alamat=f"Jl. Desa {desa.nama} No. {rng.randint(1, 80)}",
                rt=rt,
                telepon=f"0852{rng.randint(10**7, 10**8 - 1)}",
                jabatan=jabatan,
                regu=regu,
                nomor_sk=f"188/{rng.randint(10, 99)}/SK-LINMAS/{tanggal_sk.year}",
                tanggal_sk=tanggal_sk,
            )
        )
    if has_former:
        members[-1].aktif = False
        members[-1].tanggal_berhenti = first_month.shift(rng.randint(2, 8)).awal
    AnggotaLinmas.objects.bulk_create(members)


def _monthly_plan(rng, periode, days):
    """The activity kinds of one desa-month: usually meeting the programme, sometimes not."""
    lazy = rng.random() < 0.15
    plan = [JenisKegiatan.RONDA] * (rng.randint(2, 3) if lazy else rng.randint(4, 6))
    if rng.random() < 0.9:
        plan.append(JenisKegiatan.APEL)
    plan += [JenisKegiatan.PATROLI] * (1 if lazy else rng.randint(2, 3))
    plan += rng.sample(EXTRA_KINDS, rng.randint(0, 3))
    # The current month is still running: only its days so far get activities.
    keep = max(1, round(len(plan) * len(days) / periode.akhir.day))
    return plan[:keep]


def _kegiatan(rng, desa, members, rt_list, months, today):
    if not members:
        return
    rows, peserta = [], []
    for periode in months:
        days = [day for day in range(1, periode.akhir.day + 1) if periode.awal.replace(day=day) <= today]
        for jenis in _monthly_plan(rng, periode, days):
            rt = rng.choice(rt_list) if rt_list else None
            tempat = rng.choice(TEMPAT[jenis]).format(rt=f"{rt.nomor:03d}" if rt else "001")
            has_gps = rng.random() < 0.5
            rows.append(
                Kegiatan(
                    desa=desa,
                    tanggal=periode.awal.replace(day=rng.choice(days)),
                    jenis=jenis,
                    tempat=tempat,
                    rt=rt,
                    latitude=round(-2.33 + rng.uniform(-0.05, 0.05), 6) if has_gps else None,
                    longitude=round(115.47 + rng.uniform(-0.05, 0.05), 6) if has_gps else None,
                    uraian=URAIAN[jenis],
                )
            )
            peserta.append(rng.sample(members, rng.randint(3, min(8, len(members)))))
    Kegiatan.objects.bulk_create(rows)
    Through = Kegiatan.peserta.through
    Through.objects.bulk_create(
        Through(kegiatan_id=kegiatan.pk, anggotalinmas_id=anggota.pk)
        for kegiatan, chosen in zip(rows, peserta, strict=True)
        for anggota in chosen
    )
    recent = months[-3].awal
    for kegiatan in rows:
        if rng.random() < (0.25 if kegiatan.tanggal >= recent else 0.05):
            fotos = [_photo(rng, kegiatan, number) for number in range(rng.randint(1, 2))]
            services.foto_tambah(kegiatan=kegiatan, foto_baru=fotos)


def _photo(rng, kegiatan, number):
    """A small generated JPEG (a few KB) standing in for a phone photo."""
    image = Image.new("RGB", (320, 240), (rng.randint(20, 90), rng.randint(80, 140), rng.randint(40, 90)))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randint(0, 280), rng.randint(0, 200)
        colour = (rng.randint(120, 255), rng.randint(120, 255), rng.randint(60, 200))
        draw.rectangle([x, y, x + rng.randint(20, 80), y + rng.randint(15, 60)], fill=colour)
    draw.text((10, 220), f"{kegiatan.jenis_label} · {format_tanggal(kegiatan.tanggal)}", fill="white")
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=60)
    return foto_siapkan(SimpleUploadedFile(f"foto-{number + 1}.jpg", buffer.getvalue()))


def _kejadian(rng, desa, rt_list, months, today):
    rows = []
    for jenis, uraian, tindakan in rng.sample(KEJADIAN, rng.randint(1, 3)):
        periode = rng.choice(months[:-1])
        day = periode.awal.replace(day=rng.randint(1, periode.akhir.day))
        waktu = datetime.datetime.combine(
            day, datetime.time(rng.randint(6, 22), rng.choice([0, 15, 30])), WITA
        )
        polisi = jenis == JenisKejadian.KRIMINALITAS
        rows.append(
            Kejadian(
                desa=desa,
                waktu=min(waktu, timezone.now()),
                jenis=jenis,
                tempat=f"Desa {desa.nama}",
                rt=rng.choice(rt_list) if rt_list else None,
                uraian=uraian,
                tindakan=tindakan,
                korban_luka=1 if jenis == JenisKejadian.KECELAKAAN else 0,
                kerugian="Taksiran Rp18.000.000" if polisi else "",
                penyerahan=Penyerahan.POLISI if polisi else Penyerahan.TIDAK,
                instansi="Polsek Paringin" if polisi else "",
            )
        )
    Kejadian.objects.bulk_create(rows)
