"""Request handlers of kependudukan, one module per feature."""
