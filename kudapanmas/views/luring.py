"""The pages of offline capture: the service worker, the phone's queue, and the session it asks.

The service worker is served from the root, so that its scope is the whole app; it is drawn from a
template because it names the static files by their (hashed) URLs and carries a version that
changes with them. The queue page shows what only the phone knows (its IndexedDB); the server
draws its frame and the list of forms that open without signal.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from kudapanmas import luring


@require_GET
def service_worker(request):
    body = render_to_string(
        "kudapanmas/sw.js",
        {
            "versi": luring.versi(),
            "statis": json.dumps(luring.statis_urls()),
            "url_db": static("js/luring-db.js"),
            "formulir": luring.formulir_js(),
            "url_antrean": reverse("kudapanmas:luring"),
            "url_sesi": reverse("kudapanmas:luring_sesi"),
            "url_masuk": reverse("login"),
            "url_keluar": reverse("logout"),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # the browser asks again at each visit, so a release arrives
    return response


@login_required
@require_GET
def luring_antrean(request):
    return render(request, "kudapanmas/luring.html", {"halaman": luring.halaman_luring(request.user)})


@require_GET
def luring_sesi(request):
    """Who is signed in, a fresh CSRF token for a replayed post, and the forms to keep."""
    if not request.user.is_authenticated:
        return JsonResponse({"pengguna": None})
    halaman = [reverse("kudapanmas:luring")] + [url for _, url in luring.halaman_luring(request.user)]
    return JsonResponse({"pengguna": request.user.pk, "csrf": get_token(request), "halaman": halaman})
