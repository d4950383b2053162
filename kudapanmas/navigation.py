"""The navigation bar: only what the user's role may use.

Each app that adds a page for a role adds its entry here (floor 3 may know every app).
"""

from dataclasses import dataclass

from django.urls import reverse

from desa.scoping import Peran


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str

    @property
    def url(self):
        return reverse(self.url_name)


BERANDA = NavItem("Beranda", "beranda")
PANDUAN = NavItem("Panduan", "panduan")

NAV_BY_ROLE = {
    Peran.OPERATOR_DESA: [
        BERANDA,
        NavItem("Desa saya", "desa:saya"),
        PANDUAN,
    ],
    Peran.KASI_TRANTIB: [
        BERANDA,
        NavItem("Operator", "desa:operator_list"),
        PANDUAN,
    ],
    Peran.CAMAT: [BERANDA, PANDUAN],
    Peran.KABUPATEN: [BERANDA, PANDUAN],
    Peran.ADMINISTRATOR: [BERANDA, NavItem("Admin", "admin:index")],
}


def items_for(user):
    if not user.is_authenticated:
        return []
    if user.is_superuser and user.peran not in NAV_BY_ROLE:
        return NAV_BY_ROLE[Peran.ADMINISTRATOR]
    return NAV_BY_ROLE.get(user.peran, [BERANDA])
