import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("desa", "0015_provinsi_isi")]

    operations = [
        migrations.AlterField(
            model_name="kabupaten",
            name="provinsi",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="kabupaten_set", to="desa.provinsi"
            ),
        ),
    ]
