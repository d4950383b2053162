"""Import of a desa's residents as its own systems already hold them: a SIAK or BIP export from
Dukcapil, or OpenSID's population export (issue 19, point 1); and of OpenSID's event log into the
events (issue 19, point 2).

The layouts are OpenSID's, read from its source at commit
4b3d56778f23b0e1230c1e667db554f012bbcdc6 of github.com/OpenSID/OpenSID:

- donjo-app/models/Bip_model.php: how a layout is recognised (`cari_format_bip`);
- donjo-app/models/Siak_model.php: SIAK, one header row ("Nomor KK" in A1, "Petugas Registrasi"
  in AH1), one person a row, columns by position (`KOLOM_IMPOR_SIAK`);
- donjo-app/models/Bip2012_model.php, Bip2016_model.php, Bip2016_luwutimur_model.php and
  Bip_ektp_model.php: the four BIP variants, blocks of one family each;
- donjo-app/models/Impor_model.php (`impor_excel`, `daftar_kolom`, `format_tanggal`) and
  donjo-app/models/Ekspor_model.php (`expor`): OpenSID's own export, one header row of field
  names, codes or names in the cells, '###' in column A ending the data.

Modules: berkas (reading the workbook, bounded), tata_letak (recognising the layout and taking
each person's cells from it), periksa (checking every person, the proposal for the data awal),
simpan (replacing the desa's reference list inside the writing transaction), pilihan (the desa
and date the importer chose, kept with the stored upload), peristiwa (the event log, read into our
template's rows and checked and saved by kependudukan.impor.periksa and simpan).
"""
