"""gunicorn settings; each can be overridden on the command line or with GUNICORN_CMD_ARGS
(the thread count with GUNICORN_THREADS, so that worker_connections follows it).

Phones on weak links keep connections open for a long time, and some never finish a request.
A sync worker serves one connection from its first byte to its last, so ten such phones held
every worker and the login page waited for a minute. A threaded worker (gthread) serves as many
connections at once as it has threads, and one that sends nothing for five seconds goes back to
its poller and is closed, so other users keep being answered.

The bound, honestly: a client that trickles its header or body (a byte every few seconds)
holds one thread until it finishes or goes away; gunicorn has no deadline for a whole request.
Up to workers × threads such clients (60 on two cores) leave the rest of the site answering;
one that goes silent is cut after STALL_SECONDS. In production a reverse proxy that buffers
whole requests (nginx, see the README) takes all of them off gunicorn.
"""

import multiprocessing
import os
import socket
import struct

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
# Processes for the cores (Python runs one thread at a time in each), threads for the waiting.
# Every thread may hold a database connection: workers × threads stays under PostgreSQL's 100.
workers = int(os.environ.get("GUNICORN_WORKERS", min(multiprocessing.cpu_count() * 2 + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", 12))
# A worker takes no more connections than it has threads, so an accepted connection never
# waits behind slow ones: new connections stay in the kernel's queue until a worker with a free
# thread takes them. Workers do not share connections evenly (one often takes most of a burst),
# and without this limit a worker whose threads were all held kept accepting, and its new
# connections waited. Hence no keep-alive either: an idle kept-alive connection would hold a
# thread's place. Behind the reverse proxy the phones' connections are kept alive by nginx.
worker_connections = threads
keepalive = 0
# With gthread this is a heartbeat, not a limit on a request: the worker's main loop reports
# every second while its threads work, so the kabupaten-wide yearly recap (157 desa, 200,000
# events: about three minutes on a two-core server, see bench/rekap.py) runs to its end. A
# worker whose loop is stuck this long is restarted. The reverse proxy's read timeout must
# allow the recap's three minutes.
timeout = 60
# What cuts a stalled phone instead: a connection that sends nothing for this long while its
# request is read (or takes nothing while its answer is sent) is closed, so a cut-off upload
# frees its thread. Slow progress is not a stall: a byte now and then keeps it open.
STALL_SECONDS = int(os.environ.get("GUNICORN_STALL_SECONDS", 60))
# Browsers send about 20 header fields; the limit bounds a request's memory, not its time.
limit_request_fields = 50
accesslog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The access log never holds a query string or a referrer (which carries one): a search by NIK
# (?q=6311...) would otherwise keep residents' NIKs in a plain file (UU 27/2022). %(U)s is the
# path alone.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s'


def post_fork(server, worker):
    """Give the listening sockets receive and send timeouts; accepted connections inherit them.

    gunicorn reads and writes client sockets in blocking mode without a timeout, and offers no
    hook when it accepts one: a timeout set on the listener is the one place that covers the
    header, the body and the answer alike.
    """
    stall = struct.pack("ll", STALL_SECONDS, 0)
    for listener in worker.sockets:
        listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, stall)
        listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, stall)
