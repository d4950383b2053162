"""One name for a row's creation time: created_at (the data is kept)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("kudapanmas", "0001_initial")]

    operations = [
        migrations.RenameField("pengumuman", "dibuat_at", "created_at"),
        migrations.AlterModelOptions(
            "pengumuman",
            {
                "ordering": ["-created_at", "-pk"],
                "verbose_name": "pengumuman",
                "verbose_name_plural": "pengumuman",
            },
        ),
    ]
