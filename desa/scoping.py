"""The one door to the scoping rule: who may see, write, send, verify or manage what.

Every model holding a desa's data gets `objects.for_user(user)` from ScopedQuerySet;
views fetch through `object_for_user`, `desa_for_user` and `kecamatan_for_user`, so an
object outside the user's scope is a 404 and a write by a read-only role is a 403. No
other module derives a role check: they ask the functions here.

The administrator policy, stated once: a superuser or an account with the Administrator
role (`is_administrator`) sees every area and may do whatever the area's own roles may
(write as its operator, verify and manage as its Kasi Trantib). Pages about "my own
kecamatan" need an account that has one; the administrator works there through the admin site.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404


class Peran(models.TextChoices):
    OPERATOR_DESA = "operator_desa", "Operator Desa"
    KETUA_RT = "ketua_rt", "Ketua RT"
    KASI_TRANTIB = "kasi_trantib", "Kasi Trantib"
    CAMAT = "camat", "Camat"
    KABUPATEN = "kabupaten", "Kabupaten"
    PROVINSI = "provinsi", "Provinsi"
    ADMINISTRATOR = "administrator", "Administrator"


READ_ONLY_ROLES = {Peran.CAMAT, Peran.KABUPATEN, Peran.PROVINSI}
KECAMATAN_ROLES = {Peran.KASI_TRANTIB, Peran.CAMAT}
DESA_ROLES = {Peran.OPERATOR_DESA}


def is_administrator(user):
    """The administrator of the whole installation (see the policy above)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.peran == Peran.ADMINISTRATOR


def is_kasi_trantib_of(user, kecamatan_id):
    """Whether the user verifies and manages this kecamatan: its Kasi Trantib, or an administrator."""
    if is_administrator(user):
        return True
    if not user.is_authenticated or not user.is_active or user.peran != Peran.KASI_TRANTIB:
        return False
    return user.kecamatan_id is not None and user.kecamatan_id == kecamatan_id


def desa_scope(user, desa_path):
    """A Q object limiting `desa_path` (a lookup that ends at a Desa) to the user's scope."""
    prefix = f"{desa_path}__" if desa_path else ""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_administrator(user):
        return Q()
    if user.peran == Peran.PROVINSI and user.provinsi_id:
        return Q(**{f"{prefix}kecamatan__kabupaten__provinsi_id": user.provinsi_id})
    if user.peran == Peran.KABUPATEN and user.kabupaten_id:
        return Q(**{f"{prefix}kecamatan__kabupaten_id": user.kabupaten_id})
    if user.peran in KECAMATAN_ROLES and user.kecamatan_id:
        return Q(**{f"{prefix}kecamatan_id": user.kecamatan_id})
    if user.peran in DESA_ROLES and user.desa_id:
        return Q(**{f"{desa_path or 'pk'}": user.desa_id})
    return Q(pk__in=[])


def is_ketua_rt(user):
    """A Ketua RT has no desa scope: it reads and fills its own RT's report only (laporan_rt)."""
    return user.is_authenticated and not is_administrator(user) and user.peran == Peran.KETUA_RT


def kabupaten_of(user):
    """The kabupaten codes of the user's area (a list, or a subquery for a provinsi); empty for
    administrators and accounts without an area."""
    from desa.models import Kabupaten

    if user.peran == Peran.PROVINSI and user.provinsi_id:
        return Kabupaten.objects.filter(provinsi_id=user.provinsi_id).values("pk")
    if user.peran == Peran.KABUPATEN and user.kabupaten_id:
        return [user.kabupaten_id]
    if user.peran in KECAMATAN_ROLES and user.kecamatan_id:
        return [user.kecamatan.kabupaten_id]
    if user.peran in DESA_ROLES and user.desa_id:
        return [user.desa.kecamatan.kabupaten_id]
    return []


class ScopedQuerySet(models.QuerySet):
    """A queryset whose model says, in `scope_desa_path`, how to reach its Desa."""

    def for_user(self, user):
        return self.filter(desa_scope(user, self.model.scope_desa_path))


