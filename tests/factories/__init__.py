"""The one set of builders every test folder uses: wilayah, users, the ledger and each app's records.

Each module builds what one floor owns, so that a floor-1 test needs nothing from a floor-2 or
floor-3 test folder.
"""
