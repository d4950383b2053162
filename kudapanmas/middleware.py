"""Security headers every response carries.

The Content-Security-Policy allows only the app's own static files: no inline script or style,
no eval, so an injected `<script>` or `style=` does nothing. The Permissions-Policy allows the
two device features pages use (the Linmas location button, photo capture) and denies the rest.
A logged-in page is never stored by the browser: on a shared phone the next person would find
full NIKs in its cache. A view that sets its own Cache-Control (a photo) keeps it.
"""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # Bootstrap draws its small icons as data: SVG
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
    ]
)
_DIPAKAI = {"geolocation": "(self)", "camera": "(self)", "clipboard-write": "(self)"}
_DITOLAK = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "clipboard-read",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
PERMISSIONS_POLICY = ", ".join(
    [f"{feature}={allow}" for feature, allow in _DIPAKAI.items()] + [f"{feature}=()" for feature in _DITOLAK]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response
