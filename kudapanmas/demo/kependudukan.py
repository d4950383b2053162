def fill(context):
    """Filled in by the kependudukan part of the demo."""
