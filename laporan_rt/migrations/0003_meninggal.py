"""The RT report's death counts are named like the B.3 book's: meninggal_l and meninggal_p (data kept)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("laporan_rt", "0002_periode_field")]

    operations = [
        migrations.RenameField("laporanrt", "mati_l", "meninggal_l"),
        migrations.RenameField("laporanrt", "mati_p", "meninggal_p"),
    ]
