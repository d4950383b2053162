"""URL converter of wilayah codes: a URL whose code is not well-formed answers 404 before any view.

A code reaches the database as a primary key; matching its form here keeps NUL bytes and other
stray characters (which PostgreSQL refuses in a query) out of every view that takes one.
"""


class KodeWilayahConverter:
    """The Kemendagri code of a provinsi (63), a kabupaten/kota (63.11), a kecamatan (63.11.06) or a
    desa (63.11.06.2005)."""

    regex = r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)
