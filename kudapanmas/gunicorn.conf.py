"""gunicorn settings; each can be overridden on the command line or with GUNICORN_CMD_ARGS."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# The kabupaten-wide yearly recap (157 desa, 200,000 events) takes about three minutes on a
# two-core server: see bench/rekap.py. The reverse proxy's read timeout must allow as much.
timeout = 300
accesslog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The access log never holds a query string or a referrer (which carries one): a search by NIK
# (?q=6311...) would otherwise keep residents' NIKs in a plain file (UU 27/2022). %(U)s is the
# path alone.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s'
