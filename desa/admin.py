from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from desa.models import (
    RT,
    AksesNIK,
    Desa,
    Kabupaten,
    Kecamatan,
    LaporanBulanan,
    Pengguna,
    Provinsi,
    RiwayatLaporan,
)


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    # A national installation holds 83,762 desa: wilayah are looked up by code or name, never listed.
    autocomplete_fields = ["provinsi", "kabupaten", "kecamatan", "desa", "rt"]
    list_display = ["username", "first_name", "peran", "kecamatan", "desa", "is_active"]
    list_filter = ["peran", "is_active"]
    fieldsets = UserAdmin.fieldsets + (
        (
            "Peran dan wilayah",
            {"fields": ["peran", "provinsi", "kabupaten", "kecamatan", "desa", "rt", "telepon"]},
        ),
    )


@admin.register(Provinsi)
class ProvinsiAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]
    search_fields = ["kode", "nama"]


@admin.register(Kabupaten)
class KabupatenAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis", "provinsi"]
    list_filter = ["jenis", "provinsi"]
    search_fields = ["kode", "nama"]


@admin.register(Kecamatan)
class KecamatanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "kabupaten", "hari_batas_waktu"]
    search_fields = ["kode", "nama"]
    list_select_related = ["kabupaten"]


@admin.register(Desa)
class DesaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis", "kecamatan"]
    list_filter = ["jenis"]
    search_fields = ["kode", "nama"]
    list_select_related = ["kecamatan"]


@admin.register(RT)
class RTAdmin(admin.ModelAdmin):
    list_display = ["desa", "nomor", "nama_ketua", "aktif"]
    search_fields = ["desa__kode", "desa__nama", "nomor"]


class RiwayatInline(admin.TabularInline):
    model = RiwayatLaporan
    extra = 0
    readonly_fields = ["aksi", "dari", "ke", "oleh", "created_at", "catatan"]


@admin.register(LaporanBulanan)
class LaporanBulananAdmin(admin.ModelAdmin):
    list_display = ["desa", "jenis", "periode", "status", "pertama_dikirim_at"]
    list_filter = ["jenis", "status"]
    search_fields = ["desa__kode", "desa__nama"]
    inlines = [RiwayatInline]


class BuktiAdmin(admin.ModelAdmin):
    """A log kept as evidence (UU 27/2022): read in the admin, never written, changed or deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AksesNIK)
class AksesNIKAdmin(BuktiAdmin):
    """Who saw which resident's full NIK, and when."""

    list_display = ["created_at", "nama_pengguna", "desa", "jenis_data", "objek_id"]
    list_filter = ["jenis_data"]
    readonly_fields = [
        "pengguna", "nama_pengguna", "created_at", "desa", "jenis_data", "objek_id", "keterangan",
    ]  # fmt: skip
