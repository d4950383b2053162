def fill(context):
    """Filled in by the laporan_rt part of the demo."""