def may_write(user, desa):
    """Whether the user may change records of this desa (its scope is checked separately)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.peran == Peran.OPERATOR_DESA and not user.is_superuser:
        return user.desa_id == desa.pk
    return is_kasi_trantib_of(user, desa.kecamatan_id)


def may_verify(user, desa):
    """Whether the user reviews (verifies, returns, reopens, extends) this desa's reports."""
    return is_kasi_trantib_of(user, desa.kecamatan_id)


def may_send(user, desa):
    """Who sends a desa's report: its operator (an administrator may stand in), never the reviewer."""
    return may_write(user, desa) and user.peran != Peran.KASI_TRANTIB


def object_for_user(queryset, user, *, write=False, **lookup):
    """Fetch one object through the user's scope: 404 outside it, 403 for a write by a read-only role."""
    if isinstance(queryset, type):
        queryset = queryset.objects.all()
    obj = get_object_or_404(queryset.for_user(user), **lookup)
    if write:
        require_write(user, obj.scope_desa)
    return obj


def desa_for_user(user, kode, *, write=False):
    """A desa through the user's scope: 404 outside it, 403 for a write by a read-only role."""
    from desa.models import Desa

    return object_for_user(Desa.objects.select_related("kecamatan__kabupaten"), user, write=write, pk=kode)


def kecamatan_saya(user, pesan):
    """The code of the Kasi Trantib's own kecamatan, for the pages reached from the menu ("…/saya/");
    403 with `pesan` for anyone else (an administrator has no kecamatan of their own)."""
    if not user.kecamatan_id or not is_kasi_trantib_of(user, user.kecamatan_id):
        raise PermissionDenied(pesan)
    return user.kecamatan_id


def kecamatan_for_user(user, kode, *, manage=False, pesan=None):
    """A kecamatan whose whole compliance the user may see: 404 outside the scope; 403 for an
    operator (they see their own desa's row) and, for `manage`, for anyone but its Kasi Trantib."""
    from desa.models import Kecamatan

    kecamatan = get_object_or_404(Kecamatan.objects.for_user(user), pk=kode)
    if user.peran == Peran.OPERATOR_DESA and not is_administrator(user):
        raise PermissionDenied("Halaman ini untuk kecamatan dan kabupaten. Laporan desa Anda ada di Beranda.")
    if manage and not is_kasi_trantib_of(user, kecamatan.pk):
        raise PermissionDenied(pesan or "Hanya Kasi Trantib kecamatan ini yang dapat memakai halaman ini.")
    return kecamatan


def kabupaten_for_user(user, kode):
    """The kabupaten overview: the Kabupaten role of that kabupaten, the Provinsi role of its
    provinsi and administrators."""
    from desa.models import Kabupaten, Kecamatan

    kabupaten = Kabupaten.objects.select_related("provinsi").filter(pk=kode).first()
    if kabupaten is not None and (
        is_administrator(user)
        or (user.peran == Peran.KABUPATEN and user.kabupaten_id == kode)
        or (user.peran == Peran.PROVINSI and user.provinsi_id == kabupaten.provinsi_id)
    ):
        return kabupaten
    if Kecamatan.objects.for_user(user).filter(kabupaten_id=kode).exists():
        raise PermissionDenied("Ringkasan kabupaten hanya untuk peran Kabupaten dan Provinsi.")
    raise Http404("Kabupaten tidak ditemukan.")


def provinsi_for_user(user, kode):
    """The provinsi overview: the Provinsi role of that provinsi and administrators."""
    from desa.models import Kecamatan, Provinsi

    if is_administrator(user) or (user.peran == Peran.PROVINSI and user.provinsi_id == kode):
        return get_object_or_404(Provinsi, pk=kode)
    if Kecamatan.objects.for_user(user).filter(kabupaten__provinsi_id=kode).exists():
        raise PermissionDenied("Ringkasan provinsi hanya untuk peran Provinsi.")
    raise Http404("Provinsi tidak ditemukan.")


def require_write(user, desa):
    if not may_write(user, desa):
        raise PermissionDenied("Peran Anda hanya dapat melihat data ini, tidak mengubahnya.")
