"""The aid programmes every kecamatan knows from the start (DOMAIN.md)."""

from django.db import migrations

PROGRAM = [
    ("PKH", "Program Keluarga Harapan", "keluarga", True),
    ("BPNT", "Bantuan Pangan Non Tunai / Program Sembako", "keluarga", True),
    ("PBI-JK", "Penerima Bantuan Iuran Jaminan Kesehatan", "orang", True),
    ("BLT-DD", "Bantuan Langsung Tunai Dana Desa", "keluarga", True),
]


def create(apps, schema_editor):
    ProgramBantuan = apps.get_model("kependudukan", "ProgramBantuan")
    for kode, nama, sasaran, desil in PROGRAM:
        ProgramBantuan.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "sasaran": sasaran, "untuk_desil_1_4": desil}
        )


class Migration(migrations.Migration):
    dependencies = [("kependudukan", "0002_ekonomi")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
