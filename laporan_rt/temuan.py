"""Consistency of the RT reports with kependudukan, as desa.temuan.Temuan findings.

Two checks, on reports sent to the desa:
- an RT's births, deaths, arrivals and departures against the events the desa recorded
  for that RT in the month (a birth the RT knows of but the desa never recorded is the
  innovation's first problem: births reported late or not at all);
- once every RT has reported, the RT totals against the desa's B.3 row, naming the RT
  whose figures explain the difference.
"""

from django.db.models import Count
from django.urls import reverse

from desa.models import RT
from desa.models.laporan import JenisLaporan
from desa.temuan import Temuan
from kependudukan.b3 import rekap_b3
from kependudukan.models import Peristiwa
from laporan_rt.models import LABEL_PERISTIWA, PERISTIWA_FIELDS, LaporanRT
from laporan_rt.prefill import kosong

ATURAN_PERISTIWA = "Laporan RT berbeda dengan peristiwa"
ATURAN_B3 = "Jumlah laporan RT berbeda dengan B.3"
ATURAN_BELUM_LENGKAP = "Laporan RT belum lengkap"


def peristiwa_per_rt(desa_list, periode):
    """{desa kode: {nomor RT or None: {"LAHIR": {"L": n, "P": n}, ...}}} in one query.

    The same counts as kependudukan.rincian.jumlah_peristiwa_per_rt, for many desa at once.
    """
    rows = (
        Peristiwa.objects.in_desa(desa_list)
        .of_month(periode)
        .values("desa_id", "nomor_rt", "jenis", "jenis_kelamin")
        .annotate(jumlah=Count("pk"))
        .order_by()
    )
    result = {}
    for row in rows:
        per_rt = result.setdefault(row["desa_id"], {})
        per_rt.setdefault(row["nomor_rt"], kosong())[row["jenis"]][row["jenis_kelamin"]] = row["jumlah"]
    return result


def temuan_laporan_rt(desa_list, periode):
    """[Temuan] of the month for these desa, in a fixed number of queries."""
    desa_list = list(desa_list)
    ids = [desa.pk for desa in desa_list]
    reports = {}
    for laporan in LaporanRT.objects.in_desa(ids).of_month(periode).terkirim().select_related("rt"):
        reports.setdefault(laporan.desa_id, []).append(laporan)
    if not reports:
        return []
    active = {}
    for desa_id, nomor in RT.objects.filter(desa_id__in=list(reports), aktif=True).values_list(
        "desa_id", "nomor"
    ):
        active.setdefault(desa_id, set()).add(nomor)
    events = peristiwa_per_rt(list(reports), periode)
    with_reports = [desa for desa in desa_list if desa.pk in reports]
    b3 = rekap_b3(with_reports, periode)
    found = []
    for desa in with_reports:
        desa_reports = sorted(reports[desa.pk], key=lambda laporan: laporan.rt.nomor)
        desa_events = events.get(desa.pk, {})
        differing = {}  # jenis -> [RT label] whose report differs from the events
        for laporan in desa_reports:
            temuan = _check_events(desa, laporan, desa_events.get(laporan.rt.nomor) or kosong(), differing)
            if temuan:
                found.append(temuan)
        missing = sorted(active.get(desa.pk, set()) - {laporan.rt.nomor for laporan in desa_reports})
        url = reverse("laporan_rt:laporan_bulanan", args=[desa.pk, str(periode)])
        if missing:
            daftar = ", ".join(f"RT {nomor:03d}" for nomor in missing)
            found.append(
                _temuan(
                    desa,
                    ATURAN_BELUM_LENGKAP,
                    f"{daftar} belum melapor {periode.label}; jumlah laporan RT belum dapat dibandingkan "
                    "dengan B.3.",
                    url,
                    informasi=True,
                )
            )
        elif b3[desa.pk].ada_data:
            reported = {laporan.rt.nomor for laporan in desa_reports}
            found.extend(_check_b3(desa, desa_reports, b3[desa.pk], desa_events, reported, differing, url))
    return found


def _temuan(desa, aturan, detail, url, informasi=False):
    return Temuan(
        desa_kode=desa.pk,
        desa_nama=desa.nama,
        aturan=aturan,
        detail=detail,
        url=url,
        jenis=JenisLaporan.LAPORAN_RT,
        informasi=informasi,
    )


