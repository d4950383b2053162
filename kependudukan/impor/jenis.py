"""The Excel imports, each described once: its upload record, its check and save, its pages.

The browser steps (kependudukan.views.impor_langkah) and the background tasks
(kependudukan.impor.latar) take a `JenisImpor`; a task names it by `nama`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from kependudukan.ekonomi.impor import periksa as periksa_ekonomi
from kependudukan.ekonomi.impor import simpan as simpan_ekonomi
from kependudukan.ekonomi.models import ImporEkonomi
from kependudukan.impor import periksa, simpan
from kependudukan.impor.luar import periksa as periksa_luar
from kependudukan.impor.luar import simpan as simpan_luar
from kependudukan.models import ImporBerkas, ImporPenduduk


@dataclass(frozen=True)
class JenisImpor:
    nama: str
    model: type
    periksa_berkas: Callable  # (source, *, desa_boleh, kemajuan) -> hasil
    simpan_berkas: Callable  # (source, *, user, desa_boleh, nama_berkas, kemajuan) -> hasil
    pesan_selesai: Callable  # hasil -> the message after a successful save in the request
    namespace: str  # its URLs: <namespace>:impor_unggah, impor_pratinjau, impor_simpan, impor_ulang
    folder_template: str  # its pages: <folder>/impor_unggah.html and impor_pratinjau.html
    log_label: str

    @property
    def url_unggah(self):
        return f"{self.namespace}:impor_unggah"

    @property
    def url_pratinjau(self):
        return f"{self.namespace}:impor_pratinjau"

    @property
    def url_simpan(self):
        return f"{self.namespace}:impor_simpan"

    @property
    def url_ulang(self):
        return f"{self.namespace}:impor_ulang"

    @property
    def template_unggah(self):
        return f"{self.folder_template}/impor_unggah.html"

    @property
    def template_pratinjau(self):
        return f"{self.folder_template}/impor_pratinjau.html"


KEPENDUDUKAN = JenisImpor(
    nama="kependudukan",
    model=ImporBerkas,
    periksa_berkas=periksa.periksa_berkas,
    simpan_berkas=simpan.simpan_berkas,
    pesan_selesai=lambda hasil: (
        f"Impor selesai: {len(hasil.peristiwa)} peristiwa dan {len(hasil.data_awal_baru)} data awal disimpan."
    ),
    namespace="kependudukan",
    folder_template="kependudukan",
    log_label="import",
)

EKONOMI = JenisImpor(
    nama="ekonomi",
    model=ImporEkonomi,
    periksa_berkas=periksa_ekonomi.periksa_berkas,
    simpan_berkas=simpan_ekonomi.simpan_berkas,
    pesan_selesai=lambda hasil: "Impor selesai: data keluarga dan penerima bantuan disimpan.",
    namespace="ekonomi",
    folder_template="kependudukan/ekonomi",
    log_label="economic import",
)

PENDUDUK = JenisImpor(
    nama="penduduk",
    model=ImporPenduduk,
    periksa_berkas=periksa_luar.periksa_berkas,
    simpan_berkas=simpan_luar.simpan_berkas,
    pesan_selesai=lambda hasil: (
        f"Daftar penduduk {hasil.desa} disimpan. Bila perlu, pakai jumlahnya sebagai data awal di bawah."
    ),
    namespace="kependudukan:impor_penduduk",
    folder_template="kependudukan/impor_penduduk",
    log_label="population export import",
)

JENIS = {jenis.nama: jenis for jenis in (KEPENDUDUKAN, EKONOMI, PENDUDUK)}
