"""One name for a row's creation time: created_at (the data is kept)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("desa", "0008_periode_field")]

    operations = [
        # The index names its columns, so it is made again on the renamed one.
        migrations.RemoveIndex("aksesnik", "desa_aksesn_desa_id_ace4bd_idx"),
        migrations.RenameField("aksesnik", "waktu", "created_at"),
        migrations.RenameField("riwayatlaporan", "waktu", "created_at"),
        migrations.RenameField("komentarlaporan", "dibuat_at", "created_at"),
        migrations.RenameField("kirimanformulir", "dibuat_at", "created_at"),
        migrations.AlterModelOptions(
            "aksesnik",
            {
                "ordering": ["-created_at", "-pk"],
                "verbose_name": "akses NIK",
                "verbose_name_plural": "akses NIK",
            },
        ),
        migrations.AlterModelOptions(
            "komentarlaporan",
            {
                "ordering": ["created_at", "pk"],
                "verbose_name": "komentar laporan",
                "verbose_name_plural": "komentar laporan",
            },
        ),
        migrations.AlterModelOptions(
            "riwayatlaporan",
            {
                "ordering": ["created_at", "pk"],
                "verbose_name": "riwayat laporan",
                "verbose_name_plural": "riwayat laporan",
            },
        ),
        migrations.AddIndex(
            "aksesnik", models.Index(fields=["desa", "created_at"], name="desa_aksesn_desa_id_a33a8e_idx")
        ),
    ]
