"""The two Excel imports, each described once: its upload record, its check and save, its pages.

The browser steps (kependudukan.views.impor_langkah) and the background tasks
(kependudukan.impor.latar) take a `JenisImpor`; a task names it by `nama`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from kependudukan.ekonomi.impor import periksa as periksa_ekonomi
from kependudukan.ekonomi.impor import simpan as simpan_ekonomi
from kependudukan.ekonomi.models import ImporEkonomi
from kependudukan.impor import periksa, simpan
from kependudukan.models import ImporBerkas


@dataclass(frozen=True)
class JenisImpor:
    nama: str
    model: type
    periksa_berkas: Callable  # (source, *, desa_boleh, kemajuan) -> hasil
    simpan_berkas: Callable  # (source, *, user, desa_boleh, nama_berkas, kemajuan) -> hasil
    pesan_selesai: Callable  # hasil -> the message after a successful save in the request
    url_unggah: str
    url_pratinjau: str
    url_simpan: str
    url_ulang: str
    template_unggah: str
    template_pratinjau: str
    log_label: str


KEPENDUDUKAN = JenisImpor(
    nama="kependudukan",
    model=ImporBerkas,
    periksa_berkas=periksa.periksa_berkas,
    simpan_berkas=simpan.simpan_berkas,
    pesan_selesai=lambda hasil: (
        f"Impor selesai: {len(hasil.peristiwa)} peristiwa dan {len(hasil.data_awal_baru)} data awal disimpan."
    ),
    url_unggah="kependudukan:impor_unggah",
    url_pratinjau="kependudukan:impor_pratinjau",
    url_simpan="kependudukan:impor_simpan",
    url_ulang="kependudukan:impor_ulang",
    template_unggah="kependudukan/impor_unggah.html",
    template_pratinjau="kependudukan/impor_pratinjau.html",
    log_label="import",
)

EKONOMI = JenisImpor(
    nama="ekonomi",
    model=ImporEkonomi,
    periksa_berkas=periksa_ekonomi.periksa_berkas,
    simpan_berkas=simpan_ekonomi.simpan_berkas,
    pesan_selesai=lambda hasil: "Impor selesai: data keluarga dan penerima bantuan disimpan.",
    url_unggah="ekonomi:impor_unggah",
    url_pratinjau="ekonomi:impor_pratinjau",
    url_simpan="ekonomi:impor_simpan",
    url_ulang="ekonomi:impor_ulang",
    template_unggah="kependudukan/ekonomi/impor_unggah.html",
    template_pratinjau="kependudukan/ekonomi/impor_pratinjau.html",
    log_label="economic import",
)

JENIS = {jenis.nama: jenis for jenis in (KEPENDUDUKAN, EKONOMI)}
