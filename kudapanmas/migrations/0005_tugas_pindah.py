"""The background task now lives in desa (desa 0012); the table is kept for it, state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('kudapanmas', '0004_pengingat_terjadwal'),
        ('desa', '0012_tugas_pindah'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Tugas')],
            database_operations=[],
        ),
    ]
