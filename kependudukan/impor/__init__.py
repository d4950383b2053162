"""Excel import of data awal and events (FORMATS.md, `impor-kependudukan.xlsx`).

The steps, in the same modules as kependudukan.ekonomi.impor: kolom (the sheets and columns,
the contract), baca.baca_berkas (reading the workbook), periksa.periksa_berkas (checking every
row), hasil (what the check found, for the preview), simpan.simpan_berkas (saving all or
nothing), templat (the template workbook with examples and instructions). Shared by both
imports: nilai (reading one cell), batas (what a zip may expand to), pemeriksaan (the checking
loop), perintah (the management commands' frame) and unggahan (an upload between requests).
"""
