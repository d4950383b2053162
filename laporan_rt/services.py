from django.db import IntegrityError
from django.utils import timezone

from desa import gerbang
from desa.ledger import TransisiDitolak
from desa.models.laporan import JenisLaporan


def laporan_rt_simpan(*, rt, periode, user, form, formsets, kirim=False, token=None):
    """Save an RT's report with its guests and incidents, all or nothing.

    The forms are already valid. `kirim` marks the report as reported to the desa; a later
    correction keeps the first send time. Raises PeriodeTerkunci when the desa's month of RT
    reports is sent or verified, and gerbang.SudahTersimpan when the form's token was used before
    (a send repeated after its answer was lost, or the phone's queue sending it again).
    """
    try:
        with gerbang.tulis(rt.desa, JenisLaporan.LAPORAN_RT, periode, token=token, pengguna=user) as tulisan:
            laporan = form.save(commit=False)
            laporan.rt = rt
            laporan.desa = rt.desa
            laporan.periode = periode.awal
            laporan.diubah_oleh = user
            if kirim and not laporan.is_sent:
                laporan.dikirim_at = timezone.now()
                laporan.dikirim_oleh = user
            laporan.save()
            for formset in formsets:
                formset.instance = laporan
                formset.save()
            tulisan.selesai(laporan.get_absolute_url())
    except IntegrityError as error:
        # Two people saved the first version of the same report at the same moment.
        raise TransisiDitolak(
            f"Laporan {rt} {periode.label} baru saja disimpan oleh pengguna lain. Buka lagi laporannya, "
            "periksa isinya, lalu simpan perubahan Anda."
        ) from error
    return laporan