def _l_p(counts):
    return f"L {counts['L']}, P {counts['P']}"


def _check_events(desa, laporan, recorded, differing):
    reported = laporan.peristiwa()
    parts = []
    for jenis in PERISTIWA_FIELDS:
        if reported[jenis] != recorded[jenis]:
            differing.setdefault(jenis, []).append(str(laporan.rt))
            label = LABEL_PERISTIWA[jenis]
            parts.append(f"{label} dilaporkan {_l_p(reported[jenis])}, tercatat {_l_p(recorded[jenis])}")
    if not parts:
        return None
    detail = f"{laporan.rt}: " + "; ".join(parts) + "."
    if laporan.catatan_perbedaan:
        detail += f" Catatan RT: {laporan.catatan_perbedaan}"
    return _temuan(desa, ATURAN_PERISTIWA, detail, laporan.get_absolute_url())


def _check_b3(desa, reports, baris, events, reported, differing, url):
    found = []
    b3_blocks = {
        "LAHIR": baris.lahir,
        "MATI": baris.meninggal,
        "DATANG": baris.datang,
        "PINDAH": baris.pindah,
    }
    for jenis, kelompok in b3_blocks.items():
        rt_total = {jk: sum(laporan.peristiwa()[jenis][jk] for laporan in reports) for jk in ("L", "P")}
        b3_total = {"L": kelompok.wna_l + kelompok.wni_l, "P": kelompok.wna_p + kelompok.wni_p}
        if rt_total == b3_total:
            continue
        detail = (
            f"{LABEL_PERISTIWA[jenis]} menurut laporan RT {_l_p(rt_total)}; menurut B.3 {_l_p(b3_total)}."
        )
        reasons = []
        if differing.get(jenis):
            reasons.append("angka " + ", ".join(differing[jenis]) + " berbeda dengan peristiwa yang tercatat")
        unplaced = _events_outside(events, reported, jenis)
        if unplaced:
            reasons.append(unplaced)
        if reasons:
            detail += " Sebab: " + "; ".join(reasons) + "."
        found.append(_temuan(desa, ATURAN_B3, detail, url))
    akhir = baris.akhir
    rt_akhir = {"L": sum(item.akhir_l for item in reports), "P": sum(item.akhir_p for item in reports)}
    b3_akhir = {"L": akhir.wna_l + akhir.wni_l, "P": akhir.wna_p + akhir.wni_p}
    if rt_akhir != b3_akhir:
        rincian = "; ".join(f"{item.rt} L {item.akhir_l}, P {item.akhir_p}" for item in reports)
        found.append(
            _temuan(
                desa,
                ATURAN_B3,
                f"Penduduk akhir bulan menurut laporan RT {_l_p(rt_akhir)}; menurut B.3 {_l_p(b3_akhir)}. "
                f"Periksa angka akhir bulan tiap RT: {rincian}.",
                url,
            )
        )
    rt_kk = sum(item.akhir_kk for item in reports)
    if rt_kk != baris.kk_akhir:
        rincian = "; ".join(f"{item.rt} {item.akhir_kk}" for item in reports)
        found.append(
            _temuan(
                desa,
                ATURAN_B3,
                f"KK akhir bulan menurut laporan RT {rt_kk}; menurut B.3 {baris.kk_akhir}. "
                f"Periksa jumlah KK tiap RT: {rincian}.",
                url,
            )
        )
    return found


def _events_outside(events, reported, jenis):
    """Events of the kind counted in B.3 but under no reporting RT: without an RT number, or another one."""
    parts = []
    for nomor, counts in sorted(events.items(), key=lambda item: (item[0] is not None, item[0] or 0)):
        if nomor in reported:
            continue
        jumlah = counts[jenis]["L"] + counts[jenis]["P"]
        if not jumlah:
            continue
        where = (
            "tanpa nomor RT"
            if nomor is None
            else f"dengan nomor RT {nomor:03d} yang tidak ada di daftar RT aktif"
        )
        parts.append(f"{jumlah} peristiwa {where}")
    return ", ".join(parts)
