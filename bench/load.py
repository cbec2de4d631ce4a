"""Load: wrk for the read path, a small threaded client for comment submissions."""

import http.client
import json
import re
import shutil
import subprocess
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

WRK_THREADS, WRK_CONNECTIONS = 2, 16
_SOCKET_ERRORS = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def wrk_path():
    return shutil.which("wrk")


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    return round(float(match.group(1)) * _UNITS[match.group(2)], 2) if match else None


def parse_wrk(output):
    """rps, p50/p99 (ms), requests, non-2xx/3xx responses and socket errors from wrk --latency."""
    found = {
        "rps": re.search(r"Requests/sec:\s+([\d.]+)", output),
        "p50": re.search(r"^\s+50%\s+(\S+)", output, re.M),
        "p99": re.search(r"^\s+99%\s+(\S+)", output, re.M),
        "requests": re.search(r"(\d+) requests in", output),
        "non2xx": re.search(r"Non-2xx or 3xx responses: (\d+)", output),
        "errors": re.search(_SOCKET_ERRORS, output),
    }
    if not found["rps"] or not found["requests"]:
        raise RuntimeError(f"Could not read wrk's output:\n{output}")
    return {
        "rps": round(float(found["rps"].group(1)), 1),
        "p50_ms": _ms(found["p50"].group(1)) if found["p50"] else None,
        "p99_ms": _ms(found["p99"].group(1)) if found["p99"] else None,
        "requests": int(found["requests"].group(1)),
        "non_2xx": int(found["non2xx"].group(1)) if found["non2xx"] else 0,
        "socket_errors": sum(map(int, found["errors"].groups())) if found["errors"] else 0,
    }


def wrk(url, duration, threads=WRK_THREADS, connections=WRK_CONNECTIONS):
    """One wrk run; raises if any response was not 2xx/3xx (a fast error page is no result)."""
    command = [
        wrk_path(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if done.returncode:
        raise RuntimeError(f"wrk failed on {url}: {done.stderr or done.stdout}")
    result = parse_wrk(done.stdout)
    if result["non_2xx"]:
        raise RuntimeError(f"{url} answered {result['non_2xx']} requests with an error status")
    return result


# Comment submissions ---------------------------------------------------------------------------

_HIDDEN = r'name="{}"[^>]*?value="([^"]*)"|value="([^"]*)"[^>]*?name="{}"'


def _hidden_value(html, name):
    match = re.search(_HIDDEN.format(name, name), html)
    if not match:
        raise RuntimeError(f"The post page has no {name} field")
    return match.group(1) or match.group(2)


def _cookies(headers, jar):
    for key, value in headers:
        if key.lower() == "set-cookie":
            for name, morsel in SimpleCookie(value).items():
                jar[name] = morsel.value
    return jar


def _request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def _writer(port, post_url, post_id, number, deadline, results):
    """One reader: load the page like a browser, then send comments through its form."""
    status, headers, html = _request(port, "GET", post_url)
    if status != 200:
        raise RuntimeError(f"GET {post_url} answered {status}")
    jar = _cookies(headers, {})
    html = html.decode()
    token = _hidden_value(html, "csrfmiddlewaretoken")
    if not token:  # a page served to every reader has none: ask, as comments.js does
        status, headers, answer = _request(port, "GET", "/comments/csrf/")
        if status != 200:
            raise RuntimeError(f"GET /comments/csrf/ answered {status}")
        jar = _cookies(headers, jar)
        token = json.loads(answer)["token"]
    fields = {
        "csrfmiddlewaretoken": token,
        "security": _hidden_value(html, "security"),
        "name": f"Bench reader {number}",
        "email": "",
        "url": "",
        "honeypot": "",
        "parent": "",
    }
    sent = 0
    while time.monotonic() < deadline:
        sent += 1
        fields["body"] = (
            f"Reply {number}-{sent}. Thank you for writing about the first year after a loss. "
            "Reading how small routines helped made me feel less alone with mine, and I will "
            "try the walk in the morning that you describe before the house wakes up."
        )
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        started = time.perf_counter()
        status, headers, _ = _request(
            port,
            "POST",
            f"/comments/post/{post_id}/",
            urlencode(fields),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )
        elapsed = (time.perf_counter() - started) * 1000
        _cookies(headers, jar)
        results.append((status, elapsed))


def submit_comments(port, post_url, post_id, duration, writers=8):
    """Comments sent per second through the real form by ``writers`` concurrent readers."""
    results, errors = [], []
    deadline = time.monotonic() + duration

    def run(number):
        try:
            _writer(port, post_url, post_id, number, deadline, results)
        except Exception as exc:  # reported below, with the count of what did work
            errors.append(repr(exc))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(writers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    accepted = sorted(ms for status, ms in results if status == 302)
    return {
        "sent": len(results),
        "accepted": len(accepted),
        "refused": len(results) - len(accepted),
        "statuses": sorted({status for status, _ in results}),
        "rps": round(len(accepted) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": _percentile(accepted, 50),
        "p99_ms": _percentile(accepted, 99),
        "client_errors": errors,
        "writers": writers,
    }


def _percentile(values, pct):
    if not values:
        return None
    index = min(len(values) - 1, round(pct / 100 * (len(values) - 1)))
    return round(values[index], 2)
