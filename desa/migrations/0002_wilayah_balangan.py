"""A fresh database already holds Kabupaten Balangan, its 8 kecamatan and 157 desa/kelurahan."""

from django.db import migrations

from desa.wilayah import BALANGAN_CSV, apply_wilayah, parse_wilayah


def load_balangan(apps, schema_editor):
    rows = parse_wilayah(BALANGAN_CSV.read_text(encoding="utf-8"))
    apply_wilayah(
        rows,
        apps.get_model("desa", "Kabupaten"),
        apps.get_model("desa", "Kecamatan"),
        apps.get_model("desa", "Desa"),
    )


class Migration(migrations.Migration):
    dependencies = [("desa", "0001_initial")]

    operations = [migrations.RunPython(load_balangan, migrations.RunPython.noop)]
