"""Recording, listing, reading, changing and deleting population events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desa import kiriman
from desa.forms.masukan import angka, filter_dari
from desa.gerbang import SudahTersimpan
from desa.ledger import TransisiDitolak, is_locked, laporan_for, lock_message
from desa.models import Desa
from desa.models.laporan import JenisLaporan
from desa.privasi import catat_lihat_nik
from desa.scoping import may_write, object_for_user
from kependudukan.aturan import pesan_ganda
from kependudukan.forms import peristiwa as formulir
from kependudukan.forms.peristiwa import PeristiwaForm
from kependudukan.models import JenisKelamin, JenisPeristiwa, Kewarganegaraan, Peristiwa
from kependudukan.services import peristiwa as services
from kependudukan.services import rujukan

PER_PAGE = 100
PESAN_ULANGAN = "Peristiwa ini sudah tersimpan; formulir yang sama tidak disimpan dua kali."
TANDA = {
    "terlambat": "Pelaporan terlambat",
    "belum_cocok": "Pindah belum cocok",
    "peringatan": "Peringatan NIK",
}


def _event(request, kode, pk, write=False):
    queryset = Peristiwa.objects.select_related("desa__kecamatan", "desa_asal_tujuan", "dicatat_oleh")
    return object_for_user(queryset, request.user, write=write, pk=pk, desa_id=kode)


@login_required
def peristiwa_list(request, kode, periode):
    desa = object_for_user(Desa.objects.select_related("kecamatan"), request.user, pk=kode)
    events = Peristiwa.objects.filter(desa=desa).of_month(periode).select_related("desa_asal_tujuan")
    filters = filter_dari(request.GET, ("jenis", "rt", "jk", "wn", "q", "tanda"))
    if filters["jenis"] in JenisPeristiwa.values:
        events = events.filter(jenis=filters["jenis"])
    if filters["jk"] in JenisKelamin.values:
        events = events.filter(jenis_kelamin=filters["jk"])
    if filters["wn"] in Kewarganegaraan.values:
        events = events.filter(kewarganegaraan=filters["wn"])
    if (nomor_rt := angka(filters["rt"], digits=3)) is not None:
        events = events.filter(nomor_rt=nomor_rt)
    if filters["q"]:
        events = events.filter(Q(nama__icontains=filters["q"]) | Q(nik__contains=filters["q"]))
    events = list(events.order_by("jenis", "tanggal_lapor", "pk"))
    if filters["tanda"] in TANDA:
        events = [event for event in events if _has_flag(event, filters["tanda"])]
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("halaman"))
    return render(
        request,
        "kependudukan/peristiwa_list.html",
        {
            "desa": desa,
            "periode": periode,
            "page": page,
            "jumlah": len(events),
            "filters": filters,
            "jenis_choices": JenisPeristiwa.choices,
            "jk_choices": JenisKelamin.choices,
            "wn_choices": Kewarganegaraan.choices,
            "tanda_choices": TANDA.items(),
            "rt_choices": sorted(
                set(
                    Peristiwa.objects.filter(desa=desa)
                    .exclude(nomor_rt=None)
                    .values_list("nomor_rt", flat=True)
                )
            ),
            "can_edit": may_write(request.user, desa)
            and not is_locked(desa, JenisLaporan.KEPENDUDUKAN, periode),
            "query": _without_page(request.GET),
        },
    )


def _without_page(querydict):
    query = querydict.copy()
    query.pop("halaman", None)
    return query.urlencode()


def _has_flag(event, tanda):
    if tanda == "terlambat":
        return event.terlambat
    if tanda == "belum_cocok":
        return event.belum_cocok
    return bool(event.peringatan)


@login_required
def peristiwa_create(request, kode, jenis):
    if jenis not in JenisPeristiwa.values:
        raise Http404("Jenis peristiwa tidak dikenal.")
    desa = object_for_user(Desa.objects.select_related("kecamatan"), request.user, write=True, pk=kode)
    if request.method == "POST" and "cari_nik" in request.POST and jenis in formulir.DIISI_DARI_RUJUKAN:
        return _cari_nik(request, desa, jenis)
    if repeat := kiriman.ulangan(request, PESAN_ULANGAN):
        return repeat
    form = kiriman.pasang_token(
        PeristiwaForm(
            request.POST or None,
            desa=desa,
            jenis=jenis,
            instance=Peristiwa(desa=desa, jenis=jenis),
            cari_rujukan=_cari_rujukan(request, desa),
        )
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.peristiwa_record(
                desa=desa, user=request.user, peristiwa=form.instance, token=form.cleaned_data[kiriman.FIELD]
            )
        except SudahTersimpan as saved:  # the same form posted twice at the same instant
            return kiriman.sudah_tersimpan(request, saved.tujuan, PESAN_ULANGAN)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        except ValidationError as error:  # a rule about the desa's records, checked again under the lock
            _add_errors(form, error)
        except IntegrityError:  # the same event saved a moment ago by another form
            form.add_error(None, pesan_ganda(form.instance.tanggal_lapor))
        else:
            _saved_message(request, event, "dicatat")
            if "lagi" in request.POST:
                return redirect("kependudukan:peristiwa_create", kode=desa.pk, jenis=jenis)
            return redirect("kependudukan:laporan_bulanan", kode=desa.pk, periode=str(event.periode))
    # A twin post refused by the form because the first one committed meanwhile: it is saved.
    if repeat := kiriman.ulangan(request, PESAN_ULANGAN):
        return repeat
    return _form_page(request, form, desa, jenis)


def _cari_rujukan(request, desa):
    return lambda nik: rujukan.cari(desa, nik, request.user)


def _form_page(request, form, desa, jenis, catatan="", peristiwa=None):
    return render(
        request,
        "kependudukan/peristiwa_form.html",
        {
            "form": form,
            "desa": desa,
            "jenis": JenisPeristiwa(jenis),
            "peristiwa": peristiwa,
            "catatan_rujukan": catatan,
            # A new MATI or PINDAH only: a recorded event is changed, not looked up again.
            "tombol_cari": peristiwa is None and jenis in formulir.DIISI_DARI_RUJUKAN,
            "periksa_nik": jenis in formulir.DIPERIKSA_DI_RUJUKAN,
            "sudah_penduduk": form.is_bound and getattr(form, "sudah_penduduk", None) is not None,
            "tetap_simpan": form.is_bound and bool(form.data.get(formulir.TETAP_SIMPAN)),
        },
    )


def _cari_nik(request, desa, jenis):
    """The "Cari" button beside the NIK: the form drawn again, its empty fields filled from the
    desa's reference list. Nothing is saved; the operator checks and presses Simpan."""
    data = request.POST.dict()
    penduduk = rujukan.cari(desa, data.get("nik", "").strip(), request.user)
    if penduduk is None:
        catatan = formulir.PESAN_TIDAK_ADA
    else:
        catatan = formulir.catatan_diisi(penduduk)
        for name, value in formulir.nilai_rujukan(penduduk).items():
            if not data.get(name):
                data[name] = value
    data.pop(kiriman.FIELD, None)
    form = kiriman.pasang_token(PeristiwaForm(initial=data, desa=desa, jenis=jenis))
    return _form_page(request, form, desa, jenis, catatan)


