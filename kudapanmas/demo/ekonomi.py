"""Demo households and aid recipients for every Paringin desa.

Desil follows a believable spread (most households in 3-6, few in 1 or 10); a quarter of the
households were last checked more than six months ago; recipients of each programme come mostly
from desil 1-4. A few recipients carry the NIK of a demo MATI or PINDAH event, one NIK receives
BPNT in two desa, one household of desil 7 receives BPNT, and one PKH benefit was kept for an heir.

Safe to run twice: nothing is added once the kecamatan has households.
"""

import datetime
import random

from django.utils import timezone

from desa.models import RT, Desa
from desa.periode import Periode
from kependudukan.ekonomi.models import (
    JenisTanda,
    KategoriKS,
    Keluarga,
    Keputusan,
    PenerimaBantuan,
    ProgramBantuan,
    RiwayatKeluarga,
    TindakLanjut,
)
from kependudukan.models import JenisPeristiwa, Peristiwa
from kudapanmas.demo.nama import nama_orang

DESIL_WEIGHTS = [4, 7, 11, 13, 14, 13, 10, 8, 6, 4]
KS_BY_DESIL = {1: "PRA KS", 2: "PRA KS", 3: "KS I", 4: "KS I", 5: "KS II", 6: "KS II", 7: "KS III"}


def fill(context):
    paringin = context["paringin"]
    if Keluarga.objects.filter(desa__kecamatan=paringin).exists():
        return
    today = timezone.localdate()
    program = {item.kode: item for item in ProgramBantuan.objects.all()}
    desa_list = list(Desa.objects.filter(kecamatan=paringin).order_by("kode"))
    rt_numbers = {}
    for desa_id, nomor in RT.objects.filter(desa__in=desa_list).values_list("desa_id", "nomor"):
        rt_numbers.setdefault(desa_id, []).append(nomor)
    households, recipients = [], []
    for desa in desa_list:
        rng = random.Random(f"ekonomi:{desa.pk}")
        made = [
            _household(desa, index, rng, today, rt_numbers.get(desa.pk, []))
            for index in range(rng.randint(35, 60))
        ]
        households += made
        for keluarga in made:
            recipients += _recipients(keluarga, rng, today, program)
    Keluarga.objects.bulk_create(households, batch_size=500)
    snapshots = []
    for keluarga in households:
        earlier = getattr(keluarga, "sebelumnya", None)
        if earlier:
            snapshots.append(RiwayatKeluarga(keluarga=keluarga, **earlier))
        snapshots.append(
            RiwayatKeluarga(
                keluarga=keluarga,
                tanggal_pemutakhiran=keluarga.tanggal_pemutakhiran,
                desil=keluarga.desil,
                kategori_ks=keluarga.kategori_ks,
                jumlah_anggota=keluarga.jumlah_anggota,
            )
        )
    RiwayatKeluarga.objects.bulk_create(snapshots, batch_size=500)
    recipients += _special(desa_list, households, program, today)
    created = PenerimaBantuan.objects.bulk_create(_unique(recipients), batch_size=500)
    _kept_for_heir(created)
    context["stdout"].write(f"Ekonomi: {len(households)} keluarga, {len(created)} penerima bantuan.")


def _household(desa, index, rng, today, rt_numbers):
    desil = rng.choices(range(1, 11), weights=DESIL_WEIGHTS)[0] if rng.random() > 0.05 else None
    kategori = KS_BY_DESIL.get(desil or 0, rng.choice(["KS III", KategoriKS.KS_III_PLUS, ""]))
    checked = today - datetime.timedelta(
        days=rng.choice([rng.randint(0, 180), rng.randint(0, 150), rng.randint(190, 400)])
    )
    jenis_kelamin = "L" if rng.random() < 0.85 else "P"
    lahir = today - datetime.timedelta(days=rng.randint(25 * 365, 75 * 365))
    keluarga = Keluarga(
        desa=desa,
        nomor_rt=rng.choice(rt_numbers) if rt_numbers else None,
        no_kk=f"631106{desa.pk[-4:]}{index + 1:06d}",
        nik_kepala=_nik(rng, lahir, jenis_kelamin),
        nama_kepala=nama_orang(rng, jenis_kelamin),
        jumlah_anggota=rng.randint(1, 7),
        desil=desil,
        kategori_ks=kategori,
        tanggal_pemutakhiran=checked,
    )
    if desil and rng.random() < 0.15:
        keluarga.sebelumnya = {
            "tanggal_pemutakhiran": checked - datetime.timedelta(days=rng.randint(120, 240)),
            "desil": max(1, desil - 1),
            "kategori_ks": kategori,
            "jumlah_anggota": keluarga.jumlah_anggota,
        }
    return keluarga


