"""Receipts (tanda terima) for each send and each verification of a monthly report.

`terbitkan` is called by desa.ledger inside the transaction that records the send or the
verification, after the report row is locked, so the receipt states exactly what was recorded.

A receipt is checked by its code, printed on paper and held in its QR code: the receipt's id and
an HMAC over what the receipt asserts (id, report, action, version, digest), written as 24 base32
letters in groups of four. The HMAC key is derived from SECRET_KEY with the salt below; a code is
also checked against every SECRET_KEY_FALLBACKS entry, so after rotating the secret (old one moved
to the fallbacks) every receipt already printed stays checkable.
"""

import base64
import binascii
import hashlib
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.crypto import constant_time_compare, salted_hmac

from desa import registry
from desa.models.bukti import TandaTerima

SALT = "kudapanmas.tanda_terima"
# 5 bytes of id (a trillion receipts) and 10 bytes (80 bits) of HMAC: 15 bytes, 24 base32 letters.
_ID_BYTES = 5
_MAC_BYTES = 10
PANJANG_KODE = 24
# Longer input is refused before any work: a typed code with dashes and spaces is about 40 characters.
MASUKAN_MAKSIMUM = 80
_BUKAN_HURUF = re.compile(r"[\s\-.]+")
# Letters people misread on paper: base32 has no 0, 1 or 8.
_SALAH_BACA = str.maketrans({"0": "O", "1": "I", "8": "B"})
_KODE = re.compile(rf"[A-Z2-7]{{{PANJANG_KODE}}}")


def isi_laporan(laporan):
    """What the report says at this moment: the ledger's facts and the figures its kind registers."""
    return {
        "desa": laporan.desa_id,
        "jenis": laporan.jenis,
        "periode": str(laporan.periode),
        "versi": laporan.versi,
        "nihil": laporan.nihil,
        "keterangan": laporan.keterangan,
        "angka": registry.angka(laporan.jenis, laporan.desa, laporan.periode),
    }


def kanonik(isi):
    """Canonical JSON: sorted keys, no spaces, UTF-8; the same content always gives the same bytes."""
    return json.dumps(isi, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder)


def ringkasan(isi):
    """SHA-256 (hex) of the canonical JSON of `isi`."""
    return hashlib.sha256(kanonik(isi).encode("utf-8")).hexdigest()


def terbitkan(laporan, aksi, user):
    """Record the receipt of `aksi` (desa.models.AksiTandaTerima) on the locked `laporan`."""
    # Read back through the canonical text, so the stored isi digests to the stored ringkasan.
    isi = json.loads(kanonik(isi_laporan(laporan)))
    waktu = laporan.diverifikasi_at if aksi == "verifikasi" else laporan.dikirim_at
    return TandaTerima.objects.create(
        laporan=laporan,
        aksi=aksi,
        versi=laporan.versi,
        waktu=waktu,
        oleh=user,
        nama_oleh=(user.get_full_name() or user.get_username())[:150],
        pertama_dikirim_at=laporan.pertama_dikirim_at,
        diverifikasi_at=laporan.diverifikasi_at if aksi == "verifikasi" else None,
        nihil=laporan.nihil,
        ringkasan_isi=ringkasan(isi),
        isi=isi,
    )


def _pesan(tanda_terima):
    return "|".join(
        [
            str(tanda_terima.pk),
            str(tanda_terima.laporan_id),
            tanda_terima.aksi,
            str(tanda_terima.versi),
            tanda_terima.ringkasan_isi,
        ]
    )


def _mac(tanda_terima, secret):
    return salted_hmac(SALT, _pesan(tanda_terima), secret=secret, algorithm="sha256").digest()[:_MAC_BYTES]


def kode(tanda_terima):
    """The receipt's verification code, `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`, signed with SECRET_KEY."""
    data = tanda_terima.pk.to_bytes(_ID_BYTES, "big") + _mac(tanda_terima, settings.SECRET_KEY)
    huruf = base64.b32encode(data).decode("ascii")
    return "-".join(huruf[i : i + 4] for i in range(0, PANJANG_KODE, 4))


def normalkan(masukan):
    """The code's 24 letters from what someone typed or scanned, or "" when it cannot be one."""
    if not isinstance(masukan, str) or len(masukan) > MASUKAN_MAKSIMUM:
        return ""
    huruf = _BUKAN_HURUF.sub("", masukan).upper().translate(_SALAH_BACA)
    return huruf if _KODE.fullmatch(huruf) else ""


def periksa(masukan):
    """The genuine receipt a code stands for, or None for a forged, altered or unknown code.

    One query by primary key; the HMAC is compared against the current secret and each fallback.
    """
    huruf = normalkan(masukan)
    if not huruf:
        return None
    try:
        data = base64.b32decode(huruf)
    except (binascii.Error, ValueError):
        return None
    pk = int.from_bytes(data[:_ID_BYTES], "big")
    mac = data[_ID_BYTES:]
    tanda_terima = TandaTerima.objects.select_related("laporan__desa").filter(pk=pk).first()
    # The stored content must still digest to the signed ringkasan: a changed isi is refused too.
    if tanda_terima is None or ringkasan(tanda_terima.isi) != tanda_terima.ringkasan_isi:
        return None
    for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        if constant_time_compare(_mac(tanda_terima, secret), mac):
            return tanda_terima
    return None
