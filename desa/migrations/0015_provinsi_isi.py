"""Every kabupaten already stored gets its provinsi and its jenis from the national file."""

from django.db import migrations

from desa.wilayah import indonesia


def beri_provinsi(apps, schema_editor):
    Provinsi = apps.get_model("desa", "Provinsi")
    Kabupaten = apps.get_model("desa", "Kabupaten")
    rows = {row.kode: row for row in indonesia()}
    for kabupaten in Kabupaten.objects.all():
        kode_provinsi = kabupaten.kode.split(".")[0]
        provinsi = rows.get(kode_provinsi)
        Provinsi.objects.get_or_create(
            kode=kode_provinsi, defaults={"nama": provinsi.nama if provinsi else kode_provinsi}
        )
        kabupaten.provinsi_id = kode_provinsi
        if kabupaten.kode in rows:
            kabupaten.jenis = rows[kabupaten.kode].jenis
        kabupaten.save(update_fields=["provinsi", "jenis"])


class Migration(migrations.Migration):
    dependencies = [("desa", "0014_provinsi")]

    operations = [migrations.RunPython(beri_provinsi, migrations.RunPython.noop)]
