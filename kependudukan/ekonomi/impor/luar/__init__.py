"""Aid lists as they already come to a desa (issue 19, point 3): OpenSID's program bantuan workbook
and the SIKS-NG desil ranking.

OpenSID's layout is read from its source at commit 4b3d56778f23b0e1230c1e667db554f012bbcdc6 of
github.com/OpenSID/OpenSID:

- assets/import/format_impor_program_bantuan.xlsx: sheet Program, one field a row (title in A,
  value in B: ID Program, Nama Program, Sasaran Program 1-4, Keterangan, Asal Dana 1-5, Rentang
  Waktu (Awal), Rentang Waktu (Akhir)), '###' in A ending it; sheet Peserta, one header row, then
  Peserta (NIK or No. KK by sasaran), No. Peserta, NIK, Nama, Tempat Lahir, Tanggal Lahir
  (Tahun-Bulan-Hari), Alamat, every cell stored as text, '###' in A ending the data;
- donjo-app/controllers/Program_bantuan.php (`impor`, `cek_is_date`): the Program sheet read by
  position, the Peserta sheet by column position after its first row, a date cell taken as a
  real date or as text 'Y-m-d', an empty name or birth date filled from the resident's data.

The SIKS-NG "Pemeringkatan Desil" file has no reader in OpenSID's public source; its columns are
those its issues describe (OpenSID issues #11010 and #11532: Nomor KK, NIK, Desil, matched on the
head's NIK, the No. KK or a member's NIK), so its header is found by name, below any title rows.

Modules: program (reading and checking the programme and its recipients), desil (reading and
matching the ranking), simpan (both saves, inside the writing transaction after the desa lock).
The desa and the date each upload is for travel as kependudukan.impor.luar.pilihan says.
"""
