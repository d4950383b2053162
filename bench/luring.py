"""Benchmark: what the service worker keeps on the phone, and how soon a queued entry arrives.

Migrates a throwaway SQLite database in a temporary folder, serves the app on a loopback port
(Django's live server thread) and drives Debian's Chromium through Playwright: an operator signs
in, the service worker keeps the shell and the desa's offline forms; the bench prints the bytes
of each cache (goal: under 1 MB in all). Then, RUNS times: with no signal the operator records a
birth, the signal returns, and the bench times from then until the event is in the database.

Run with the project's Python: `.venv/bin/python bench/luring.py` (about half a minute). Prints
figures, asserts nothing about speed.
"""

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _django import setup_django

RUNS = 5
CACHE_BYTES = """async () => {
  const sizes = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let total = 0;
    for (const request of await cache.keys()) total += (await (await cache.match(request)).blob()).size;
    sizes[name] = [(await cache.keys()).length, total];
  }
  return sizes;
}"""


def main():
    with tempfile.TemporaryDirectory(prefix="kudapanmas-luring-") as name:
        folder = Path(name)
        # The bench reads the database from the thread that drives Playwright's event loop.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        setup_django(folder)
        from django.test.testcases import LiveServerThread, _StaticFilesHandler
        from playwright.sync_api import sync_playwright

        from desa.models import Desa
        from desa.periode import Periode
        from kependudukan.models import Peristiwa
        from tests.factories.kependudukan import make_data_awal, recent
        from tests.factories.pengguna import PASSWORD, make_user

        desa = Desa.objects.get(pk="63.11.06.2005")
        make_user("operator.bench", peran="operator_desa", desa=desa)
        make_data_awal(desa, recent(6), wni_l=600, wni_p=610, jumlah_kk=370)
        server = LiveServerThread("localhost", _StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        base = f"http://localhost:{server.port}"
        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
        day = Periode.current().previous().awal.replace(day=20).isoformat()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                context = browser.new_context(viewport={"width": 360, "height": 740})
                page = context.new_page()
                page.goto(base + "/akun/masuk/")
                page.fill("input[name=username]", "operator.bench")
                page.fill("input[name=password]", PASSWORD)
                page.click("main button[type=submit]")
                page.wait_for_load_state()
                while not page.evaluate("navigator.serviceWorker.controller !== null"):
                    page.wait_for_timeout(250)
                for _ in range(60):
                    sizes = page.evaluate(CACHE_BYTES)
                    if sizes.get("kdp-halaman", [0])[0] >= 7:
                        break
                    page.wait_for_timeout(500)
                total = 0
                for cache, (count, size) in sorted(sizes.items()):
                    print(f"{cache:26} {count:3} entries {size / 1024:8.1f} KB")
                    total += size
                print(f"{'all caches':26} {'':11} {total / 1024:8.1f} KB (goal < 1,024 KB)")

                arrivals = []
                for run in range(RUNS):
                    context.set_offline(True)
                    page.goto(f"{base}/kependudukan/{desa.pk}/peristiwa/tambah/LAHIR/")
                    page.fill("input[name=nama]", f"Bayi Uji {run}")
                    page.check("input[name=jenis_kelamin][value=P]")
                    page.fill("input[name=tanggal_peristiwa]", day)
                    page.fill("input[name=tanggal_lapor]", day)
                    page.fill("input[name=tempat_lahir]", "Puskesmas Paringin")
                    page.fill("input[name=nama_ibu]", "Halimah")
                    page.get_by_role("button", name="Simpan", exact=True).click()
                    page.get_by_text("Tersimpan di HP.").wait_for()
                    before = Peristiwa.objects.count()
                    started = time.perf_counter()
                    context.set_offline(False)
                    while Peristiwa.objects.count() == before:
                        if time.perf_counter() - started > 60:
                            raise SystemExit("the queued entry never arrived")
                        time.sleep(0.02)
                    arrivals.append(time.perf_counter() - started)
                print(
                    f"Queued entry to the server after the signal returns: median "
                    f"{statistics.median(arrivals) * 1000:.0f} ms, max {max(arrivals) * 1000:.0f} ms "
                    f"over {RUNS} runs (loopback; on a phone add the link's round trips)"
                )
                browser.close()
        finally:
            server.terminate()


if __name__ == "__main__":
    main()
