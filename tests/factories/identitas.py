"""NIKs that pass the desa checks and are unique within a test run."""

import datetime
import itertools

_serial = itertools.count(1)


def make_nik(jenis_kelamin="L", lahir=datetime.date(1990, 1, 15), wilayah="631106", serial=None):
    """A NIK of someone born on `lahir` (a woman's day plus 40); `serial` fixes the last four."""
    day = lahir.day + (40 if jenis_kelamin == "P" else 0)
    serial = next(_serial) % 10000 if serial is None else serial
    return f"{wilayah}{day:02d}{lahir:%m%y}{serial:04d}"
