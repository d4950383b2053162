"""OpenSID's event log as its Catatan Peristiwa › Unduh serves it (donjo-app/views/penduduk_log/
penduduk_log_cetak.php at the commit cited in kependudukan.impor.luar): an HTML page named .xls,
the desa's identity above one table whose header row is fixed, dates written by tgl_indo
('05 Januari 2026'); and the same log saved again as .xlsx, as an operator opening it in Excel does.

An event is a dict: nik, nama, no_kk, nama_kk, status (the "Status Menjadi" text), tanggal (a date,
or text as it is), catatan, rt. `nik_angka` stores NIKs as numbers in the workbook, `tanggal_asli`
writes dates as real Excel dates (as Excel turns them when it recognises them).
"""

import datetime
import html
import io

from openpyxl import Workbook

BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]  # fmt: skip


def header(sebutan_dusun="Dusun"):
    return ["No", "NIK", "Nama", "No. KK / Nama KK", sebutan_dusun, "RW", "RT", "Umur", "Status Menjadi",
            "Tanggal Peristiwa", "Tanggal Rekam", "Catatan Peristiwa"]  # fmt: skip


def tgl_indo(day):
    return f"{day.day:02d} {BULAN[day.month]} {day.year}" if isinstance(day, datetime.date) else day


def peristiwa(nik, nama, status, tanggal, no_kk="6311060101090001", **more):
    return {"nik": nik, "nama": nama, "status": status, "tanggal": tanggal, "no_kk": no_kk,
            "nama_kk": "ACHMAD", "catatan": "", "rt": "001", **more}  # fmt: skip


def _cells(number, event):
    return [
        number, event["nik"], event["nama"].upper(), f"{event['no_kk']} / {event['nama_kk']}", "KAMPUNG HULU",
        "001", event["rt"], "34", event["status"], tgl_indo(event["tanggal"]), "-", event["catatan"],
    ]  # fmt: skip


def log_html(events, *, sebutan_dusun="Dusun"):
    """The bytes of Log_Penduduk_<date>.xls as OpenSID sends them."""
    head = "".join(f"<th>{html.escape(text)}</th>" for text in header(sebutan_dusun))
    body = []
    for number, event in enumerate(events, start=1):
        cells = _cells(number, event)
        cells[3] = f"\n\t\t\t\t\t\t\t\t{event['no_kk']}\n\t\t\t\t\t\t\t\t / {event['nama_kk']}\t\t\t\t\t\t\t"
        body.append("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in cells) + "</tr>")
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
	<head>
		<title>Data Log Penduduk</title>
		<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
		<style>td,th {{ font-size:6.5pt; mso-number-format:"\\@"; }}</style>
	</head>
	<body>
		<div id="container">
			<div id="body">
				<div class="header" align="center">
					<label align="left">Desa Lasung Batu<br>Kecamatan Paringin</label>
					<h3> DAFTAR PENDUDUK YANG STATUS DASARNYA MATI, HILANG ATAU PINDAH</h3>
					<br>
				</div>
				<table class="border thick">
					<thead>
						<tr class="border thick">{head}</tr>
					</thead>
					<tbody>
						{"".join(body)}
					</tbody>
				</table>
			</div>
			<br>
			<label>Tanggal cetak : &nbsp; </label>05 Desember 2026
		</div>
	</body>
</html>"""
    return page.encode()


def log_xlsx(events, *, nik_angka=False, tanggal_asli=False, sebutan_dusun="Dusun"):
    """The log opened in Excel and saved as .xlsx: the identity and title above, then the table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Log_Penduduk_2026-12-05"
    sheet.append(["Desa Lasung Batu Kecamatan Paringin"])
    sheet.append(["DAFTAR PENDUDUK YANG STATUS DASARNYA MATI, HILANG ATAU PINDAH"])
    sheet.append([])
    sheet.append(header(sebutan_dusun))
    for number, event in enumerate(events, start=1):
        cells = _cells(number, event)
        if nik_angka and str(event["nik"]).isdigit():
            cells[1] = int(event["nik"])
        if tanggal_asli and isinstance(event["tanggal"], datetime.date):
            cells[9] = event["tanggal"]
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
