"""The import pages name the save button by the words it carries."""

import re

import pytest

from tests.kependudukan.test_impor_views import UPLOAD, good_file, upload

pytestmark = pytest.mark.django_db


def button_label(page):
    return re.search(r'<button type="submit" class="btn btn-success">(.*?)</button>', page).group(1)


def test_the_preview_and_the_upload_page_tell_to_press_the_button_as_it_reads(client_for, operator_a):
    client = client_for(operator_a)
    preview = upload(client, good_file()).content.decode()
    label = button_label(preview)
    assert label == "Simpan semua"
    assert f"lalu tekan <strong>{label}</strong>" in preview
    assert f"lalu tekan <strong>{label}</strong>" in client.get(UPLOAD).content.decode()
