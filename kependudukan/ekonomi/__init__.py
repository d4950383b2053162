"""Ekonomi: households' economic status, aid recipients and the recipients who are gone.

- models.py    Keluarga (+ RiwayatKeluarga), ProgramBantuan, PenerimaBantuan, TindakLanjut, ImporEkonomi,
               EksporData (app label kependudukan: the tables keep their names)
- kunci.py     a write may not change a sent month (nor any later locked month)
- keadaan.py   the households as of a month, from their dated checks
- tanda.py     the *perlu verifikasi* flags of recipients: tanda_penerima(desa_list, periode)
               and temuan_ekonomi(desa_list, periode) -> [desa.temuan.Temuan]
- laporan.py   the monthly report numbers: rekap_ekonomi(desa_list, periode); the send check
- services.py  saving households and recipients, stopping or keeping a flagged recipient
- privasi.py   ekspor_catat: the record of every export of names
- impor_*.py   the impor-ekonomi.xlsx import, built on kependudukan.impor
- views/, forms.py, urls.py  the pages, in their own URL namespace `ekonomi` (at /kependudukan/ekonomi/)
"""
