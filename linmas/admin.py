from django.contrib import admin

from linmas.models import AnggotaLinmas, ButirProgram, FotoKegiatan, Kegiatan, Kejadian, ProgramLinmas


@admin.register(AnggotaLinmas)
class AnggotaLinmasAdmin(admin.ModelAdmin):
    list_display = ["nama", "desa", "jabatan", "regu", "aktif", "tanggal_sk"]
    list_filter = ["aktif", "jabatan", "regu", "desa__kecamatan"]
    search_fields = ["nama", "nik", "desa__nama"]
    raw_id_fields = ["desa", "rt", "dicatat_oleh"]


class FotoKegiatanInline(admin.TabularInline):
    model = FotoKegiatan
    fields = ["nama_asli", "lebar", "tinggi", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Kegiatan)
class KegiatanAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "jenis", "desa", "tempat"]
    list_filter = ["jenis", "desa__kecamatan"]
    date_hierarchy = "tanggal"
    raw_id_fields = ["desa", "rt", "peserta", "dicatat_oleh"]
    inlines = [FotoKegiatanInline]


@admin.register(Kejadian)
class KejadianAdmin(admin.ModelAdmin):
    list_display = ["waktu", "jenis", "desa", "penyerahan"]
    list_filter = ["jenis", "penyerahan", "desa__kecamatan"]
    raw_id_fields = ["desa", "rt", "dicatat_oleh"]


class ButirProgramInline(admin.TabularInline):
    model = ButirProgram
    extra = 0


@admin.register(ProgramLinmas)
class ProgramLinmasAdmin(admin.ModelAdmin):
    list_display = ["kecamatan", "berlaku_mulai", "catatan"]
    list_filter = ["kecamatan"]
    inlines = [ButirProgramInline]
