def fill(context):
    """Filled in by the linmas part of the demo."""
