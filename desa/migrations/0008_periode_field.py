"""Month columns become PeriodeField: the column stays a date, only the Python type changes,
so the database is left as it is (no table rebuild on SQLite, no ALTER on PostgreSQL)."""

import desa.periode
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("desa", "0007_akses_nik"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="kecamatan",
                    name="mulai_pelaporan",
                    field=desa.periode.PeriodeField(
                        blank=True, null=True, verbose_name="bulan pertama pelaporan"
                    ),
                ),
                migrations.AlterField(
                    model_name="laporanbulanan",
                    name="periode",
                    field=desa.periode.PeriodeField(
                        help_text="Bulan laporan (disimpan sebagai hari pertamanya).", verbose_name="periode"
                    ),
                ),
            ],
        ),
    ]
