def fill(context):
    """Filled in by the ledger part of the demo."""
