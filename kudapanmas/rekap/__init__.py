"""The recap workbook (rekap Excel) the kecamatan forwards to the kabupaten.

`scope` says what one workbook covers (a kecamatan or a kabupaten, a month or a year),
`workbook.write_rekap` writes it sheet by sheet, one module per sheet, in the order of
`workbook.SHEETS`. Each sheet module asks its floor-2 app for the rows, so the page, the
export and the management command read the same numbers.
"""
