def fill(context):
    """Filled in by the ekonomi part of the demo."""
