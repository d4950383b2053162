from django.contrib import admin

from laporan_rt.models import KejadianRT, LaporanRT, TamuWajibLapor


class TamuInline(admin.TabularInline):
    model = TamuWajibLapor
    extra = 0


class KejadianInline(admin.TabularInline):
    model = KejadianRT
    extra = 0


@admin.register(LaporanRT)
class LaporanRTAdmin(admin.ModelAdmin):
    list_display = ["desa", "rt", "periode", "dikirim_at"]
    list_filter = ["periode", "desa__kecamatan"]
    search_fields = ["desa__nama", "desa__kode"]
    raw_id_fields = ["rt", "dikirim_oleh", "diubah_oleh"]
    inlines = [TamuInline, KejadianInline]
