"""One streamed worksheet laid out as a government recap.

Title rows, merged bold group headers, one bordered table, frozen header rows, an auto-filter,
widths set per column, A4 landscape fitted to the page width with the title rows repeated on every
printed page. Rows go straight to disk (openpyxl write-only), so a sheet of 200,000 rows
costs no more memory than one of ten.

Speed matters here: a styled cell is made by copying the style of a template cell made once
per column, instead of assigning fonts and borders (each looked up in the workbook's style
tables) cell by cell.
"""

import datetime
from dataclasses import dataclass

from openpyxl.cell.cell import Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desa.periode import WITA
from desa.templatetags.format_id import nik_samar
from kudapanmas.rekap import guard, styles

TEXT = "text"
NUMBER = "number"
DECIMAL = "decimal"
PERCENT = "percent"
DATE = "date"
DATETIME = "datetime"
IDENTITY = "identity"  # NIK, No. KK, NIP: digits kept as text so all of them survive
# Personal data (UU 27/2022): the columns the export log names, and those masked in a workbook
# made without NIKs ("6311********0001").
KOLOM_PRIBADI = {"NIK", "No. KK", "Nama", "Tanggal Lahir"}
KOLOM_DISAMARKAN = {"NIK", "No. KK"}

FORMATS = {
    NUMBER: styles.FORMAT_NUMBER,
    DECIMAL: styles.FORMAT_DECIMAL,
    PERCENT: styles.FORMAT_PERCENT,
    DATE: styles.FORMAT_DATE,
    DATETIME: styles.FORMAT_DATETIME,
    IDENTITY: styles.FORMAT_TEXT,
}
LINE_HEIGHT = 13  # points per line of 10-point text
MAX_HEIGHT = 409  # the tallest row Excel allows
TITLE_ROWS = 3  # title, subtitle, an empty row; the table header starts below them


@dataclass(frozen=True)
class Column:
    label: str
    width: float
    kind: str = TEXT
    group: str = ""  # a merged header above consecutive columns of the same group
    wrap: bool = False


def fit(texts, minimum, maximum):
    """A column width that fits the longest text, within bounds."""
    longest = max((len(str(text)) for text in texts if text is not None), default=0)
    return max(minimum, min(maximum, longest + 2))


def fit_number(label, numbers):
    """A number column's width: its largest number with thousands separators, or the longest
    word of its (wrapped) header."""
    longest = max((len(f"{number:,}") for number in numbers if number is not None), default=1)
    return max(longest + 2, max(len(word) for word in label.split()) + 1.5, 5)


