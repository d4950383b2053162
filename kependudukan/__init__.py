"""Kependudukan: population events, data awal and koreksi, the monthly B.3 report, Excel import.

Laid out by feature, so that later features (household economic status, aid recipients) add
their own modules beside these without changing them:

- models/         Peristiwa (+ RiwayatPeristiwa), DataAwal, Koreksi, ImporBerkas
- aturan.py       the rules an event must satisfy (forms and import share them)
- services/       recording, changing, deleting (lock, history, move matching together)
- b3.py           the B.3 numbers: rekap_b3(desa_list, periode), rekap_b3_tahun(desa_list, tahun),
                  rekap_b3_deret(desa_list, mulai, sampai), jumlah_b3(rows); BarisB3.kolom() gives
                  the 30 numbers of recap columns D..AG
- rincian.py      rincian_peristiwa(desa_list, periode) (by-name list with flags) and
                  jumlah_peristiwa_per_rt(desa, periode) (for the RT reports)
- temuan.py       temuan_kependudukan(desa_list, periode) -> [desa.temuan.Temuan]
- pindah.py       matching the two halves of a move between desa in the system
- impor/          the Excel import (FORMATS.md): columns, reading, checking, saving, template
- kirim.py        the send check registered with the ledger (a month without events is nihil)
- views/, forms/  one module per feature; urls.py names the pages in the namespace `kependudukan`
- ekonomi/       households' economic status and aid recipients: a sub-package with its own
                 models, views, forms and URL namespace `ekonomi`
"""
