"""A fresh database already holds Kabupaten Balangan, its 8 kecamatan and 157 desa/kelurahan.

The loader is kept here as it was when this migration was written (the models had no provinsi
yet); 0014 adds the provinsi level above it.
"""

import csv

from django.db import migrations

from desa.wilayah import BALANGAN_CSV


def load_balangan(apps, schema_editor):
    Kabupaten = apps.get_model("desa", "Kabupaten")
    Kecamatan = apps.get_model("desa", "Kecamatan")
    Desa = apps.get_model("desa", "Desa")
    with open(BALANGAN_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        kode, nama, jenis = row["kode"], row["nama"], row["jenis"]
        induk = kode.rsplit(".", 1)[0]
        if jenis == "kabupaten":
            Kabupaten.objects.update_or_create(kode=kode, defaults={"nama": nama})
        elif jenis == "kecamatan":
            Kecamatan.objects.update_or_create(kode=kode, defaults={"nama": nama, "kabupaten_id": induk})
        else:
            Desa.objects.update_or_create(
                kode=kode, defaults={"nama": nama, "kecamatan_id": induk, "jenis": jenis}
            )


class Migration(migrations.Migration):
    dependencies = [("desa", "0001_initial")]

    operations = [migrations.RunPython(load_balangan, migrations.RunPython.noop)]
