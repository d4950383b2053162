"""The navigation bar: only what the user's role may use.

Each app that adds a page for a role adds its entry here (floor 3 may know every app).
"""

from dataclasses import dataclass

from django.urls import reverse

from desa.scoping import Peran, is_administrator


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # A section entry stands for every page below its URL; an app's index is one by default.
    bagian: bool | None = None
    # View-name prefixes of further pages the entry stands for, e.g. "desa:" for "Desa saya",
    # whose URL only leads on to the operator's own desa page.
    halaman: tuple = ()

    @property
    def url(self):
        return reverse(self.url_name)

    @property
    def is_section(self):
        return self.url_name.endswith(":index") if self.bagian is None else self.bagian


@dataclass(frozen=True)
class NavGroup:
    """Several entries behind one label, so a long menu still fits a 1366-px screen."""

    label: str
    items: tuple


BERANDA = NavItem("Beranda", "kudapanmas:beranda")
PANDUAN = NavItem("Panduan", "kudapanmas:panduan")
DASBOR = NavItem("Dasbor", "kudapanmas:dasbor_saya", halaman=("kudapanmas:dasbor_",))
ANTREAN = NavItem("Antrean verifikasi", "kudapanmas:antrean_saya", halaman=("kudapanmas:antrean_",))
RAPOR = NavItem("Rapor desa", "kudapanmas:rapor_saya", halaman=("kudapanmas:rapor_",))

NAV_BY_ROLE = {
    Peran.OPERATOR_DESA: [
        BERANDA,
        NavItem("Desa saya", "desa:saya", halaman=("desa:",)),
        NavItem("Kependudukan", "kependudukan:index"),
        NavItem("Ekonomi", "ekonomi:index", bagian=True),
        NavItem("Laporan RT", "laporan_rt:saya", halaman=("laporan_rt:", "desa:akun_rt_")),
        NavItem("Linmas", "linmas:index"),
        PANDUAN,
    ],
    Peran.KASI_TRANTIB: [
        BERANDA,
        DASBOR,
        ANTREAN,
        RAPOR,
        NavItem("Pengingat", "kudapanmas:pengingat_saya", halaman=("kudapanmas:pengingat_",)),
        NavGroup(
            "Data desa",
            (
                NavItem("Impor kependudukan", "kependudukan:impor_unggah"),
                NavItem("Pindah belum cocok", "kependudukan:pindah_belum_cocok"),
                NavItem("Program Linmas", "linmas:program_index", halaman=("linmas:program",)),
            ),
        ),
        NavGroup(
            "Kelola",
            (
                NavItem("Pengumuman", "kudapanmas:pengumuman_saya", halaman=("kudapanmas:pengumuman",)),
                NavItem("Operator", "desa:operator_list", halaman=("desa:operator_",)),
                NavItem(
                    "Pengaturan", "desa:kecamatan_pengaturan_saya", halaman=("desa:kecamatan_pengaturan",)
                ),
            ),
        ),
        PANDUAN,
    ],
    Peran.KETUA_RT: [NavItem("Laporan RT saya", "laporan_rt:beranda_rt", halaman=("laporan_rt:",)), PANDUAN],
    Peran.CAMAT: [BERANDA, DASBOR, ANTREAN, RAPOR, PANDUAN],
    Peran.KABUPATEN: [BERANDA, DASBOR, PANDUAN],
    Peran.PROVINSI: [BERANDA, DASBOR, PANDUAN],
    Peran.ADMINISTRATOR: [BERANDA, DASBOR, NavItem("Admin", "admin:index")],
}


def items_for(user):
    if not user.is_authenticated:
        return []
    if is_administrator(user) and user.peran not in NAV_BY_ROLE:
        return NAV_BY_ROLE[Peran.ADMINISTRATOR]
    return NAV_BY_ROLE.get(user.peran, [BERANDA])
