"""Month columns become PeriodeField: the column stays a date, only the Python type changes,
so the database is left as it is (no table rebuild on SQLite, no ALTER on PostgreSQL)."""

import desa.periode
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kependudukan", "0006_ekspor_data_rincian"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="dataawal",
                    name="periode",
                    field=desa.periode.PeriodeField(
                        help_text="Bulan pertama yang dilaporkan.", verbose_name="bulan pertama"
                    ),
                ),
                migrations.AlterField(
                    model_name="koreksi",
                    name="periode",
                    field=desa.periode.PeriodeField(editable=False, verbose_name="periode"),
                ),
                migrations.AlterField(
                    model_name="penerimabantuan",
                    name="mulai",
                    field=desa.periode.PeriodeField(
                        help_text="Bulan pertama menerima.", verbose_name="mulai"
                    ),
                ),
                migrations.AlterField(
                    model_name="penerimabantuan",
                    name="selesai",
                    field=desa.periode.PeriodeField(
                        blank=True, help_text="Bulan terakhir menerima.", null=True, verbose_name="selesai"
                    ),
                ),
                migrations.AlterField(
                    model_name="peristiwa",
                    name="periode",
                    field=desa.periode.PeriodeField(
                        editable=False, help_text="Bulan tanggal lapor.", verbose_name="periode"
                    ),
                ),
            ],
        ),
    ]