def _recipients(keluarga, rng, today, program):
    found = []
    desil = keluarga.desil or 0
    since = Periode.of(today).shift(-rng.randint(3, 30)).awal

    def add(kode, nik, nama):
        found.append(
            PenerimaBantuan(
                desa=keluarga.desa,
                program=program[kode],
                nik=nik,
                nama=nama,
                no_kk=keluarga.no_kk,
                keluarga=keluarga,
                mulai=since,
            )
        )

    if 1 <= desil <= 3 and rng.random() < 0.6:
        ibu = today - datetime.timedelta(days=rng.randint(25 * 365, 50 * 365))
        add("PKH", _nik(rng, ibu, "P"), nama_orang(rng, "P"))
    if 1 <= desil <= 4 and rng.random() < 0.7:
        add("BPNT", keluarga.nik_kepala, keluarga.nama_kepala)
    if 1 <= desil <= 5 and rng.random() < 0.5:
        add("PBI-JK", keluarga.nik_kepala, keluarga.nama_kepala)
    if desil == 1 and rng.random() < 0.5:
        add("BLT-DD", keluarga.nik_kepala, keluarga.nama_kepala)
    return found


def _special(desa_list, households, program, today):
    """Recipients who are gone (a demo MATI or PINDAH names them), a two-desa duplicate, and
    a desil-7 household receiving BPNT."""
    found = []
    codes = [desa.pk for desa in desa_list]
    gone = list(
        Peristiwa.objects.filter(desa_id__in=codes, jenis=JenisPeristiwa.MATI)
        .exclude(nik="")
        .order_by("-tanggal_peristiwa")[:4]
    ) + list(
        Peristiwa.objects.filter(
            desa_id__in=codes, jenis=JenisPeristiwa.PINDAH, desa_asal_tujuan__isnull=True
        )
        .exclude(nik="")
        .order_by("-tanggal_peristiwa")[:2]
    )
    for number, event in enumerate(gone):
        kode = ["PKH", "BPNT", "PBI-JK"][number % 3]
        mulai = Periode.of(event.tanggal_peristiwa).shift(-12).awal
        found.append(
            PenerimaBantuan(
                desa_id=event.desa_id,
                program=program[kode],
                nik=event.nik,
                nama=event.nama,
                no_kk=event.no_kk,
                mulai=mulai,
                keterangan="Data DTSEN 2025",
            )
        )
    by_desa = {}
    for keluarga in households:
        by_desa.setdefault(keluarga.desa_id, []).append(keluarga)
    if len(desa_list) >= 2:
        first, second = by_desa[desa_list[0].pk][0], desa_list[1]
        since = Periode.of(today).shift(-8).awal
        found.append(
            PenerimaBantuan(
                desa=second,
                program=program["BPNT"],
                nik=first.nik_kepala,
                nama=first.nama_kepala,
                mulai=since,
                keterangan="Terdaftar juga di desa asal",
            )
        )
    rich = next((k for k in households if k.desil == 7), None)
    if rich is not None:
        found.append(
            PenerimaBantuan(
                desa=rich.desa,
                program=program["BPNT"],
                nik=rich.nik_kepala,
                nama=rich.nama_kepala,
                no_kk=rich.no_kk,
                keluarga=rich,
                mulai=Periode.of(today).shift(-5),
            )
        )
    return found


def _kept_for_heir(created):
    """The first recipient whose death is recorded keeps PKH for the heir: a resolved flag."""
    for item in created:
        if item.program.kode != "PKH":
            continue
        event = Peristiwa.objects.filter(nik=item.nik, jenis=JenisPeristiwa.MATI).first()
        if event is not None:
            TindakLanjut.objects.create(
                penerima=item,
                jenis_tanda=JenisTanda.MENINGGAL_PINDAH,
                peristiwa=event,
                keputusan=Keputusan.TETAP,
                alasan="PKH diteruskan kepada ahli waris (anak perempuan sebagai pengurus), "
                "sesuai musyawarah desa.",
            )
            return


def _unique(recipients):
    seen, kept = set(), []
    for item in recipients:
        key = (item.desa_id or item.desa.pk, item.program.pk, item.nik)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _nik(rng, lahir, jenis_kelamin):
    day = lahir.day + (40 if jenis_kelamin == "P" else 0)
    return f"631106{day:02d}{lahir.month:02d}{lahir.year % 100:02d}{rng.randint(1, 9999):04d}"
