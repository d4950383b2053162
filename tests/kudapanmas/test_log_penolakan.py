"""An expected refusal writes one line to the server log; a server error keeps its traceback."""

import logging
import sys

import pytest
from django.core.exceptions import PermissionDenied

from kudapanmas.logfilter import PenolakanSatuBaris


def record_of(error, status_code, message):
    """A `django.request` record as django.utils.log.log_response makes it: the exception attached."""
    try:
        raise error
    except type(error):
        record = logging.LogRecord(
            "django.request", logging.WARNING, __file__, 1, message, (), sys.exc_info()
        )
    record.status_code = status_code
    return record


def line_of(record):
    PenolakanSatuBaris().filter(record)
    return logging.Formatter().format(record)


@pytest.mark.parametrize("status_code", [403, 404, 405])
def test_a_refusal_is_one_line(status_code):
    line = line_of(
        record_of(PermissionDenied("Peran Anda hanya dapat melihat"), status_code, "Forbidden: /x/")
    )
    assert line == "Forbidden: /x/"


def test_a_server_error_keeps_its_traceback():
    assert "Traceback" in line_of(record_of(RuntimeError("rusak"), 500, "Internal Server Error: /x/"))


def test_the_server_log_uses_the_filter():
    handlers = logging.getLogger().handlers
    assert any(isinstance(item, PenolakanSatuBaris) for handler in handlers for item in handler.filters)
