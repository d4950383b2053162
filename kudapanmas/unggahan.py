"""Refuse a multipart upload whose body did not arrive whole.

When a phone loses signal halfway through an upload, the server reads a body that ends
early. Django's multipart parser takes what came: it can hand the view a valid form with
fewer photos (or rows) than were sent, and the view would save it. This middleware counts
the bytes the parser reads and watches for the closing boundary (`--boundary--`); it parses
the body before any view runs, and answers 400 when fewer bytes than CONTENT_LENGTH arrived
or the closing boundary never came, so nothing is saved. The answer is a page of its own, so
that it shows even when the rest of the request cannot be trusted.
"""

import logging

from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.http import parse_header_parameters

logger = logging.getLogger(__name__)

PESAN = "Unggahan tidak lengkap — sinyal mungkin terputus. Tidak ada yang disimpan; kirim ulang formulir."

_HALAMAN = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unggahan tidak lengkap · KUDAPANMAS</title>
<link rel="stylesheet" href="{}">
</head><body><header>KUDAPANMAS</header>
<main><h1>Unggahan tidak lengkap</h1>
<p id="unggahan-tidak-lengkap">{}</p>
<p>Buka formulirnya lagi, isi, lalu kirim ketika sinyal lebih baik.</p>
<p><a href="{}">Buka formulir lagi</a> · <a href="/">Beranda</a></p></main></body></html>"""


class _Penghitung:
    """The request's stream, counting what is read and looking for the closing boundary."""

    def __init__(self, stream, boundary):
        self._stream = stream
        self._penutup = b"--" + boundary + b"--"
        self._ekor = b""
        self.dibaca = 0
        self.penutup_terlihat = False

    def read(self, *args, **kwargs):
        return self._lihat(self._stream.read(*args, **kwargs))

    def readline(self, *args, **kwargs):
        return self._lihat(self._stream.readline(*args, **kwargs))

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def _lihat(self, data):
        self.dibaca += len(data)
        if data and not self.penutup_terlihat:
            # The boundary may be split between two reads: look at the end of the last one too.
            jendela = self._ekor + data
            self.penutup_terlihat = self._penutup in jendela
            self._ekor = jendela[-len(self._penutup) :]
        return data


def _boundary(request):
    if request.method != "POST" or request.content_type != "multipart/form-data":
        return None
    _, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    boundary = params.get("boundary", "")
    try:
        return boundary.encode("ascii") or None
    except UnicodeEncodeError:
        return None  # Django's parser refuses it with its own 400.


def _content_length(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def tidak_lengkap(request):
    html = format_html(_HALAMAN, static("css/galat.css"), PESAN, request.path)
    return HttpResponseBadRequest(html, content_type="text/html; charset=utf-8")


class UnggahanUtuhMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        boundary = _boundary(request)
        if boundary is None:
            return self.get_response(request)
        penghitung = _Penghitung(request._stream, boundary)
        request._stream = penghitung
        try:
            request.POST  # noqa: B018 - parse now, while the request can still be refused
        except OSError:  # the connection broke while reading (UnreadablePostError)
            return self._refuse(request, penghitung)
        except MultiPartParserError:
            if not penghitung.penutup_terlihat:
                return self._refuse(request, penghitung)
            raise
        if penghitung.dibaca < _content_length(request) or not penghitung.penutup_terlihat:
            return self._refuse(request, penghitung)
        return self.get_response(request)

    def _refuse(self, request, penghitung):
        logger.warning(
            "Incomplete multipart body for %s: %d of %s bytes, closing boundary %s",
            request.path,
            penghitung.dibaca,
            request.META.get("CONTENT_LENGTH") or "?",
            "seen" if penghitung.penutup_terlihat else "missing",
        )
        return tidak_lengkap(request)
