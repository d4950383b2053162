"""A quieter corner of the demo, so that the kabupaten and provinsi overviews show differences.

Kecamatan Lampihong (Balangan) and Kecamatan Banua Lawas (Kabupaten Tabalong, loaded from the
national file with its kabupaten) report through KUDAPANMAS for the last six months only, later
and less completely than Paringin: their reports are nihil (no records in the demo), a third of
them late, and many desa a month or more behind. The sending order holds as in Paringin: each
desa's months of a kind are an unbroken run from the first. The Provinsi account of Kalimantan
Selatan and the Kabupaten account of Tabalong look at them from above. The other kecamatan of
both kabupaten begin reporting next month, so they are not counted as missing.
"""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from desa.models import Desa, Kabupaten, Kecamatan, LaporanBulanan, Pengguna, Provinsi
from desa.models.laporan import Status
from desa.periode import WITA, Periode
from desa.registry import available_kinds
from desa.scoping import Peran
from desa.wilayah import indonesia, muat_wilayah, pilih
from kudapanmas.demo import ledger
from kudapanmas.demo.akun import PASSWORD
from kudapanmas.demo.nama import nama_acak

BULAN = 6
TABALONG = "63.09"
SEPI = ["63.11.05", "63.09.01"]  # Lampihong, Banua Lawas
TERLAMBAT = 0.35


def fill(context):
    if not Kabupaten.objects.filter(pk=TABALONG).exists():
        muat_wilayah(pilih(indonesia(), [TABALONG]), Provinsi, Kabupaten, Kecamatan, Desa)
    rng = random.Random(20221001)
    # One hash for every quiet account: the demo password, hashed once rather than fifty times.
    sandi = make_password(PASSWORD)
    accounts = context.setdefault("accounts", [])
    accounts.append(
        _user(
            "provinsi.kalsel",
            "Biro Pemerintahan Provinsi Kalimantan Selatan",
            sandi,
            peran=Peran.PROVINSI,
            provinsi_id="63",
        )  # fmt: skip
    )
    accounts.append(
        _user(
            "kabupaten.tabalong",
            "Satpol PP Kabupaten Tabalong",
            sandi,
            peran=Peran.KABUPATEN,
            kabupaten_id=TABALONG,
        )  # fmt: skip
    )
    last = Periode.current().previous()
    # The other kecamatan of both kabupaten join next month: not missing, not yet required.
    Kecamatan.objects.filter(kabupaten_id__in=["63.11", TABALONG], mulai_pelaporan__isnull=True).exclude(
        pk__in=[*SEPI, "63.11.06"]
    ).update(mulai_pelaporan=Periode.current().next().awal)
    for kode in SEPI:
        kecamatan = Kecamatan.objects.get(pk=kode)
        if kecamatan.mulai_pelaporan is None:
            kecamatan.mulai_pelaporan = last.shift(1 - BULAN).awal
            kecamatan.save(update_fields=["mulai_pelaporan"])
        slug = slugify(kecamatan.nama)
        kasi = _user(f"trantib.{slug}", nama_acak(rng), sandi, peran=Peran.KASI_TRANTIB, kecamatan=kecamatan)
        accounts.append(kasi)
        desa_list = list(Desa.objects.filter(kecamatan=kecamatan).select_related("kecamatan"))
        operators = {
            desa.pk: _user(
                f"operator.{slugify(desa.nama)}.{slug}",
                nama_acak(rng),
                sandi,
                peran=Peran.OPERATOR_DESA,
                desa=desa,
            )
            for desa in desa_list
        }
        _history(desa_list, operators, kasi, last)


def _history(desa_list, operators, kasi, last):
    now = timezone.now()
    existing = set(
        LaporanBulanan.objects.filter(desa__in=desa_list).values_list("desa_id", "jenis", "periode")
    )
    stories = []
    for desa in desa_list:
        for jenis in available_kinds():
            rng = random.Random(f"sepi/{desa.pk}/{jenis}")
            # How many of the last months this desa has not sent yet: the quiet part.
            behind = rng.choices([0, 1, 2, 3], weights=[45, 30, 15, 10])[0]
            for back in range(BULAN - 1, behind - 1, -1):
                periode = last.shift(-back)
                if (desa.pk, jenis, periode) in existing:
                    continue
                # Seeded by the month too, so a second run plans the same and adds nothing.
                month_rng = random.Random(f"sepi/{desa.pk}/{jenis}/{periode}")
                story = _story(month_rng, desa, jenis, periode, now, operators[desa.pk], kasi)
                if story is None:
                    break  # not sent: the later months wait behind it
                stories.append(story)
    ledger.simpan(stories)


def _story(rng, desa, jenis, periode, now, operator, kasi):
    hari = desa.kecamatan.hari_batas_waktu
    following = periode.next()
    late = rng.random() < TERLAMBAT
    day = rng.randint(hari + 1, hari + 12) if late else rng.randint(max(1, hari - 3), hari)
    sent = datetime.datetime(
        following.tahun, following.bulan, min(day, 28), rng.randint(9, 16), rng.randint(0, 59), tzinfo=WITA
    )
    if sent >= now:
        return None
    row, history = ledger.terkirim(desa, jenis, periode, sent, operator, nihil=True)
    verified = sent + datetime.timedelta(days=rng.randint(2, 9))
    if verified >= now:
        row["status"] = Status.DIKIRIM
        return row, history, []
    history.append(("verifikasi", Status.DIKIRIM, Status.DIVERIFIKASI, kasi, verified, ""))
    row.update(status=Status.DIVERIFIKASI, diverifikasi_at=verified, diverifikasi_oleh=kasi)
    return row, history, []


def _user(username, full_name, sandi, **fields):
    user, created = Pengguna.objects.get_or_create(
        username=username, defaults={**fields, "first_name": full_name, "password": sandi}
    )
    return user
