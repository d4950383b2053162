"""A new kabupaten/kota starts with one command: its Kabupaten account, and the Kasi Trantib and
Camat accounts of each of its kecamatan. Accounts are made without a password; the command
prints, for each one still without a password, the page where its owner sets one (valid for
PASSWORD_RESET_TIMEOUT). Running it again makes nothing twice and prints the pages again.
Operators are added afterwards by each Kasi Trantib, as today."""

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from desa.kode import baku_kode
from desa.models import Kabupaten, Pengguna
from desa.models.wilayah import KODE_KABUPATEN
from desa.scoping import Peran


def nama_akun(peran, kode):
    """Usernames that stay unique in a national installation: the role and the area's code."""
    prefix = {Peran.KABUPATEN: "kabupaten", Peran.KASI_TRANTIB: "trantib", Peran.CAMAT: "camat"}[peran]
    return f"{prefix}.{kode.replace('.', '')}"


def _kode_kabupaten(teks):
    """The dotted kabupaten code typed with or without its dot; CommandError for anything else."""
    kode = baku_kode(teks)
    try:
        KODE_KABUPATEN(kode or "")
    except ValidationError:
        raise CommandError(f"'{teks}' bukan kode kabupaten/kota; tulis misalnya 63.11 atau 6311.") from None
    return kode


def _area_id(user):
    return user.kabupaten_id if user.peran == Peran.KABUPATEN else user.kecamatan_id


class Command(BaseCommand):
    help = (
        "Menyiapkan akun Kabupaten serta akun Kasi Trantib dan Camat setiap kecamatan sebuah kabupaten/kota."
    )

    def add_arguments(self, parser):
        parser.add_argument("kode", help="kode kabupaten/kota, misalnya 63.11 atau 6311")
        parser.add_argument("--admin-email", required=True, help="surel pengelola akun Kabupaten")
        parser.add_argument(
            "--alamat",
            default="http://localhost:8000",
            help="alamat KUDAPANMAS untuk tautan pengaturan sandi (bawaan http://localhost:8000)",
        )

    def handle(self, *args, kode, admin_email, alamat, **options):
        try:
            validate_email(admin_email)
        except ValidationError:
            raise CommandError(f"Surel '{admin_email}' tidak sah.") from None
        kode = _kode_kabupaten(kode)
        kabupaten = Kabupaten.objects.filter(pk=kode).first()
        if kabupaten is None:
            raise CommandError(
                f"Kabupaten/kota {kode} belum dimuat: jalankan dulu "
                f"`python manage.py muat_wilayah --hanya {kode}`."
            )
        kecamatan_list = list(kabupaten.kecamatan_set.order_by("kode"))
        if not kecamatan_list:
            raise CommandError(f"{kabupaten} belum punya kecamatan: muat wilayahnya dulu.")
        wanted = [(Peran.KABUPATEN, kabupaten, {"kabupaten": kabupaten, "email": admin_email})]
        for kecamatan in kecamatan_list:
            for peran in (Peran.KASI_TRANTIB, Peran.CAMAT):
                wanted.append((peran, kecamatan, {"kecamatan": kecamatan}))
        made = 0
        accounts = []
        with transaction.atomic():
            for peran, wilayah, fields in wanted:
                username = nama_akun(peran, wilayah.pk)
                user = Pengguna.objects.filter(username=username).first()
                if user is None:
                    user = Pengguna(username=username, peran=peran, **fields)
                    user.set_unusable_password()
                    user.full_clean(exclude=["password"])
                    user.save()
                    made += 1
                elif user.peran != peran or _area_id(user) != wilayah.pk:
                    raise CommandError(
                        f"Akun {username} sudah ada dengan peran atau wilayah lain; tidak ada yang diubah."
                    )
                accounts.append((user, wilayah))
        self.stdout.write(f"{kabupaten}: {made} akun baru, {len(wanted) - made} sudah ada.")
        for user, wilayah in accounts:
            siapa = f"  {user.username} ({user.get_peran_display()} {wilayah.nama})"
            if user.has_usable_password():
                self.stdout.write(f"{siapa}: sandi sudah diatur.")
                continue
            path = reverse(
                "password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
            self.stdout.write(f"{siapa}: atur sandi di {alamat.rstrip('/')}{path}")
