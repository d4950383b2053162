"""The moved task table takes desa's name, and the doorbells still waiting point to the moved task."""

from django.db import migrations

OLD_PATH = "kudapanmas.tugas.runner.jalankan_tugas"
NEW_PATH = "desa.latar.jalankan_tugas"


def point_doorbells(apps, schema_editor, old=OLD_PATH, new=NEW_PATH):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=old).update(task_path=new)


def point_back(apps, schema_editor):
    point_doorbells(apps, schema_editor, old=NEW_PATH, new=OLD_PATH)


class Migration(migrations.Migration):

    dependencies = [
        ('desa', '0012_tugas_pindah'),
        ('kudapanmas', '0005_tugas_pindah'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
    ]

    operations = [
        migrations.AlterModelTable(name='tugas', table=None),
        migrations.RenameIndex(
            model_name='tugas', new_name='tugas_status_sewa_idx', old_name='kudapanmas__status_368c82_idx'
        ),
        migrations.RunPython(point_doorbells, point_back),
    ]
