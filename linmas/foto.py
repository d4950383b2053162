"""Checking and re-encoding uploaded activity photos.

A photo is judged by its content, never by its name: Pillow must recognise it as a
JPEG, PNG or WebP and verify it. It is then re-encoded as a JPEG, turned upright,
shrunk to a long side of 1600 px, with a 320 px thumbnail. Re-encoding without
passing `exif` drops the EXIF block, and clearing what the decoder kept drops comments, XMP
and colour profiles, so a phone's GPS tag, camera data and editing notes never leak.
"""

import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps

UKURAN_MAKSIMUM = 10 * 1024 * 1024
SISI_PANJANG = 1600
SISI_KECIL = 320
FORMAT_DITERIMA = {"JPEG", "PNG", "WEBP"}
# A 200-megapixel phone camera stays under this; beyond it decoding would exhaust memory.
PIKSEL_MAKSIMUM = 200_000_000


class FotoDitolak(Exception):
    """An upload that is not an acceptable photo; the message names the file and the reason."""


@dataclass(frozen=True)
class FotoSiap:
    """A checked photo, ready to store."""

    nama_asli: str
    isi: bytes
    kecil: bytes
    lebar: int
    tinggi: int


def foto_siapkan(berkas):
    """Check one uploaded file and return it re-encoded (FotoSiap), or raise FotoDitolak."""
    nama = (getattr(berkas, "name", "") or "foto")[-200:]
    if berkas.size > UKURAN_MAKSIMUM:
        megabyte = f"{berkas.size / 1024 / 1024:.1f}".replace(".", ",")
        raise FotoDitolak(f"{nama}: ukurannya {megabyte} MB, padahal paling besar 10 MB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _open_verified(berkas, nama)
            foto = _upright_rgb(image)
    except FotoDitolak:
        raise
    except Exception as error:  # Pillow raises many kinds for damaged or hostile files.
        raise FotoDitolak(f"{nama}: berkas ini bukan gambar JPEG, PNG atau WebP yang utuh.") from error
    # The decoder keeps the upload's comment (COM) and XMP in `info`, and the JPEG encoder writes
    # a comment from there: drop all of it, so only the pixels go out.
    foto.info.clear()
    foto.thumbnail((SISI_PANJANG, SISI_PANJANG), Image.Resampling.LANCZOS)
    kecil = foto.copy()
    kecil.thumbnail((SISI_KECIL, SISI_KECIL), Image.Resampling.LANCZOS)
    return FotoSiap(
        nama_asli=nama,
        isi=_jpeg(foto, quality=82),
        kecil=_jpeg(kecil, quality=75),
        lebar=foto.width,
        tinggi=foto.height,
    )


def _open_verified(berkas, nama):
    berkas.seek(0)
    with Image.open(berkas) as probe:
        if probe.format not in FORMAT_DITERIMA:
            raise FotoDitolak(f"{nama}: hanya foto JPEG, PNG atau WebP yang diterima.")
        if probe.width * probe.height > PIKSEL_MAKSIMUM:
            raise FotoDitolak(f"{nama}: resolusi gambar terlalu besar.")
        probe.verify()
    # verify() leaves the image unusable: open it again to decode the pixels.
    berkas.seek(0)
    image = Image.open(berkas)
    image.load()
    return image


def _upright_rgb(image):
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image, *, quality):
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
