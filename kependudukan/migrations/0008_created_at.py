"""One name for a row's creation time: created_at (the data is kept)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("kependudukan", "0007_periode_field")]

    operations = [
        migrations.RenameField("riwayatperistiwa", "waktu", "created_at"),
        migrations.RenameField("riwayatkeluarga", "waktu", "created_at"),
        migrations.RenameField("tindaklanjut", "waktu", "created_at"),
        migrations.RenameField("ekspordata", "waktu", "created_at"),
        migrations.AlterModelOptions(
            "ekspordata",
            {
                "ordering": ["-created_at", "-pk"],
                "verbose_name": "ekspor data pribadi",
                "verbose_name_plural": "ekspor data pribadi",
            },
        ),
        migrations.AlterModelOptions(
            "riwayatperistiwa",
            {
                "ordering": ["created_at", "pk"],
                "verbose_name": "riwayat peristiwa",
                "verbose_name_plural": "riwayat peristiwa",
            },
        ),
        migrations.AlterModelOptions(
            "tindaklanjut",
            {
                "ordering": ["created_at", "pk"],
                "verbose_name": "tindak lanjut penerima",
                "verbose_name_plural": "tindak lanjut penerima",
            },
        ),
    ]
