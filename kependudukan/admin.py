from django.contrib import admin

from kependudukan.models import DataAwal, Koreksi, Peristiwa, RiwayatPeristiwa


@admin.register(Peristiwa)
class PeristiwaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "desa", "tanggal_peristiwa", "tanggal_lapor"]
    list_filter = ["jenis", "desa__kecamatan"]
    search_fields = ["nama", "nik"]
    date_hierarchy = "tanggal_lapor"
    raw_id_fields = ["desa", "desa_asal_tujuan", "dicatat_oleh"]


@admin.register(DataAwal)
class DataAwalAdmin(admin.ModelAdmin):
    list_display = ["desa", "periode", "wni_l", "wni_p", "wna_l", "wna_p", "jumlah_kk"]


@admin.register(Koreksi)
class KoreksiAdmin(admin.ModelAdmin):
    list_display = ["desa", "tanggal_lapor", "alasan"]


@admin.register(RiwayatPeristiwa)
class RiwayatPeristiwaAdmin(admin.ModelAdmin):
    list_display = ["waktu", "aksi", "ringkasan", "oleh"]
    readonly_fields = ["peristiwa", "desa", "aksi", "ringkasan", "perubahan", "oleh", "waktu"]
