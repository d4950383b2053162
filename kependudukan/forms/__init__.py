"""Forms of kependudukan, one module per feature."""
