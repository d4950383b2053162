"""Names of demo people, Banjar as in Balangan, kept apart by jenis kelamin: a man is never
given a woman's name, nor a woman a man's. Names worn by both (Nor, Aulia) are left out, so
that a name alone tells which list it came from."""

NAMA_DEPAN = {
    "L": [
        "Ahmad", "Muhammad", "Rusdi", "Hendra", "Rizky", "Jainudin", "Ridwan", "Basri", "Arbain",
        "Masrani", "Saukani", "Fahrul", "Taufik", "Hamdani", "Syamsul", "Zainal", "Abdul", "Khairil",
    ],
    "P": [
        "Siti", "Rahmah", "Fauziah", "Halimah", "Salasiah", "Jamilah", "Normila", "Mahdiah",
        "Hairunnisa", "Fitri", "Rabiatul", "Masitah",
    ],
}  # fmt: skip
NAMA_BELAKANG = {
    "L": [
        "Rahman", "Hidayat", "Saputra", "Anwar", "Yusuf", "Effendi", "Syarifuddin", "Fahmi",
        "Hasan", "Ansari", "Rasyid", "Mahfuz", "Ramadhan",
    ],
    "P": [
        "Fitriani", "Hasanah", "Maulida", "Rahmawati", "Aminah", "Rosyidah", "Ramadhani",
        "Handayani", "Safitri", "Nurjannah",
    ],
}  # fmt: skip


def nama_orang(rng, jenis_kelamin):
    """A full name for a person of this jenis kelamin ("L" or "P")."""
    return f"{rng.choice(NAMA_DEPAN[jenis_kelamin])} {rng.choice(NAMA_BELAKANG[jenis_kelamin])}"


def nama_acak(rng, peluang_laki=0.5):
    """A full name of a person whose jenis kelamin is drawn too, for records that do not keep it."""
    return nama_orang(rng, "L" if rng.random() < peluang_laki else "P")


def jenis_kelamin_nama(nama):
    """ "L" or "P" when every word of the name comes from that list, otherwise None."""
    words = nama.split()
    for jenis_kelamin in ("L", "P"):
        known = set(NAMA_DEPAN[jenis_kelamin]) | set(NAMA_BELAKANG[jenis_kelamin])
        if words and all(word in known for word in words):
            return jenis_kelamin
    return None
