"""The provinsi level above the kabupaten, kabupaten told from kota, and desa adat codes.

0015 gives every stored kabupaten its provinsi, 0016 then requires one (three migrations: on
PostgreSQL a table whose rows were just updated cannot be altered in the same transaction).
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

class Migration(migrations.Migration):

    dependencies = [
        ('desa', '0013_tugas_tabel'),
    ]

    operations = [
        migrations.CreateModel(
            name='Provinsi',
            fields=[
                ('kode', models.CharField(max_length=2, primary_key=True, serialize=False, validators=[django.core.validators.RegexValidator('^\\d{2}$', 'Kode provinsi berbentuk PP, misalnya 63.')], verbose_name='kode')),
                ('nama', models.CharField(max_length=100, verbose_name='nama')),
            ],
            options={
                'verbose_name': 'provinsi',
                'verbose_name_plural': 'provinsi',
                'ordering': ['kode'],
            },
        ),
        migrations.AlterModelOptions(
            name='kabupaten',
            options={'ordering': ['kode'], 'verbose_name': 'kabupaten/kota', 'verbose_name_plural': 'kabupaten/kota'},
        ),
        migrations.AddField(
            model_name='kabupaten',
            name='jenis',
            field=models.CharField(choices=[('kabupaten', 'Kabupaten'), ('kota', 'Kota')], default='kabupaten', max_length=10, verbose_name='jenis'),
        ),
        migrations.AlterField(
            model_name='desa',
            name='kode',
            field=models.CharField(max_length=13, primary_key=True, serialize=False, validators=[django.core.validators.RegexValidator('^\\d{2}\\.\\d{2}\\.\\d{2}\\.[123]\\d{3}$', 'Kode desa berbentuk PP.KK.CC.DDDD dan diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat), misalnya 63.11.06.2005.')], verbose_name='kode'),
        ),
        migrations.AlterField(
            model_name='kabupaten',
            name='kode',
            field=models.CharField(max_length=5, primary_key=True, serialize=False, validators=[django.core.validators.RegexValidator('^\\d{2}\\.\\d{2}$', 'Kode kabupaten/kota berbentuk PP.KK, misalnya 63.11.')], verbose_name='kode'),
        ),
        migrations.AlterField(
            model_name='pengguna',
            name='peran',
            field=models.CharField(blank=True, choices=[('operator_desa', 'Operator Desa'), ('ketua_rt', 'Ketua RT'), ('kasi_trantib', 'Kasi Trantib'), ('camat', 'Camat'), ('kabupaten', 'Kabupaten'), ('provinsi', 'Provinsi'), ('administrator', 'Administrator')], max_length=20, verbose_name='peran'),
        ),
        migrations.AddField(
            model_name='kabupaten',
            name='provinsi',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='kabupaten_set', to='desa.provinsi'),
        ),
        migrations.AddField(
            model_name='pengguna',
            name='provinsi',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='pengguna_set', to='desa.provinsi'),
        ),
    ]
