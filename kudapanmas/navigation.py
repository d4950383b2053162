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


@dataclass(frozen=True)
class NavGroup:
    """Several entries behind one label, so a long menu still fits a 1366-px screen."""

    label: str
    items: tuple


BERANDA = NavItem("Beranda", "beranda")
PANDUAN = NavItem("Panduan", "panduan")
DASBOR = NavItem("Dasbor", "dasbor")
ANTREAN = NavItem("Antrean verifikasi", "antrean")
RAPOR = NavItem("Rapor desa", "rapor")

NAV_BY_ROLE = {
    Peran.OPERATOR_DESA: [
        BERANDA,
        NavItem("Desa saya", "desa:saya"),
        NavItem("Kependudukan", "kependudukan:index"),
        NavItem("Ekonomi", "kependudukan:ekonomi_index"),
        NavItem("Laporan RT", "laporan_rt:saya"),
        NavItem("Linmas", "linmas:index"),
        PANDUAN,
    ],
    Peran.KASI_TRANTIB: [
        BERANDA,
        DASBOR,
        ANTREAN,
        RAPOR,
        NavItem("Pengingat", "pengingat"),
        NavGroup(
            "Data desa",
            (
                NavItem("Impor kependudukan", "kependudukan:impor"),
                NavItem("Pindah belum cocok", "kependudukan:pindah_belum_cocok"),
                NavItem("Program Linmas", "linmas:program"),
            ),
        ),
        NavGroup(
            "Kelola",
            (
                NavItem("Pengumuman", "pengumuman_saya"),
                NavItem("Operator", "desa:operator_list"),
                NavItem("Pengaturan", "desa:kecamatan_pengaturan_saya"),
            ),
        ),
        PANDUAN,
    ],
    Peran.KETUA_RT: [NavItem("Laporan RT saya", "laporan_rt:beranda_rt"), PANDUAN],
    Peran.CAMAT: [BERANDA, DASBOR, ANTREAN, RAPOR, PANDUAN],
    Peran.KABUPATEN: [BERANDA, DASBOR, PANDUAN],
    Peran.ADMINISTRATOR: [BERANDA, DASBOR, NavItem("Admin", "admin:index")],
}


def items_for(user):
    if not user.is_authenticated:
        return []
    if user.is_superuser and user.peran not in NAV_BY_ROLE:
        return NAV_BY_ROLE[Peran.ADMINISTRATOR]
    return NAV_BY_ROLE.get(user.peran, [BERANDA])
