"""The one scoping rule: what part of the kabupaten each user may see and change.

Every model holding a desa's data gets `objects.for_user(user)` from ScopedQuerySet;
views fetch through `object_for_user`, so an object outside the user's scope is a 404
and a write by a read-only role is a 403.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404


class Peran(models.TextChoices):
    OPERATOR_DESA = "operator_desa", "Operator Desa"
    KETUA_RT = "ketua_rt", "Ketua RT"
    KASI_TRANTIB = "kasi_trantib", "Kasi Trantib"
    CAMAT = "camat", "Camat"
    KABUPATEN = "kabupaten", "Kabupaten"
    ADMINISTRATOR = "administrator", "Administrator"


READ_ONLY_ROLES = {Peran.CAMAT, Peran.KABUPATEN}
KECAMATAN_ROLES = {Peran.KASI_TRANTIB, Peran.CAMAT}
DESA_ROLES = {Peran.OPERATOR_DESA}


def desa_scope(user, desa_path):
    """A Q object limiting `desa_path` (a lookup that ends at a Desa) to the user's scope."""
    prefix = f"{desa_path}__" if desa_path else ""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser or user.peran == Peran.ADMINISTRATOR:
        return Q()
    if user.peran == Peran.KABUPATEN and user.kabupaten_id:
        return Q(**{f"{prefix}kecamatan__kabupaten_id": user.kabupaten_id})
    if user.peran in KECAMATAN_ROLES and user.kecamatan_id:
        return Q(**{f"{prefix}kecamatan_id": user.kecamatan_id})
    if user.peran in DESA_ROLES and user.desa_id:
        return Q(**{f"{desa_path or 'pk'}": user.desa_id})
    return Q(pk__in=[])


def is_ketua_rt(user):
    """A Ketua RT has no desa scope: it reads and fills its own RT's report only (laporan_rt)."""
    return user.is_authenticated and not user.is_superuser and user.peran == Peran.KETUA_RT


def kabupaten_of(user):
    """The kabupaten code of the user's area, or None (administrators, accounts without an area)."""
    if user.peran == Peran.KABUPATEN:
        return user.kabupaten_id
    if user.peran in KECAMATAN_ROLES and user.kecamatan_id:
        return user.kecamatan.kabupaten_id
    if user.peran in DESA_ROLES and user.desa_id:
        return user.desa.kecamatan.kabupaten_id
    return None


class ScopedQuerySet(models.QuerySet):
    """A queryset whose model says, in `scope_desa_path`, how to reach its Desa."""

    def for_user(self, user):
        return self.filter(desa_scope(user, self.model.scope_desa_path))


def may_write(user, desa):
    """Whether the user may change records of this desa (its scope is checked separately)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.peran == Peran.ADMINISTRATOR:
        return True
    if user.peran == Peran.OPERATOR_DESA:
        return user.desa_id == desa.pk
    if user.peran == Peran.KASI_TRANTIB:
        return user.kecamatan_id == desa.kecamatan_id
    return False


def object_for_user(queryset, user, *, write=False, **lookup):
    """Fetch one object through the user's scope: 404 outside it, 403 for a write by a read-only role."""
    if isinstance(queryset, type):
        queryset = queryset.objects.all()
    obj = get_object_or_404(queryset.for_user(user), **lookup)
    if write:
        require_write(user, obj.scope_desa)
    return obj


def require_write(user, desa):
    if not may_write(user, desa):
        raise PermissionDenied("Peran Anda hanya dapat melihat data ini, tidak mengubahnya.")
