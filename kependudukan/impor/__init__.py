"""Excel import of data awal and events (FORMATS.md, `impor-kependudukan.xlsx`).

kolom: the sheets and columns (the contract); nilai: reading one cell; baca: reading the
workbook; periksa: checking every row; hasil: what the check found; simpan: saving all or
nothing; templat: the template workbook with examples and instructions.
"""
