"""`{% panel_laporan desa jenis periode %}`: the ledger panel of a monthly report page.

Shows the state, deadline, history and consultation thread, the operator's send form and
the Kasi Trantib's review actions. A floor-2 app may add fields to the send form with
`extra_template="app/_kirim_extra.html"` (rendered with the page's own context).
"""

import datetime

from django import template
from django.http import Http404
from django.utils import timezone

from desa import kepatuhan
from desa.models.laporan import Status
from desa.scoping import may_write

register = template.Library()


@register.inclusion_tag("desa/_panel_laporan.html", takes_context=True)
def panel_laporan(context, desa, jenis, periode, extra_template="", nihil_allowed=True):
    from desa import ledger

    if not ledger.periode_in_range(periode):
        raise Http404("Periode di luar jangkauan.")
    user = context["request"].user
    laporan = ledger.laporan_for(desa, jenis, periode)
    sel = kepatuhan.make_sel(desa, jenis, periode, laporan if laporan.pk else None, timezone.now())
    is_reviewer = ledger.is_verifier(user, desa)
    is_sender = ledger.is_sender(user, desa)
    may_send = is_sender and laporan.status in (Status.BELUM_DIKIRIM, Status.DIKEMBALIKAN)
    belum_bisa = ledger.alasan_belum_bisa_dikirim(desa, jenis, periode) if may_send else ""
    can_send = may_send and not belum_bisa
    ikut_kembali = []
    if is_reviewer and laporan.status in (Status.DIKIRIM, Status.DIVERIFIKASI):
        ikut_kembali = [item.periode_obj.label for item in ledger.laporan_berikut_terkirim(laporan)]
    normal = ledger.deadline_day(desa.kecamatan, periode)
    longest = datetime.timedelta(days=ledger.PERPANJANGAN_MAKSIMUM_HARI)
    page_context = context.flatten()
    page_context.update(
        {
            "desa": desa,
            "jenis": jenis,
            "periode": periode,
            "laporan": laporan,
            "sel": sel,
            "riwayat": list(laporan.riwayat.select_related("oleh")) if laporan.pk else [],
            "komentar": list(laporan.komentar.select_related("penulis")) if laporan.pk else [],
            "can_send": can_send,
            "can_verify": is_reviewer and laporan.status == Status.DIKIRIM,
            "can_reopen": is_reviewer and laporan.status == Status.DIVERIFIKASI,
            "can_extend": is_reviewer and not laporan.is_sent,
            "can_comment": may_write(user, desa),
            "belum_bisa_dikirim": belum_bisa,
            "ikut_kembali": ikut_kembali,
            "is_sender": is_sender,
            "perpanjangan_min": (normal + datetime.timedelta(days=1)).isoformat(),
            "perpanjangan_max": (normal + longest).isoformat(),
            "extra_template": extra_template,
            "nihil_allowed": nihil_allowed,
            "args": [desa.kode, jenis, str(periode)],
        }
    )
    return page_context
