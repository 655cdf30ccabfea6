"""The preview never hangs: a real `briefing serve` on 127.0.0.1, a template edited into a
Jinja syntax error and back while it runs, and the pages it serves meanwhile."""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, make_project

WAIT = 120
"""Seconds to wait for the server to react to an edit (a hang guard, not a measure)."""
FIXED = "FIXEDTEMPLATEZQX"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, project: Path, seeds: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "--seeds", str(seeds), "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.log.append(line)

    def wait_for_log(self, text: str, after: int = 0) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            found = [line for line in self.log[after:] if text in line]
            if found:
                return found[0]
            assert self.process.poll() is None, "".join(self.log)
            time.sleep(0.2)
        raise AssertionError(f"no {text!r} in the log:\n" + "".join(self.log))

    def get(self, path: str) -> tuple[int, str]:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:  # a stuck server times out here
            return response.status, response.read().decode("utf-8")

    def wait_for_page(self, path: str, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                status, body = self.get(path)
                if status == 200 and text in body:
                    return body
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"{path} never showed {text!r}:\n" + "".join(self.log))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def server(tmp_path):
    project = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "good", seeds)
    running = Server(project, seeds)
    yield running, project
    running.stop()


def test_a_failing_rebuild_keeps_the_last_good_site_and_recovers(server):
    server, project = server
    page = "/briefings/2024-01-10-plain-seed-with-sidecar/"
    good = server.wait_for_page(page, "Northwind Traders")
    template = project / "templates" / "briefing.md.j2"
    original = template.read_text(encoding="utf-8")

    mark = len(server.log)
    template.write_text(original + "\n{% if %}\n", encoding="utf-8")
    failure = server.wait_for_log("Rebuild failed", after=mark)
    assert "briefing.md.j2:" in failure and "template syntax error" in failure
    assert "Still serving the last good build" in failure
    time.sleep(1)
    status, body = server.get(page)  # served at once, not held until a build succeeds
    assert status == 200 and "Northwind Traders" in body and FIXED not in body
    assert server.get("/")[0] == 200

    mark = len(server.log)
    template.write_text(original + f"\n{FIXED}\n", encoding="utf-8")
    server.wait_for_page(page, FIXED)
    assert not any("Rebuild failed" in line for line in server.log[mark:])
    assert server.process.poll() is None
    assert good  # the first build served the page too
