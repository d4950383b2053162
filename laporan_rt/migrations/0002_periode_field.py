"""Month columns become PeriodeField: the column stays a date, only the Python type changes,
so the database is left as it is (no table rebuild on SQLite, no ALTER on PostgreSQL)."""

import desa.periode
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("laporan_rt", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="laporanrt",
                    name="periode",
                    field=desa.periode.PeriodeField(
                        help_text="Bulan laporan (disimpan sebagai hari pertamanya).", verbose_name="periode"
                    ),
                ),
            ],
        ),
    ]
