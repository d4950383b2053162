"""The error pages: 403 with our own reason, 404 and 500."""

from django.shortcuts import render


def error_403(request, exception=None):
    return render(request, "403.html", {"alasan": _reason(exception)}, status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)


def _reason(exception):
    text = str(exception or "")
    # Django's own CSRF and default messages are in English; show ours instead.
    return text if text and not text.startswith("CSRF") and " " in text else ""
