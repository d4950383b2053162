"""The one gate for writes to a desa's months: every floor-2 write and every ledger transition.

A write and a send of the same month must serialise on every database, not only on SQLite
(whose BEGIN IMMEDIATE hides the race). So a gated transaction first locks the desa's row
(FOR NO KEY UPDATE: inserts that merely reference the desa still pass), then the ledger rows
of the months it touches, created when missing, and only then checks the lock and the
app's own rules. The desa row is the lock of the rules that reach across months: a person
dies or leaves once whatever the month, an economic check reaches every later month, and a
month is sent only after the months before it. Locks are always taken in the same order
(desa rows by code, then ledger rows by month), so two gated transactions never deadlock.

On SQLite `select_for_update()` is a no-op: there the IMMEDIATE transaction takes the
database's write lock at BEGIN, which serialises the same way.
"""

import contextlib
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F

from desa import registry
from desa.models import Desa
from desa.models.laporan import KirimanFormulir, LaporanBulanan, Status
from desa.periode import Periode


class TransisiDitolak(Exception):
    """A write or transition the state, the role or a stale form does not allow; nothing changed."""


class PeriodeTerkunci(TransisiDitolak):
    """A write to the records of a sent or verified month."""


class SudahTersimpan(Exception):
    """The form's token was used before: the entry is saved already, at `tujuan`."""

    def __init__(self, tujuan):
        super().__init__(tujuan)
        self.tujuan = tujuan


@dataclass
class Tulisan:
    """What a gated transaction holds: the desa, the locked ledger rows, the form token to finish."""

    desa: object
    jenis: str
    laporan: list = field(default_factory=list)
    _kiriman: object = field(default=None, repr=False)

    def bulan(self, *bulan):
        """Lock and check more months (a write whose months are known only under the lock).

        Raises PeriodeTerkunci when one of them is sent or verified and, for a kind whose months
        carry into the next (registry `berantai`: the B.3 awal is last month's akhir, a
        household's check holds until the next), when a later month is: so a month before the
        first reporting month cannot change a verified one either.
        """
        rows = kunci_laporan(self.desa, self.jenis, [value for value in bulan if value is not None])
        for laporan in rows:
            if laporan.is_locked:
                raise PeriodeTerkunci(lock_message(laporan))
        if registry.is_berantai(self.jenis) and rows:
            _pastikan_bulan_berikut_terbuka(self.desa, self.jenis, rows[0])
        self.laporan += rows
        return rows

    def selesai(self, tujuan):
        """Record where the entry saved under this transaction's token can be seen again."""
        if self._kiriman is not None:
            self._kiriman.tujuan = tujuan
            self._kiriman.save(update_fields=["tujuan"])


def lock_message(laporan):
    if laporan.status == Status.DIVERIFIKASI:
        return (
            f"Laporan {laporan.get_jenis_display()} {laporan.periode.label} sudah "
            "terverifikasi dan terkunci. Minta Kasi Trantib membuka kembali untuk mengubahnya."
        )
    return (
        f"Laporan {laporan.get_jenis_display()} {laporan.periode.label} sudah terkirim "
        "dan sedang diperiksa kecamatan. Data bulan itu baru bisa diubah bila laporan dikembalikan."
    )


def kunci_desa(desa_ids):
    """Lock the rows of these desa, in code order; call inside a transaction."""
    ids = sorted({getattr(desa, "pk", desa) for desa in desa_ids})
    list(Desa.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk").values_list("pk"))
    # The row is locked already, so this adds no wait; a recap written earlier is now stale.
    Desa.objects.filter(pk__in=ids).update(versi_data=F("versi_data") + 1)


def kunci_laporan(desa, jenis, periode_list):
    """The ledger rows of (desa, jenis, each month), locked in month order, created when missing."""
    rows = []
    for periode in sorted({Periode.coerce(value) for value in periode_list}):
        laporan, _ = LaporanBulanan.objects.select_for_update().get_or_create(
            desa_id=getattr(desa, "pk", desa), jenis=jenis, periode=periode
        )
        rows.append(laporan)
    return rows


@contextlib.contextmanager
def tulis(desa, jenis, *bulan, token=None, pengguna=None):
    """A transaction that may write the records of `desa` and `jenis` dated in `bulan`.

    `bulan` are months, dates or None (ignored): an edit passes both the old and the new date.
    Raises PeriodeTerkunci when one of them is sent or verified (and, for a chained kind, when a
    later month is: see Tulisan.bulan). With a
    `token` (the form's one-time id) a repeat raises SudahTersimpan instead of saving twice.
    """
    with transaction.atomic():
        kunci_desa([desa])
        tulisan = Tulisan(desa=desa, jenis=jenis)
        tulisan.bulan(*bulan)
        if token is not None:
            tulisan._kiriman = klaim_token(token, pengguna)
        yield tulisan


@contextlib.contextmanager
def tulis_banyak(jenis, desa_ids):
    """A transaction for a write to many desa at once (an import of `jenis`).

    Locks the rows of `desa_ids` (every desa when None: an administrator's import) before the
    caller checks the file, so the locks and records it reads cannot change until it saves.
    The caller then passes the months it writes to `Impor.bulan` before saving.
    """
    with transaction.atomic():
        kunci_desa(desa_ids if desa_ids is not None else Desa.objects.values_list("pk", flat=True))
        yield Impor(jenis)


@dataclass
class Impor:
    jenis: str

    def bulan(self, pasangan, *, periksa=True):
        """Lock the ledger rows of these (desa id, month) pairs; a locked one is refused.

        `periksa=False` when the import's own check already judged each row against the locks
        (read under the desa locks), by rules finer than one month's state.
        """
        by_desa = {}
        for desa_id, periode in pasangan:
            by_desa.setdefault(desa_id, set()).add(periode)
        for desa_id in sorted(by_desa):
            for laporan in kunci_laporan(desa_id, self.jenis, by_desa[desa_id]):
                if periksa and laporan.is_locked:
                    raise PeriodeTerkunci(lock_message(laporan))


def klaim_token(token, pengguna):
    """Take a form token inside the writing transaction; a used one raises SudahTersimpan.

    The unique primary key decides: of two posts with one token, the second waits for the
    first to commit (PostgreSQL) or for its write lock (SQLite), then finds the row.
    """
    try:
        with transaction.atomic():
            return KirimanFormulir.objects.create(token=token, pengguna=pengguna)
    except IntegrityError:
        pass
    kiriman = KirimanFormulir.objects.filter(token=token).first()
    raise SudahTersimpan(kiriman.tujuan if kiriman else "")


def tujuan_token(token, pengguna):
    """Where the entry saved under `token` by `pengguna` is, or None when the token is unused."""
    if token is None:
        return None
    kiriman = KirimanFormulir.objects.filter(token=token, pengguna=pengguna).first()
    return kiriman.tujuan if kiriman else None


def _pastikan_bulan_berikut_terbuka(desa, jenis, laporan):
    later = (
        LaporanBulanan.objects.terkunci()
        .filter(desa=desa, jenis=jenis, periode__gt=laporan.periode)
        .order_by("-periode")
        .first()
    )
    if later is not None:
        raise PeriodeTerkunci(
            f"{lock_message(later)} Data yang berlaku sejak {laporan.periode.label} akan mengubah "
            f"laporan itu; pakai tanggal sesudah {later.periode.label}."
        )
