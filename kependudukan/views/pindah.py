from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from kependudukan.models import Peristiwa
from kependudukan.pindah import BATAS_TUNGGU, belum_cocok, penjelasan


@login_required
def pindah_belum_cocok(request):
    """Moves between desa in the system whose other half is still missing after 30 days."""
    events = list(belum_cocok(Peristiwa.objects.for_user(request.user), timezone.localdate()))
    rows = [{"peristiwa": event, "penjelasan": penjelasan(event)} for event in events]
    return render(
        request,
        "kependudukan/pindah_belum_cocok.html",
        {"rows": rows, "hari": BATAS_TUNGGU.days},
    )
