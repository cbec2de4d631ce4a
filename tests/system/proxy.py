"""nginx from the distribution in front of Haven's app servers, with the shipped site files.

The configuration is deploy/nginx's own: its shared locations and proxy headers are copied
as they are, only the paths of this temporary folder and the upstream ports filled in.
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .backing_services import free_port, wait_until
from .http_client import Client

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "nginx"


def nginx_problem():
    return None if shutil.which("nginx") else "nginx is not installed (apt-get install nginx)"


class Nginx:
    """``nginx`` on a free 127.0.0.1 port, proxying to ``upstream_ports``; media from ``media``."""

    def __init__(self, upstream_ports, *, media_root):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="haven_nginx_"))
        self.proc = None
        self._write_config(upstream_ports, Path(media_root))

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def _write_config(self, upstream_ports, media_root):
        site = self.dir / "haven"
        site.mkdir()
        for name in ("haven-locations.conf", "proxy-headers.conf"):
            text = (DEPLOY / name).read_text()
            text = text.replace("/etc/nginx/haven/", f"{site}/")
            text = text.replace("/srv/haven/media/", f"{media_root}/")
            (site / name).write_text(text)
        servers = "\n".join(f"    server 127.0.0.1:{port};" for port in upstream_ports)
        user = "user root;" if os.geteuid() == 0 else ""
        temp = " ".join(
            f"{kind}_temp_path {self.dir}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.dir / "nginx.conf").write_text(
            f"""{user}
worker_processes 1;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log {self.dir}/access.log;
  {temp}
  upstream haven_app {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{self.port};
    server_name 127.0.0.1;
    include {site}/haven-locations.conf;
  }}
}}
"""
        )

    def start(self, timeout=15):
        command = ["nginx", "-c", str(self.dir / "nginx.conf"), "-p", str(self.dir)]
        subprocess.run([*command, "-t", "-q"], check=True, capture_output=True, timeout=10)
        self.proc = subprocess.Popen(
            [*command, "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(self._answers, timeout, interval=0.1, what="nginx")
        return self

    def _answers(self):
        if self.proc.poll() is not None:
            raise RuntimeError(f"nginx exited early:\n{self.error_log()}")
        try:
            return Client(self.url, timeout=2).get("/healthz").status == 200
        except OSError:
            return False

    def error_log(self):
        path = self.dir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, *exc):
        if exc_type is not None:
            print(f"--- nginx error log ---\n{self.error_log()[-2000:]}")
        self.stop()
