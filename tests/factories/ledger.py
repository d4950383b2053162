"""Ledger rows (one per desa × kind × month) with chosen states and send times."""

import factory
from factory.django import DjangoModelFactory

from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.periode import Periode
from tests.factories.waktu import wita
from tests.factories.wilayah import DesaFactory


class LaporanBulananFactory(DjangoModelFactory):
    class Meta:
        model = LaporanBulanan

    desa = factory.SubFactory(DesaFactory)
    jenis = "kependudukan"
    periode = factory.LazyFunction(lambda: Periode.current().previous())
    status = Status.DIKIRIM

    @classmethod
    def _create(cls, model_class, *, desa, jenis, periode, **fields):
        # A write to the month may have made the blank row already (desa.gerbang).
        key = {"desa": desa, "jenis": jenis, "periode": periode}
        return model_class.objects.update_or_create(**key, defaults=fields)[0]


def laporan(desa, periode, status=Status.DIKIRIM, *, jenis="kependudukan", sent=None, **fields):
    """A ledger row; `sent` is the first send time (also the last one unless given)."""
    periode = Periode.parse(periode) if isinstance(periode, str) else periode
    if status != Status.BELUM_DIKIRIM and sent is None:
        following = periode.next()
        sent = wita(following.tahun, following.bulan, 2, 9)
    fields.setdefault("pertama_dikirim_at", sent)
    fields.setdefault("dikirim_at", sent)
    return LaporanBulananFactory(desa=desa, jenis=jenis, periode=periode, status=status, **fields)
