"""Demo data for a believable Kecamatan Paringin; every step is safe to run twice.

Each app contributes a module here with a `fill(context)` function; `isi_demo` runs
them in order. The random generator is seeded, so two runs make the same data.
"""
