"""Month columns become PeriodeField: the column stays a date, only the Python type changes,
so the database is left as it is (no table rebuild on SQLite, no ALTER on PostgreSQL)."""

import desa.periode
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("linmas", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="programlinmas",
                    name="berlaku_mulai",
                    field=desa.periode.PeriodeField(
                        help_text="Bulan pertama berlakunya.", verbose_name="berlaku mulai"
                    ),
                ),
            ],
        ),
    ]
