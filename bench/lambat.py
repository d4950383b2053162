"""Benchmark: does the site keep answering while slow phones hold connections?

Migrates a throwaway SQLite database in a temporary folder, then for each gunicorn configuration
starts gunicorn on a free loopback port and, while it serves:
- times the login page a few times with nobody else connected, once every worker has served it
  (the quiet figure);
- opens 20 slow connections: 17 send a request line and then one header byte every 3 seconds,
  3 send the headers of a multipart POST and then its body a few bytes every 3 seconds;
- meanwhile fetches the login page once a second, each on a new connection, and keeps the time
  from connecting to the last byte of the answer;
- closes the slow connections after HOLD seconds (the fetches still waiting are then answered).
Configurations: `old` is the previous one (sync workers, timeout 300, no stall timeout), `new` is
kudapanmas/gunicorn.conf.py as served, both with the same number of workers. Static files are
served unhashed (no collectstatic): the page's own work is what is timed. It prints min, median
and max latency per configuration, and last `new_max_ms=<max>`; it exits with 1 when a fetch
under the new configuration took longer than 2 seconds or was not answered.

Run with the project's Python: `.venv/bin/python bench/lambat.py [--only old|new]` (about a
minute for both). It talks to 127.0.0.1 only and stops every process it started.
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "kudapanmas" / "gunicorn.conf.py"
LOGIN = "/akun/masuk/"
HEADER_TRICKLERS = 17
BODY_TRICKLERS = 3
TRICKLE_EVERY = 3.0
HOLD = 30.0
FETCHES = 20
QUIET_FETCHES = 5
LIMIT_MS = 2000
SETTINGS = """\
from kudapanmas.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
"""
OLD_CONFIG = f"""\
import runpy

globals().update(
    (name, value) for name, value in runpy.run_path({str(CONFIG)!r}).items() if not name.startswith("_")
)
worker_class = "sync"
timeout = 300
del post_fork, threads, worker_connections, keepalive, limit_request_fields
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["old", "new"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kudapanmas-lambat-") as name:
        folder = Path(name)
        env = environment(folder)
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        (folder / "lama.conf.py").write_text(OLD_CONFIG)
        configs = {"old": folder / "lama.conf.py", "new": CONFIG}
        print(
            f"{HEADER_TRICKLERS} connections trickling a header and {BODY_TRICKLERS} a multipart body "
            f"(a byte every {TRICKLE_EVERY:.0f} s), held {HOLD:.0f} s; GET {LOGIN} once a second meanwhile"
        )
        columns = ("quiet ms", 9), ("min ms", 8), ("median ms", 10), ("max ms", 8), ("unanswered", 11)
        print(f"  {'config':8}" + "".join(f" {title:>{width}}" for title, width in columns))
        results = {}
        for label, config in configs.items():
            if args.only in (None, label):
                results[label] = run(label, config, env, folder)
    if "new" in results:
        latencies, unanswered = results["new"]
        print(f"new_max_ms={max(latencies, default=0):.0f}")
        if unanswered or max(latencies) > LIMIT_MS:
            sys.exit(1)


def environment(folder):
    (folder / "lambat_settings.py").write_text(SETTINGS)
    env = {name: value for name, value in os.environ.items() if not name.startswith("GUNICORN_")}
    env.update(
        DJANGO_SETTINGS_MODULE="lambat_settings",
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT)]),
        DJANGO_SECRET_KEY="bench-only-not-secret",
        DJANGO_HTTPS="false",
        DATABASE_URL=f"sqlite:///{folder / 'lambat.sqlite3'}",
        KUDAPANMAS_VAR_DIR=str(folder),
    )
    env.pop("DJANGO_DEBUG", None)
    return env


def run(label, config, env, folder):
    port = free_port()
    workers = min(os.cpu_count() * 2 + 1, 8)
    command = [sys.executable, "-m", "gunicorn", "-c", str(config), "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "kudapanmas.wsgi"]
    command.append("--no-control-socket")  # runs side by side would share one in the home folder
    with open(folder / f"gunicorn-{label}.log", "wb") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        wait_until_up(port, folder / f"gunicorn-{label}.log")
        for _ in range(workers * 3):
            fetch(port, timeout=10)  # each worker's first page loads templates and URLs
        quiet = [fetch(port, timeout=10)[0] for _ in range(QUIET_FETCHES)]
        stop = threading.Event()
        slow = [threading.Thread(target=trickle_header, args=(port, stop)) for _ in range(HEADER_TRICKLERS)]
        slow += [threading.Thread(target=trickle_body, args=(port, stop)) for _ in range(BODY_TRICKLERS)]
        for thread in slow:
            thread.start()
        time.sleep(TRICKLE_EVERY + 1)  # every slow connection has sent its first bytes
        timer = threading.Timer(HOLD - TRICKLE_EVERY - 1, stop.set)
        timer.start()
        found = []
        fetchers = []
        for _ in range(FETCHES):
            fetcher = threading.Thread(target=lambda: found.append(fetch(port, timeout=HOLD + 20)))
            fetcher.start()
            fetchers.append(fetcher)
            time.sleep(1)
        for thread in fetchers + slow:
            thread.join()
        timer.cancel()
    finally:
        stop_server(server)
    latencies = [ms for ms, ok in found if ok]
    unanswered = len(found) - len(latencies)
    print(
        f"  {label:8} {statistics.median(quiet):9.0f} {min(latencies, default=0):8.0f} "
        f"{statistics.median(latencies) if latencies else 0:10.0f} {max(latencies, default=0):8.0f} "
        f"{unanswered:11d}"
    )
    return latencies, unanswered


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port, log):
    deadline = time.monotonic() + 60
    while not fetch(port, timeout=5)[1]:
        if time.monotonic() > deadline:
            sys.exit(f"gunicorn did not answer {LOGIN}:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


def fetch(port, timeout):
    """(milliseconds, answered with 200) of one GET of the login page on a new connection."""
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as client:
            client.sendall(f"GET {LOGIN} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            answer = b""
            while chunk := client.recv(65536):
                answer += chunk
    except OSError:
        return (time.monotonic() - started) * 1000, False
    return (time.monotonic() - started) * 1000, answer.startswith(b"HTTP/1.1 200")


def trickle(port, stop, head, drip):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=HOLD + 10) as client:
            client.sendall(head)
            while not stop.wait(TRICKLE_EVERY):
                client.sendall(drip)
    except OSError:
        pass  # the server may close a slow connection: that is its right


def trickle_header(port, stop):
    trickle(port, stop, f"GET {LOGIN} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lambat: ".encode(), b"a")


def trickle_body(port, stop):
    boundary = "batas"
    head = (
        f"POST {LOGIN} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 200000\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="impor.xlsx"\r\n\r\n'
    )
    trickle(port, stop, head.encode(), b"PK\x03\x04")


def stop_server(server):
    """SIGINT is gunicorn's quick shutdown; what is left of its process group is killed."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    main()
