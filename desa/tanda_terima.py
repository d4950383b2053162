"""Receipts (tanda terima) for each send and each verification of a monthly report.

`terbitkan` is called by desa.ledger inside the transaction that records the send or the
verification, after the report row is locked, so the receipt states exactly what was recorded.
"""


def terbitkan(laporan, aksi, user):
    """Record the receipt of `aksi` (desa.models.AksiTandaTerima) on the locked `laporan`."""
    return None
