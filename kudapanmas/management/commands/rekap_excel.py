"""python manage.py rekap_excel (--periode YYYY-MM | --tahun YYYY) [--kecamatan KODE] --output FILE

The same workbook the dashboard's download button gives: one kecamatan, or without
--kecamatan the whole kabupaten (one block per kecamatan with subtotals).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from desa.models import Kabupaten, Kecamatan
from desa.periode import Periode
from kudapanmas.rekap.scope import RekapError, scope_kabupaten, scope_kecamatan
from kudapanmas.rekap.workbook import catat_unduhan, write_rekap

DIBUAT_OLEH = "Perintah rekap_excel (server)"


class Command(BaseCommand):
    help = "Menulis rekap Excel satu kecamatan (atau seluruh kabupaten) untuk satu bulan atau satu tahun."

    def add_arguments(self, parser):
        parser.add_argument("--periode", help="Bulan laporan, TTTT-BB (misalnya 2026-08).")
        parser.add_argument("--tahun", help="Tahun untuk rekap tahunan (misalnya 2026).")
        parser.add_argument(
            "--kecamatan", help="Kode kecamatan (misalnya 63.11.06); tanpa ini: seluruh kabupaten."
        )
        parser.add_argument("--kabupaten", help="Kode kabupaten bila basis data berisi lebih dari satu.")
        parser.add_argument("--output", help="Berkas .xlsx yang ditulis (wajib).")
        parser.add_argument(
            "--tanpa-nik", action="store_true", help="Samarkan NIK dan No. KK (6311********0001)."
        )

    def handle(self, *args, **options):
        when = self.when(options["periode"], options["tahun"])
        if not options["output"]:
            raise CommandError("Sebutkan --output BERKAS.xlsx: ke mana rekap ditulis.")
        output = Path(options["output"])
        dengan_nik = not options["tanpa_nik"]
        if not output.parent.is_dir():
            raise CommandError(f"Folder {output.parent} tidak ada.")
        try:
            if options["kecamatan"]:
                scope = scope_kecamatan(
                    self.kecamatan(options["kecamatan"]),
                    dibuat_oleh=DIBUAT_OLEH,
                    dengan_nik=dengan_nik,
                    **when,
                )
            else:
                scope = scope_kabupaten(
                    self.kabupaten(options["kabupaten"]),
                    dibuat_oleh=DIBUAT_OLEH,
                    dengan_nik=dengan_nik,
                    **when,
                )
        except RekapError as error:
            raise CommandError(str(error)) from None
        write_rekap(scope, output)
        catat_unduhan(scope)
        self.stdout.write(
            f"Rekap {scope.wilayah} {scope.label} ditulis ke {output} (nama unduhan {scope.filename})."
        )

    def when(self, periode, tahun):
        if periode and tahun:
            raise CommandError(
                "Pilih salah satu: --periode (satu bulan) atau --tahun (satu tahun), bukan keduanya."
            )
        if not periode and not tahun:
            raise CommandError("Sebutkan --periode TTTT-BB (satu bulan) atau --tahun TTTT (satu tahun).")
        if periode:
            try:
                return {"periode": Periode.parse(periode)}
            except ValueError as error:
                raise CommandError(str(error)) from None
        if not tahun.strip().isdigit() or len(tahun.strip()) != 4:
            raise CommandError(f"Tahun '{tahun}' harus ditulis TTTT, misalnya 2026.")
        return {"tahun": int(tahun)}

    def kecamatan(self, kode):
        try:
            return Kecamatan.objects.select_related("kabupaten").get(pk=kode.strip())
        except Kecamatan.DoesNotExist:
            raise CommandError(f"Kecamatan dengan kode '{kode}' tidak ada (contoh kode: 63.11.06).") from None

    def kabupaten(self, kode):
        if kode:
            try:
                return Kabupaten.objects.get(pk=kode.strip())
            except Kabupaten.DoesNotExist:
                raise CommandError(
                    f"Kabupaten dengan kode '{kode}' tidak ada (contoh kode: 63.11)."
                ) from None
        kabupaten = list(Kabupaten.objects.all()[:2])
        if not kabupaten:
            raise CommandError("Belum ada kabupaten di basis data (muat wilayah dulu: manage.py migrate).")
        if len(kabupaten) > 1:
            raise CommandError("Basis data berisi lebih dari satu kabupaten: sebutkan --kabupaten KODE.")
        return kabupaten[0]
