from django.contrib import admin

from desa.admin import BuktiAdmin
from kependudukan.ekonomi import models as ekonomi
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
    list_display = ["created_at", "aksi", "ringkasan", "oleh"]
    readonly_fields = ["peristiwa", "desa", "aksi", "ringkasan", "perubahan", "oleh", "created_at"]


@admin.register(ekonomi.ProgramBantuan)
class ProgramBantuanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "sasaran", "untuk_desil_1_4", "aktif"]


@admin.register(ekonomi.Keluarga)
class KeluargaAdmin(admin.ModelAdmin):
    list_display = ["nama_kepala", "desa", "desil", "kategori_ks", "tanggal_pemutakhiran"]
    list_filter = ["desil", "desa__kecamatan"]
    search_fields = ["nama_kepala", "no_kk", "nik_kepala"]
    raw_id_fields = ["desa", "dicatat_oleh"]


@admin.register(ekonomi.PenerimaBantuan)
class PenerimaBantuanAdmin(admin.ModelAdmin):
    list_display = ["nama", "program", "desa", "mulai", "selesai"]
    list_filter = ["program", "desa__kecamatan"]
    search_fields = ["nama", "nik"]
    raw_id_fields = ["desa", "keluarga", "dicatat_oleh"]


@admin.register(ekonomi.EksporData)
class EksporDataAdmin(BuktiAdmin):
    """Who took which personal data out of the system, and how much of it."""

    list_display = ["created_at", "nama_pengguna", "isi", "jumlah_baris", "dengan_nik"]
    readonly_fields = [
        "pengguna", "nama_pengguna", "created_at", "isi", "jumlah_baris", "rincian", "dengan_nik",
    ]  # fmt: skip
