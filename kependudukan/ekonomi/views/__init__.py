"""Request handlers of the ekonomi pages, one module per feature."""
