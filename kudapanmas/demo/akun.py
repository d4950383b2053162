import random

from django.utils.text import slugify

from desa.models import RT, Desa, Kabupaten, Kecamatan, Pengguna
from desa.scoping import Peran
from kudapanmas.demo.nama import nama_acak

PASSWORD = "demo-kudapanmas"
KODE_PARINGIN = "63.11.06"


def username_for(desa):
    return f"operator.{slugify(desa.nama)}"


def fill(context):
    """Accounts for every role of Kecamatan Paringin, and RT lists for its desa."""
    rng = context["rng"]
    paringin = Kecamatan.objects.get(pk=KODE_PARINGIN)
    if not paringin.nama_camat:
        paringin.nama_camat = "H. Rahmadi Noor, S.STP., M.Si."
        paringin.nip_camat = "197805122002121003"
        paringin.save()
    accounts = [
        _user("admin", "Administrator Sistem", peran=Peran.ADMINISTRATOR, is_staff=True, is_superuser=True),
        _user(
            "kabupaten",
            "Satpol PP Kabupaten Balangan",
            peran=Peran.KABUPATEN,
            kabupaten=Kabupaten.objects.get(pk="63.11"),
        ),
        _user(
            "camat.paringin",
            paringin.nama_camat,
            peran=Peran.CAMAT,
            kecamatan=paringin,
            telepon="081250001001",
        ),
        _user(
            "trantib.paringin",
            "Syahrul Ramadhan, S.Sos.",
            peran=Peran.KASI_TRANTIB,
            kecamatan=paringin,
            telepon="081250001002",
            email="trantib.paringin@example.id",
        ),
    ]
    for index, desa in enumerate(Desa.objects.filter(kecamatan=paringin)):
        accounts.append(
            _user(
                username_for(desa),
                nama_acak(rng),
                peran=Peran.OPERATOR_DESA,
                desa=desa,
                telepon=f"08125100{index:04d}",
                email=f"{username_for(desa)}@example.id",
            )
        )
        if not desa.nama_kepala:
            desa.nama_kepala = nama_acak(rng, peluang_laki=0.8)
            desa.save(update_fields=["nama_kepala"])
        for nomor in range(1, rng.randint(4, 9) + 1):
            RT.objects.get_or_create(
                desa=desa,
                nomor=nomor,
                defaults={
                    "nama_ketua": nama_acak(rng, peluang_laki=0.8),
                    "telepon_ketua": f"0813{rng.randint(10**7, 10**8 - 1)}",
                    "rw": f"Dusun {(nomor - 1) // 3 + 1}",
                },
            )
    context["paringin"] = paringin
    context["accounts"] = accounts
    return accounts


def _user(username, full_name, **fields):
    user, created = Pengguna.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.first_name = full_name
        user.set_password(PASSWORD)
        user.save()
    return user


def new_rng():
    return random.Random(20220801)
