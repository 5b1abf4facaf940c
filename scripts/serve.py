#!/usr/bin/env python3
"""Local static server for the ML Playground web build (Python 3 standard library only).

Serves --root (default: build/site of this repository) on 127.0.0.1 and, unless --no-isolation,
sends the cross-origin isolation headers the threaded build needs (SharedArrayBuffer):
    Cross-Origin-Opener-Policy: same-origin
    Cross-Origin-Embedder-Policy: require-corp
    Cross-Origin-Resource-Policy: same-origin
Every response carries Cache-Control: no-cache so a rebuilt .wasm is never served stale.

On start it prints exactly one line "Serving <root> at http://127.0.0.1:<port>/ ..." and flushes;
tests start it with --port 0 (a free port chosen by the OS) and parse that line.
Only failed requests (status >= 400) are logged, unless --verbose.
"""

import argparse
import functools
import http.server
import pathlib
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent

# Types the browser insists on: wasm streaming compilation needs application/wasm,
# module workers and ES modules need a JavaScript type.
MIME_TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
}


class PlaygroundHandler(http.server.SimpleHTTPRequestHandler):
    """Static files plus the isolation and caching headers."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    isolation = True
    verbose = False

    def end_headers(self):
        if self.isolation:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_request(self, code="-", size="-"):
        # Quiet by default: a page load is a dozen requests, only failures are interesting.
        try:
            failed = int(code) >= 400
        except (TypeError, ValueError):
            failed = True
        if self.verbose or failed:
            super().log_request(code, size)


class QuietThreadingServer(http.server.ThreadingHTTPServer):
    """Threaded server that does not print tracebacks when a browser drops a connection."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="TCP port; 0 picks a free one (default 8080)")
    parser.add_argument("--root", type=pathlib.Path, default=REPO_ROOT / "build" / "site",
                        help="directory to serve (default: build/site of the repository)")
    parser.add_argument("--no-isolation", action="store_true",
                        help="omit the COOP/COEP/CORP headers (the page then runs the single-threaded build)")
    parser.add_argument("--verbose", action="store_true", help="log every request, not only failures")
    args = parser.parse_args(argv)

    root = args.root.resolve()
    if not root.is_dir():
        print(f"serve.py: {root} is not a directory (run scripts/assemble_site.sh first)", file=sys.stderr)
        return 2

    handler = type("Handler", (PlaygroundHandler,), {"isolation": not args.no_isolation, "verbose": args.verbose})
    try:
        server = QuietThreadingServer(("127.0.0.1", args.port), functools.partial(handler, directory=str(root)))
    except OSError as error:
        print(f"serve.py: cannot listen on 127.0.0.1:{args.port}: {error}", file=sys.stderr)
        return 2

    port = server.server_address[1]
    mode = "on" if handler.isolation else "off"
    print(f"Serving {root} at http://127.0.0.1:{port}/ (cross-origin isolation headers: {mode})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
