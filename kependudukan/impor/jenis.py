"""The Excel imports, each described once: its upload record, its check and save, its pages.

The browser steps (kependudukan.views.impor_langkah) and the background tasks
(kependudukan.impor.latar) take a `JenisImpor`; a task names it by `nama`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from kependudukan.ekonomi.impor import periksa as periksa_ekonomi
from kependudukan.ekonomi.impor import simpan as simpan_ekonomi
from kependudukan.ekonomi.impor.luar import desil as desil_luar
from kependudukan.ekonomi.impor.luar import program as program_luar
from kependudukan.ekonomi.impor.luar import simpan as simpan_ekonomi_luar
from kependudukan.ekonomi.models import ImporBantuan, ImporDesil, ImporEkonomi
from kependudukan.impor import periksa, simpan
from kependudukan.impor.luar import periksa as periksa_luar
from kependudukan.impor.luar import peristiwa as peristiwa_opensid
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

PERISTIWA_OPENSID = JenisImpor(
    nama="peristiwa_opensid",
    model=ImporBerkas,  # the same events as our template's, so the same uploads
    periksa_berkas=peristiwa_opensid.periksa_berkas,
    simpan_berkas=peristiwa_opensid.simpan_berkas,
    pesan_selesai=lambda hasil: f"Impor selesai: {len(hasil.peristiwa)} peristiwa dari log OpenSID disimpan.",
    namespace="kependudukan:impor_penduduk:peristiwa_opensid",
    folder_template="kependudukan/impor_peristiwa_opensid",
    log_label="OpenSID event log import",
)

BANTUAN = JenisImpor(
    nama="bantuan",
    model=ImporBantuan,
    periksa_berkas=program_luar.periksa_berkas,
    simpan_berkas=simpan_ekonomi_luar.simpan_bantuan,
    pesan_selesai=lambda hasil: f"Penerima {hasil.program} {hasil.desa} dari berkas OpenSID disimpan.",
    namespace="ekonomi:impor_bantuan",
    folder_template="kependudukan/ekonomi/impor_bantuan",
    log_label="OpenSID aid import",
)

DESIL = JenisImpor(
    nama="desil",
    model=ImporDesil,
    periksa_berkas=desil_luar.periksa_berkas,
    simpan_berkas=simpan_ekonomi_luar.simpan_desil,
    pesan_selesai=lambda hasil: f"Desil {len(hasil.berubah)} keluarga {hasil.desa} diperbarui dari SIKS-NG.",
    namespace="ekonomi:impor_desil",
    folder_template="kependudukan/ekonomi/impor_desil",
    log_label="SIKS-NG desil import",
)

JENIS = {jenis.nama: jenis for jenis in (KEPENDUDUKAN, EKONOMI, PENDUDUK, PERISTIWA_OPENSID, BANTUAN, DESIL)}
