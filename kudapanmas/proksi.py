"""The client's address as the login lockout sees it, behind the reverse proxy of the README.

gunicorn listens on 127.0.0.1 behind nginx, so REMOTE_ADDR is the proxy for every client and
five wrong passwords from one person would lock an account for everyone. The forwarded header
is read only when the direct peer is a trusted proxy, from the right: each trusted proxy appends
the address it saw, so the right-most address that is not a trusted proxy is the client.
Anything to its left was written by the client and is ignored.
"""

import ipaddress

from django.conf import settings


def alamat_klien(request):
    peer = request.META.get("REMOTE_ADDR", "")
    header = settings.KUDAPANMAS_FORWARDED_HEADER
    if not header or not _trusted(peer):
        return peer
    meta_key = "HTTP_" + header.upper().replace("-", "_")
    nearest = peer
    for entry in reversed(request.META.get(meta_key, "").split(",")):
        address = entry.strip()
        if not _is_address(address):
            break  # a trusted proxy passed on something that is not an address: stop at that proxy
        if not _trusted(address):
            return address
        nearest = address
    return nearest


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _trusted(address):
    if not _is_address(address):
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in settings.KUDAPANMAS_TRUSTED_PROXIES)
