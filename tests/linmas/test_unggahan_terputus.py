"""An activity arrives with every photo that was sent, or not at all.

A body that ends early (the phone lost signal, the proxy gave up) must save nothing, even
where Django's parser would make a valid form of what came: the fields and the first photo.
"""

import re
import socket
from io import BytesIO

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from kudapanmas.unggahan import PESAN
from linmas.models import FotoKegiatan, Kegiatan
from tests.factories.linmas import image_bytes, upload
from tests.linmas.formulir import create_url, kegiatan_data


def body_of(data):
    return encode_multipart(BOUNDARY, data)


def cut_before_second_photo(body):
    """Where a valid form with the first photo only would be left: the worst cut."""
    part = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="foto"; filename="b.jpg"'
    return body.index(part.encode())


def cut_at(body, where):
    return len(body) // 3 if where == "a third" else cut_before_second_photo(body)


def two_photos(tanggal, roster):
    return kegiatan_data(
        tanggal,
        roster,
        foto=[upload("a.jpg", image_bytes((800, 600))), upload("b.jpg", image_bytes((800, 600)))],
    )


def assert_nothing_saved(private_media):
    assert not Kegiatan.objects.exists()
    assert not FotoKegiatan.objects.exists()
    assert not any(path.is_file() for path in private_media.rglob("*")) if private_media.exists() else True


class TestShortBody:
    """The request's stream ends before CONTENT_LENGTH, as when the client goes away."""

    def post_cut(self, client, desa, body, cut, content_length=None):
        return client.generic(
            "POST",
            create_url(desa),
            body[:cut],
            content_type=MULTIPART_CONTENT,
            **{"CONTENT_LENGTH": str(content_length or len(body)), "wsgi.input": BytesIO(body[:cut])},
        )

    @pytest.mark.parametrize("where", ["a third", "between the photos"])
    def test_a_cut_body_saves_nothing(
        self, where, client_for, operator_a, desa_a, roster_a, day_last_month, private_media
    ):
        body = body_of(two_photos(day_last_month, roster_a))
        response = self.post_cut(client_for(operator_a), desa_a, body, cut_at(body, where))
        assert response.status_code == 400
        assert PESAN in response.content.decode()
        assert_nothing_saved(private_media)

    def test_a_body_without_its_closing_boundary_saves_nothing(
        self, client_for, operator_a, desa_a, roster_a, day_last_month, private_media
    ):
        # A proxy that passed on what it got, with a Content-Length to match.
        body = body_of(two_photos(day_last_month, roster_a))
        cut = cut_before_second_photo(body)
        response = self.post_cut(client_for(operator_a), desa_a, body, cut, content_length=cut)
        assert response.status_code == 400
        assert PESAN in response.content.decode()
        assert_nothing_saved(private_media)

    def test_a_broken_connection_is_a_400_not_a_server_error(
        self, client_for, operator_a, desa_a, roster_a, day_last_month, private_media
    ):
        class Broken(BytesIO):
            def read(self, size=-1):
                if self.tell() > 1000:
                    raise TimeoutError("timed out")
                return super().read(min(size, 1000) if size and size > 0 else 1000)

        body = body_of(two_photos(day_last_month, roster_a))
        response = client_for(operator_a).generic(
            "POST",
            create_url(desa_a),
            body,
            content_type=MULTIPART_CONTENT,
            **{"wsgi.input": Broken(body)},
        )
        assert response.status_code == 400
        assert PESAN in response.content.decode()
        assert_nothing_saved(private_media)

    def test_the_page_says_so_in_bahasa_indonesia_and_leads_back_to_the_form(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        body = body_of(two_photos(day_last_month, roster_a))
        response = self.post_cut(client_for(operator_a), desa_a, body, len(body) // 2)
        html = response.content.decode()
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert '<html lang="id">' in html and f'href="{create_url(desa_a)}"' in html
        assert "Content-Security-Policy" in response.headers

    def test_a_whole_body_is_saved_with_both_photos(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        body = body_of(two_photos(day_last_month, roster_a))
        response = self.post_cut(client_for(operator_a), desa_a, body, len(body))
        assert response.status_code == 302
        assert Kegiatan.objects.get().foto_set.count() == 2

    def test_a_login_form_is_not_a_multipart_upload(self, client, operator_a):
        response = client.post(reverse("login"), {"username": "x", "password": "y"})
        assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
class TestCutConnection:
    """A raw socket to the live server sends part of the body, then stops sending."""

    def login(self, client, user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        html = client.get(create_url(user.desa)).content.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
        return csrf, cookies

    def send_part(self, live_server, path, cookies, body, cut):
        host, port = live_server.thread.host, live_server.thread.port
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookies}\r\n"
            f"Content-Type: {MULTIPART_CONTENT}\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n"
        ).encode()
        with socket.create_connection((host, port), timeout=20) as sock:
            sock.sendall(head + body[:cut])
            sock.shutdown(socket.SHUT_WR)  # the phone stops sending; the answer may still come
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        return answer.decode("utf-8", "replace")

    @pytest.mark.parametrize("where", ["a third", "between the photos"])
    def test_a_cut_upload_saves_nothing(
        self, where, live_server, client, operator_a, desa_a, roster_a, day_last_month, private_media
    ):
        csrf, cookies = self.login(client, operator_a)
        body = body_of({**two_photos(day_last_month, roster_a), "csrfmiddlewaretoken": csrf})
        answer = self.send_part(live_server, create_url(desa_a), cookies, body, cut_at(body, where))
        assert answer.startswith("HTTP/1.1 400")
        assert PESAN in answer
        assert_nothing_saved(private_media)

    def test_the_same_upload_whole_is_saved(
        self, live_server, client, operator_a, desa_a, roster_a, day_last_month
    ):
        csrf, cookies = self.login(client, operator_a)
        body = body_of({**two_photos(day_last_month, roster_a), "csrfmiddlewaretoken": csrf})
        answer = self.send_part(live_server, create_url(desa_a), cookies, body, len(body))
        assert answer.startswith("HTTP/1.1 302")
        assert Kegiatan.objects.get().foto_set.count() == 2
