"""Excel import of households and aid recipients (FORMATS.md, `impor-ekonomi.xlsx`).

The same steps as kependudukan.impor, in modules of the same names: kolom (the sheets and
columns), baca.baca_berkas (reading), periksa.periksa_berkas (checking every row), hasil (what
the check found, for the preview), simpan.simpan_berkas (saving all or nothing), templat.
"""
