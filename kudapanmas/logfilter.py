"""Logging: an expected refusal (403, 404, 405) is one line in the server log, not a traceback.

Django logs every PermissionDenied and Http404 through `django.request` with the exception
attached, so each read-only role's refused click used to write a full traceback. A server
error (5xx) keeps its traceback.
"""

import logging


class PenolakanSatuBaris(logging.Filter):
    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
