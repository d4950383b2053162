"""Store the snapshot of every verified month that has none: the months verified before
snapshots existed. Until it runs such months are read from their records as before.

Each month is stored in its own transaction after the same locks a verification takes (the desa
row, then the report row), month by month in order, so a later month's snapshot starts from the
one before it. Running it again stores nothing twice."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef

from desa import cuplikan, gerbang
from desa.models import CuplikanAngka, LaporanBulanan
from desa.models.laporan import Status


class Command(BaseCommand):
    help = "Simpan cuplikan angka untuk laporan terverifikasi yang belum punya (laporan lama)."

    def handle(self, *args, **options):
        in_force = CuplikanAngka.objects.filter(laporan=OuterRef("pk"), dicabut_at__isnull=True)
        missing = (
            LaporanBulanan.objects.filter(status=Status.DIVERIFIKASI)
            .exclude(Exists(in_force))
            .order_by("periode", "desa_id", "jenis")
            .values_list("pk", flat=True)
        )
        stored = 0
        for pk in list(missing):
            with transaction.atomic():
                laporan = LaporanBulanan.objects.get(pk=pk)
                gerbang.kunci_desa([laporan.desa_id])
                laporan = LaporanBulanan.objects.select_for_update().select_related("desa").get(pk=pk)
                has_one = laporan.cuplikan.filter(dicabut_at__isnull=True).exists()
                if laporan.status != Status.DIVERIFIKASI or has_one:
                    continue
                cuplikan.simpan(laporan, laporan.diverifikasi_oleh)
                stored += 1
        self.stdout.write(f"{stored} cuplikan angka disimpan.")
