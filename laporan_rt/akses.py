"""Who may see and fill an RT's report: the desa scope, plus the Ketua RT of that one RT.

desa.scoping gives a Ketua RT no general scope (it sees no desa page, no other app);
this module adds the one thing it may do: read and fill its own RT's report.
"""

from django.shortcuts import get_object_or_404

from desa.models import RT
from desa.scoping import is_ketua_rt, may_write, object_for_user, require_write


def rt_for_user(user, *, kode, nomor, write=False):
    """The RT `nomor` of desa `kode`: 404 outside the user's scope, 403 for a write by a read-only role."""
    queryset = RT.objects.select_related("desa__kecamatan")
    if is_ketua_rt(user):
        if not user.is_active or not user.rt_id:
            queryset = queryset.none()
        return get_object_or_404(queryset, pk=user.rt_id, desa_id=kode, nomor=nomor)
    rt = object_for_user(queryset, user, desa_id=kode, nomor=nomor)
    if write:
        require_write(user, rt.desa)
    return rt


def may_fill(user, rt):
    """Whether the user may fill this RT's report (its scope is checked separately)."""
    if is_ketua_rt(user):
        return user.is_active and user.rt_id == rt.pk
    return may_write(user, rt.desa)
