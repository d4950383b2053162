"""One harness for the role × page tables: each role of the cast gets exactly the status it may.

A table maps a page name to (url builder, {role: expected status}); a role left out expects 200.
The builder is called inside the test, after the cast exists, so it may create what the page shows.
"""

import pytest
from django.urls import reverse

ROLES = ["operator_a", "operator_b", "operator_luar", "kasi_trantib", "camat", "kabupaten", "admin"]


def role_page_tests(pages, roles=ROLES):
    """The two tests of a table: every role × page status, and anonymous users sent to the login page."""

    @pytest.mark.parametrize("role", roles)
    @pytest.mark.parametrize("page", pages)
    def test_each_role_gets_exactly_what_it_may(cast, client_for, role, page):
        url_of, expected = pages[page]
        response = client_for(cast[role]).get(url_of())
        assert response.status_code == expected.get(role, 200)

    @pytest.mark.parametrize("page", pages)
    def test_anonymous_users_are_sent_to_login(client, cast, page):
        url_of, _ = pages[page]
        response = client.get(url_of())
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))

    return test_each_role_gets_exactly_what_it_may, test_anonymous_users_are_sent_to_login
