"""The look shared by every sheet: fonts, fills, borders and number formats."""

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FONT_TITLE = Font(name="Calibri", size=13, bold=True)
FONT_SUBTITLE = Font(name="Calibri", size=11, bold=True)
FONT_BOLD = Font(name="Calibri", size=10, bold=True)
FONT_BODY = Font(name="Calibri", size=10)
FONT_NOTE = Font(name="Calibri", size=9, italic=True, color="595959")
FONT_SIGNATURE_NAME = Font(name="Calibri", size=11, bold=True, underline="single")

FILL_HEADER = PatternFill("solid", fgColor="DDE7F3")
FILL_TOTAL = PatternFill("solid", fgColor="F2F2F2")
FILL_SUBTOTAL = PatternFill("solid", fgColor="FAF5E4")

THIN = Side(style="thin", color="7F7F7F")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

ALIGN_HEADER = Alignment(horizontal="center", vertical="center", wrap_text=True)
ALIGN_TITLE = Alignment(horizontal="left", vertical="center")
ALIGN_CENTER = Alignment(horizontal="center", vertical="top")
ALIGN_TOP = Alignment(vertical="top")
ALIGN_WRAP = Alignment(vertical="top", wrap_text=True)

FORMAT_NUMBER = "#,##0"
FORMAT_DECIMAL = "#,##0.0"
FORMAT_PERCENT = "0.0%"
FORMAT_DATE = "dd-mm-yyyy"
FORMAT_DATETIME = "dd-mm-yyyy hh:mm"
FORMAT_TEXT = "@"