@login_required
def peristiwa_detail(request, kode, pk):
    event = _event(request, kode, pk)
    catat_lihat_nik(request.user, event, desa=event.desa)
    partner = Peristiwa.objects.filter(pk=event.pasangan_id).select_related("desa").first()
    return render(
        request,
        "kependudukan/peristiwa_detail.html",
        {
            "peristiwa": event,
            "desa": event.desa,
            "pasangan": partner,
            "riwayat": event.riwayat.select_related("oleh"),
            "can_edit": may_write(request.user, event.desa)
            and not is_locked(event.desa, JenisLaporan.KEPENDUDUKAN, event.periode),
        },
    )


@login_required
def peristiwa_update(request, kode, pk):
    event = _event(request, kode, pk, write=True)
    laporan = laporan_for(event.desa, JenisLaporan.KEPENDUDUKAN, event.periode)
    if laporan.is_locked:
        messages.error(request, lock_message(laporan))
        return redirect(event)
    form = PeristiwaForm(
        request.POST or None,
        desa=event.desa,
        jenis=event.jenis,
        instance=event,
        cari_rujukan=_cari_rujukan(request, event.desa),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.peristiwa_amend(peristiwa=form.instance, user=request.user)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            _add_errors(form, error)
        except IntegrityError:
            form.add_error(None, pesan_ganda(form.instance.tanggal_lapor))
        else:
            _saved_message(request, event, "disimpan")
            return redirect(event)
    return _form_page(request, form, event.desa, event.jenis, peristiwa=event)


@require_POST
@login_required
def peristiwa_delete(request, kode, pk):
    event = _event(request, kode, pk, write=True)
    periode = event.periode
    try:
        services.peristiwa_remove(peristiwa=event, user=request.user)
    except TransisiDitolak as error:
        messages.error(request, str(error))
        return redirect(event)
    messages.success(request, f"{event.get_jenis_display()} {event.nama} dihapus.")
    return redirect("kependudukan:peristiwa_list", kode=kode, periode=str(periode))


def _add_errors(form, error):
    for field, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


def _saved_message(request, event, verb):
    messages.success(
        request,
        f"{event.get_jenis_display()} {event.nama} {verb}; masuk laporan {event.periode.label}.",
    )
    for warning in event.peringatan:
        messages.warning(request, f"Peringatan NIK (data tetap disimpan): {warning}")
