"""Users with a role; every one of them logs in with PASSWORD."""

import factory
from factory.django import DjangoModelFactory, Password

from desa.models import Pengguna
from desa.scoping import Peran
from tests.factories.wilayah import DesaFactory

PASSWORD = "sandi-uji-123"


class PenggunaFactory(DjangoModelFactory):
    """An operator of desa A unless told otherwise; pass the role's own place with another peran."""

    class Meta:
        model = Pengguna

    username = factory.Sequence(lambda n: f"pengguna.{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@contoh.id")
    password = Password(PASSWORD)
    peran = Peran.OPERATOR_DESA
    desa = factory.Maybe(
        factory.LazyAttribute(lambda user: user.peran == Peran.OPERATOR_DESA),
        yes_declaration=factory.SubFactory(DesaFactory),
        no_declaration=None,
    )


def make_user(username, **fields):
    """A user named `username`; with no peran given it has none (a bare account)."""
    fields.setdefault("peran", "")
    return PenggunaFactory(username=username, **fields)
