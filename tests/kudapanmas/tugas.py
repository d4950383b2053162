"""Helpers for background tasks in tests: run the worker as a deployment does, in batch mode."""

from django.core.management import call_command


def kerjakan_antrean():
    """Run every task that is due, with the real worker command (then it stops)."""
    call_command("jalankan_pekerja", batch=True, startup_delay=False, reload=False, verbosity=0)


def unduh_lewat_tugas(client, url):
    """Ask for a recap that is written in the background, let the worker write it, download it."""
    asked = client.get(url)
    assert asked.status_code == 302, asked.status_code
    kerjakan_antrean()
    page = client.get(asked.url)
    assert page.status_code == 200
    return client.get(asked.url + "unduh/")