class Sheet:
    """A worksheet with (when `table`) one bordered table under its title rows."""

    def __init__(
        self, workbook, title, columns, *, heading, subheading, freeze_column=4, table=True, one_page=False
    ):
        self.ws = workbook.create_sheet(title)
        self.one_page = one_page
        self.columns = list(columns)
        self.jumlah_baris = 0  # data rows, for the export log
        self.kolom_pribadi = [column.label for column in self.columns if column.label in KOLOM_PRIBADI]
        self._samar = [
            index
            for index, column in enumerate(self.columns)
            if column.label in KOLOM_DISAMARKAN and not getattr(workbook, "dengan_nik", True)
        ]
        if isinstance(getattr(workbook, "lembar", None), list):
            workbook.lembar.append(self)
        self.last_column = get_column_letter(len(self.columns))
        self.grouped = any(column.group for column in self.columns)
        self.header_top = TITLE_ROWS + 1
        self.header_bottom = self.header_top + (1 if self.grouped else 0)
        self.row_index = 0
        self.last_data_row = self.header_bottom
        self._templates = {}
        self._setup_page(heading)
        self._body = [self._column_templates(column) for column in self.columns]
        self._wrapped = [index for index, column in enumerate(self.columns) if column.wrap]
        self._total_converters = {}  # {id(fill): converters} of the JUMLAH and subtotal rows
        self.table = table
        if table:
            self.ws.freeze_panes = f"{get_column_letter(freeze_column)}{self.header_bottom + 1}"
            self.ws.print_title_rows = f"1:{self.header_bottom}"
        self._write_titles(heading, subheading)
        if table:
            self._write_header()

    # Layout

    def _setup_page(self, heading):
        ws = self.ws
        for index, column in enumerate(self.columns, 1):
            # A header breaks between words only: the column is at least as wide as its longest word.
            longest = max((len(word) for word in column.label.split()), default=0)
            ws.column_dimensions[get_column_letter(index)].width = max(column.width, longest + 1.5)
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if self.one_page else 0
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.left.text = heading.replace("&", "&&")
        ws.oddFooter.left.size = 8
        ws.oddFooter.right.text = "Halaman &P dari &N"
        ws.oddFooter.right.size = 8

    def _write_titles(self, heading, subheading):
        self.raw([self.styled(heading, font=styles.FONT_TITLE, alignment=styles.ALIGN_TITLE)], height=20)
        self.raw([self.styled(subheading, font=styles.FONT_SUBTITLE, alignment=styles.ALIGN_TITLE)])
        self.raw([])
        self.merge(1, 1, 1, len(self.columns))
        self.merge(2, 1, 2, len(self.columns))

    def _write_header(self):
        top, bottom = [], []
        lines = 1
        for index, column in enumerate(self.columns):
            lines = max(lines, _lines(column.label, column.width))
            if not self.grouped:
                top.append(self.header_cell(column.label))
                continue
            if column.group:
                first = index == 0 or self.columns[index - 1].group != column.group
                top.append(self.header_cell(column.group if first else None))
                bottom.append(self.header_cell(column.label))
                if first:
                    end = index
                    while end + 1 < len(self.columns) and self.columns[end + 1].group == column.group:
                        end += 1
                    if end > index:
                        self.merge(self.header_top, index + 1, self.header_top, end + 1)
            else:
                top.append(self.header_cell(column.label))
                bottom.append(self.header_cell(None))
                self.merge(self.header_top, index + 1, self.header_bottom, index + 1)
        if self.grouped:
            self.raw(top, height=15)
            self.raw(bottom, height=min(15 * lines, 80))
        else:
            self.raw(top, height=min(15 * lines, 80))

    def header_cell(self, value):
        return self.styled(
            value,
            font=styles.FONT_BOLD,
            fill=styles.FILL_HEADER,
            border=styles.BORDER,
            alignment=styles.ALIGN_HEADER,
        )

    # Cells

    def styled(self, value, *, number_format=None, **style):
        """One cell with a style given by keyword (font, fill, border, alignment); for the few
        cells outside the table body, where speed does not matter."""
        cell = self._cell(value, self._template(number_format=number_format, **style))
        if isinstance(value, str) and guard.is_risky(value):
            guard.as_text(cell)
        return cell

    def _template(self, *, number_format=None, quote_prefix=False, **style):
        key = (number_format, quote_prefix, tuple(sorted((name, id(value)) for name, value in style.items())))
        if key not in self._templates:
            cell = Cell(self.ws, row=1, column=1)
            for name, value in style.items():
                setattr(cell, name, value)
            if number_format:
                cell.number_format = number_format
            cell.quotePrefix = quote_prefix
            self._templates[key] = cell._style
        return self._templates[key]

    def _cell(self, value, template):
        try:
            return Cell(self.ws, row=1, column=1, value=value, style_array=StyleArray(template))
        except IllegalCharacterError:
            return Cell(self.ws, row=1, column=1, value=guard.clean(value), style_array=StyleArray(template))

    def _converter(self, column, *, fill=None):
        """A function turning one value of this column into what the row holds; a `fill`
        makes it a bold total row."""
        template, risky = self._column_templates(column, fill)

        def convert(value):
            if value is None or value == "":
                return self._cell(None, template)
            if isinstance(value, str):
                if guard.is_risky(value):
                    return guard.as_text(self._cell(value, risky))
            elif isinstance(value, datetime.datetime):
                value = value.astimezone(WITA).replace(tzinfo=None)
            return self._cell(value, template)

        return convert

    def _column_templates(self, column, fill=None):
        """The style of the column's cells, and the same with the quote prefix of risky text."""
        style = {"font": styles.FONT_BOLD if fill else styles.FONT_BODY, "border": styles.BORDER}
        if fill:
            style["fill"] = fill
        style["alignment"] = styles.ALIGN_WRAP if column.wrap else styles.ALIGN_TOP
        number_format = FORMATS.get(column.kind)
        return (
            self._template(number_format=number_format, **style),
            self._template(number_format=number_format, quote_prefix=True, **style),
        )

    # Rows

    def raw(self, values, *, height=None):
        """Append a row as it is (cells already made); returns its row number."""
        self.row_index += 1
        if height:
            self.ws.row_dimensions[self.row_index].height = height
        self.ws.append(values)
        return self.row_index

    def append(self, values):
        """Append a table row: one value per column, written as the column's kind says.

        The body of this loop runs for every cell of a 200,000-row list, so it is written out
        here rather than calling a converter per cell (the JUMLAH rows use the converters)."""
        ws = self.ws
        row = []
        self.jumlah_baris += 1
        if self._samar:
            values = list(values)
            for index in self._samar:
                values[index] = nik_samar(values[index]) if values[index] else values[index]
        for (template, risky), value in zip(self._body, values, strict=True):
            if value is None or value == "":
                value = None
            elif isinstance(value, str):
                if value.startswith(guard.RISKY_STARTS):
                    row.append(guard.as_text(self._cell(value, risky)))
                    continue
            elif isinstance(value, datetime.datetime):
                value = value.astimezone(WITA).replace(tzinfo=None)
            try:
                row.append(Cell(ws, row=1, column=1, value=value, style_array=StyleArray(template)))
            except IllegalCharacterError:
                row.append(self._cell(value, template))
        self.raw(row, height=self._height(values) if self._wrapped else None)
        self.last_data_row = self.row_index
        return self.row_index

    def _height(self, values):
        """The height a row with wrapped text needs: neither Excel nor LibreOffice grows a row
        written by a program, so the text would hide behind the next row."""
        lines = 1
        for index in self._wrapped:
            value = values[index]
            if isinstance(value, str) and (len(value) > self.columns[index].width - 1 or "\n" in value):
                lines = max(lines, _lines(value, self.columns[index].width))
        return min(LINE_HEIGHT * lines + 2, MAX_HEIGHT) if lines > 1 else None

    def append_total(self, label, values, *, span=3, fill=styles.FILL_TOTAL):
        """A JUMLAH row: `label` merged over the first `span` columns, then `values`."""
        if id(fill) not in self._total_converters:
            self._total_converters[id(fill)] = [self._converter(c, fill=fill) for c in self.columns]
        converters = self._total_converters[id(fill)]
        row = [convert(label if index == 0 else None) for index, convert in enumerate(converters[:span])]
        row += [convert(value) for convert, value in zip(converters[span:], values, strict=True)]
        number = self.raw(row, height=self._height([label, *[None] * (span - 1), *values]))
        self.merge(number, 1, number, span)
        return number

    def merge(self, first_row, first_column, last_row, last_column):
        self.ws.merged_cells.add(
            f"{get_column_letter(first_column)}{first_row}:{get_column_letter(last_column)}{last_row}"
        )

    def close(self, *, note=""):
        """Set the filter over the header and data rows; an optional note goes under the table."""
        if note:
            self.raw([])
            self.raw([self.styled(note, font=styles.FONT_NOTE)])
        if self.table:
            last = max(self.last_data_row, self.header_bottom)
            self.ws.auto_filter.ref = f"A{self.header_bottom}:{self.last_column}{last}"


def _lines(text, width):
    """How many lines a wrapped text needs in a column of this width (a word-by-word estimate)."""
    room = max(width * 1.25 - 1, 1)  # 10-point text is narrower than the width unit (an 11-point "0")
    total = 0
    for paragraph in str(text).split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                lines, used = lines + 1, 0
            used += len(word) + (1 if used else 0)
            while used > room:  # a word longer than the column breaks inside itself
                lines, used = lines + 1, used - room
        total += lines
    return total
