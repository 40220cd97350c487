#!/usr/bin/env python3
"""Runs the browser tests (Tests/Browser/test_*.py) against a real `ticketwerk serve` on SQLite and,
when a PostgreSQL URL is given, on PostgreSQL too. Exit status 0 only when every test passed on every backend.

    python3 Tests/Browser/run.py --binary .build/debug/ticketwerk [--postgres URL] [--smtp DIR] [-k PATTERN]
"""

import argparse
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def flatten(suite):
    """The single tests of a (nested) suite, in discovery order."""
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--postgres", help="PostgreSQL URL of a server where a fresh database may be created")
    parser.add_argument("--smtp", help="directory of the SMTP sink (scripts/lib/smtp.sh)")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("-k", dest="pattern", action="append", help="only tests whose name contains this")
    args = parser.parse_args()

    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if not args.postgres:
        backends = [b for b in backends if b != "postgres"]
    failed = False
    for backend in backends:
        server = harness.Server(args.binary, backend, postgres_url=args.postgres, smtp_dir=args.smtp)
        print(f"== browser tests on {backend} ({server.base})", flush=True)
        server.start()
        harness.BrowserTest.server = server
        try:
            loader = unittest.TestLoader()
            if args.pattern:
                loader.testNamePatterns = [f"*{p}*" for p in args.pattern]
            discovered = loader.discover(os.path.dirname(os.path.abspath(__file__)), pattern="test_*.py")
            # The README's screenshots come first, while the server holds only the tickets they show.
            suite = unittest.TestSuite(sorted(flatten(discovered), key=lambda test: not test.id().startswith("test_screenshots.")))
            result = unittest.TextTestRunner(verbosity=2, failfast=False).run(suite)
            if not result.wasSuccessful():
                failed = True
                print(f"-- server log ({backend}):\n{server.log_tail()}", flush=True)
        finally:
            server.stop()
    print(f"screenshots: {harness.SCREENSHOTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
