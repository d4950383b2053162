"""The served gunicorn configuration keeps answering while slow phones hold connections.

The behaviour tests start gunicorn with the project's configuration and one worker in front of
a three-line WSGI application, so they cost a second each, not a Django start-up.
"""

import contextlib
import multiprocessing
import os
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "kudapanmas" / "gunicorn.conf.py"
STALL_SECONDS = 2
APP = """\
def application(environ, start_response):
    body = environ["wsgi.input"].read()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"dibaca %d" % len(body)]
"""


def load_config(monkeypatch, cores=2):
    for name in list(os.environ):
        if name.startswith("GUNICORN_"):
            monkeypatch.delenv(name)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: cores)
    return runpy.run_path(str(CONFIG))


def test_it_serves_with_threads(monkeypatch):
    config = load_config(monkeypatch)
    assert config["worker_class"] == "gthread"
    assert config["threads"] >= 4
    assert config["workers"] == 5
    assert config["worker_connections"] == config["threads"]


def test_its_threads_stay_under_the_postgresql_connection_limit_on_a_large_server(monkeypatch):
    config = load_config(monkeypatch, cores=32)
    assert config["workers"] * config["threads"] < 100


def test_what_cuts_a_connection_is_its_silence_not_the_length_of_its_request(monkeypatch):
    config = load_config(monkeypatch)
    # A gthread worker reports while its threads work: timeout restarts a stuck worker only,
    # so the three-minute recap runs to its end (a sync worker would be killed under it).
    assert config["worker_class"] == "gthread"
    assert config["STALL_SECONDS"] == 60


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(folder, workers, threads=None):
    """The project's configuration serving the three-line application, its stall timeout short."""
    (folder / "tiga_baris.py").write_text(APP)
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("GUNICORN_")}
    env["GUNICORN_STALL_SECONDS"] = str(STALL_SECONDS)
    if threads:
        env["GUNICORN_THREADS"] = str(threads)
    command = [sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "--pythonpath", str(folder), "tiga_baris:application"]
    command.append("--no-control-socket")  # runs side by side would share one in the home folder
    with open(folder / "gunicorn.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, (folder / "gunicorn.log").read_text()
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with gunicorn(tmp_path_factory.mktemp("gunicorn"), workers=1) as port:
        yield port


def get(port, timeout):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return client.recv(1024)


def test_a_phone_trickling_its_header_does_not_hold_the_only_worker(server):
    with socket.create_connection(("127.0.0.1", server)) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHo")
        time.sleep(0.3)  # the worker has taken it
        started = time.monotonic()
        answer = get(server, timeout=STALL_SECONDS - 0.5)
    assert answer.startswith(b"HTTP/1.1 200")
    assert time.monotonic() - started < 1


def test_an_upload_that_goes_silent_is_cut_and_its_thread_freed(server):
    with socket.create_connection(("127.0.0.1", server), timeout=STALL_SECONDS + 3) as stalled:
        stalled.sendall(b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n" + b"x" * 300)
        started = time.monotonic()
        answer = stalled.recv(1024)  # no answer and no close: socket.timeout fails the test
        waited = time.monotonic() - started
    assert STALL_SECONDS - 0.5 < waited < STALL_SECONDS + 2
    assert not answer.startswith(b"HTTP/1.1 200")
    assert get(server, timeout=2).startswith(b"HTTP/1.1 200")


def test_a_worker_whose_threads_are_all_held_leaves_new_connections_to_the_others(tmp_path):
    """Workers do not share a burst of connections evenly: without the limit on connections per
    worker, a fetch often landed on the worker holding two slow phones, and waited behind them."""
    with gunicorn(tmp_path, workers=2, threads=2) as port:
        slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        try:
            for client in slow:
                client.sendall(b"GET / HTTP/1.1\r\nHo")
            time.sleep(0.5)
            for _ in range(10):
                assert get(port, timeout=1.5).startswith(b"HTTP/1.1 200")
        finally:
            for client in slow:
                client.close()
