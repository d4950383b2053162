"""Users with a role; every one of them logs in with PASSWORD."""

import factory
from factory.django import DjangoModelFactory

from desa.models import Pengguna
from desa.scoping import Peran
from tests.factories.wilayah import DesaFactory

PASSWORD = "sandi-uji-123"


class PenggunaFactory(DjangoModelFactory):
    """An operator of desa A unless told otherwise; pass the role's own place with another peran."""

    class Meta:
        model = Pengguna
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna.{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@contoh.id")
    peran = Peran.OPERATOR_DESA
    desa = factory.Maybe(
        factory.LazyAttribute(lambda user: user.peran == Peran.OPERATOR_DESA),
        yes_declaration=factory.SubFactory(DesaFactory),
        no_declaration=None,
    )

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        # set_password, as a form would, so that the password validators hear of the change.
        user.set_password(extracted or PASSWORD)
        if create:
            user.save()


def make_user(username, **fields):
    """A user named `username`; with no peran given it has none (a bare account)."""
    fields.setdefault("peran", "")
    return PenggunaFactory(username=username, **fields)
