"""Long work off the request path: recaps written by a worker while the page shows progress.

The machinery (submit, claim, heartbeat, fenced finish, recovery of a killed worker) is
desa.latar's; `rekap` the recap workbook as a task; the worker is `manage.py jalankan_pekerja`.
"""
