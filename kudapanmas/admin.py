from django.contrib import admin

from kudapanmas.models import Pengumuman


@admin.register(Pengumuman)
class PengumumanAdmin(admin.ModelAdmin):
    list_display = ["judul", "kecamatan", "berlaku_sampai", "dibuat_oleh", "created_at"]
    list_filter = ["kecamatan"]
    search_fields = ["judul", "isi"]
    readonly_fields = ["dibuat_oleh", "created_at"]
