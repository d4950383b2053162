"""Figures frozen at verification (cuplikan angka).

desa.ledger calls `simpan` inside the verifying transaction and `cabut` inside the transaction
that reopens or returns a verified month, both after the report row is locked.
"""


def simpan(laporan, user):
    """Store the numbers the verified `laporan` shows as its snapshot in force."""
    return None


def cabut(laporan, alasan):
    """Set the snapshot in force of `laporan` aside (kept for the history) with the reason."""
    return None
