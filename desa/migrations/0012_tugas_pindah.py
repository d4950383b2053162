"""The background task moves to the first floor, where the imports (floor 2) can ask for it too.

State only: the table stays where it is (kudapanmas_tugas) until 0013 renames it, so no task
that is waiting or running is lost by the move.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('desa', '0011_kecamatan_jadwal_pengingat'),
        ('kudapanmas', '0004_pengingat_terjadwal'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Tugas',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('kind', models.CharField(max_length=30, verbose_name='jenis')),
                        ('params', models.JSONField(default=dict, verbose_name='parameter')),
                        ('dedup_key', models.CharField(max_length=200)),
                        ('versi_data', models.CharField(blank=True, max_length=100)),
                        ('judul', models.CharField(max_length=200, verbose_name='judul')),
                        ('status', models.CharField(choices=[('antre', 'Menunggu giliran'), ('berjalan', 'Sedang dikerjakan'), ('selesai', 'Selesai'), ('gagal', 'Gagal')], default='antre', max_length=10, verbose_name='status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='percobaan')),
                        ('max_attempts', models.PositiveSmallIntegerField(default=3)),
                        ('lease_token', models.UUIDField(blank=True, null=True)),
                        ('lease_expires_at', models.DateTimeField(blank=True, null=True)),
                        ('langkah_selesai', models.PositiveIntegerField(default=0, verbose_name='langkah selesai')),
                        ('langkah_total', models.PositiveIntegerField(default=0, verbose_name='jumlah langkah')),
                        ('langkah_sekarang', models.CharField(blank=True, max_length=100, verbose_name='sedang mengerjakan')),
                        ('galat', models.TextField(blank=True, verbose_name='pesan galat')),
                        ('berkas', models.CharField(blank=True, max_length=200, verbose_name='berkas')),
                        ('nama_berkas', models.CharField(blank=True, max_length=200, verbose_name='nama berkas')),
                        ('hasil', models.JSONField(blank=True, default=dict, verbose_name='hasil')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='waktu')),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('diminta_oleh', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tugas_set', to=settings.AUTH_USER_MODEL, verbose_name='diminta oleh')),
                    ],
                    options={
                        'verbose_name': 'tugas latar',
                        'verbose_name_plural': 'tugas latar',
                        'ordering': ['-created_at'],
                        'db_table': 'kudapanmas_tugas',
                        'indexes': [models.Index(fields=['status', 'lease_expires_at'], name='kudapanmas__status_368c82_idx')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('status__in', ['antre', 'berjalan'])), fields=('dedup_key',), name='satu_tugas_aktif_per_kunci')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
