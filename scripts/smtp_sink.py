#!/usr/bin/env python3
"""SMTP sink for the tests (aiosmtpd): accepts mail on 127.0.0.1 and writes each message to a directory.

Usage: smtp_sink.py DIR   (DIR holds cert.pem and key.pem; see scripts/lib/smtp.sh)

Four listeners, on ports the kernel picks:
  plain     no TLS, no AUTH
  starttls  STARTTLS required, then AUTH (PLAIN or LOGIN) required
  tls       implicit TLS, AUTH required
  login     like starttls, but offers only AUTH LOGIN
When all listen, DIR/sink.json names them, the credentials, the CA file and the message directory.

Each accepted message becomes DIR/messages/NAME.eml (the bytes as received) with NAME.json beside it
({"mailFrom", "rcptTos", "listener", "user", "python"}), where "python" is what Python's `email` package reads
from the message (Tests/MailTests/Fixtures/check_composed.py), an independent second parser for the tests. The recipient's local part steers the answer, for tests of
failures: reject* -> 550 at RCPT; tempfail* -> 451 the first time that address is seen, then accepted;
slow* -> the end of data is answered after 30 s. The sink exits when its parent process is gone.
"""
import asyncio
import itertools
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "MailTests", "Fixtures"))
from check_composed import summary  # noqa: E402

USER = "ticketwerk"
PASSWORD = "sink-secret-42"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    def __init__(self, directory, listener):
        self.directory = directory
        self.listener = listener
        self.seen_tempfail = set()
        self.counter = itertools.count()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 No such mailbox here"
        if local.startswith("tempfail") and address.lower() not in self.seen_tempfail:
            self.seen_tempfail.add(address.lower())
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(r.split("@", 1)[0].lower().startswith("slow") for r in envelope.rcpt_tos):
            await asyncio.sleep(30)
        name = "%d-%s-%d" % (time.time_ns(), self.listener, next(self.counter))
        meta = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "listener": self.listener,
            "user": session.auth_data.login.decode("utf-8", "replace") if isinstance(session.auth_data, LoginPassword) else None,
        }
        eml = os.path.join(self.directory, name + ".eml")
        with open(eml, "wb") as f:
            f.write(envelope.original_content)
        try:
            meta["python"] = summary(eml)
        except Exception as error:  # a message Python cannot read is a finding for the test, not a sink crash
            meta["python"] = {"error": repr(error)}
        tmp = os.path.join(self.directory, "." + name + ".json")
        with open(tmp, "w") as f:
            json.dump(meta, f)
        os.rename(tmp, os.path.join(self.directory, name + ".json"))
        return "250 2.0.0 Ok: queued as " + name


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


def main():
    directory = sys.argv[1]
    messages = os.path.join(directory, "messages")
    os.makedirs(messages, exist_ok=True)
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    ports = {name: free_port() for name in ("plain", "starttls", "tls", "login")}
    auth = dict(auth_required=True, authenticator=authenticator)
    controllers = [
        Controller(Sink(messages, "plain"), hostname="127.0.0.1", port=ports["plain"]),
        Controller(Sink(messages, "starttls"), hostname="127.0.0.1", port=ports["starttls"],
                   tls_context=context, require_starttls=True, **auth),
        Controller(Sink(messages, "tls"), hostname="127.0.0.1", port=ports["tls"], ssl_context=context,
                   server_hostname="localhost", auth_require_tls=False, **auth),  # TLS from the start: aiosmtpd cannot tell
        Controller(Sink(messages, "login"), hostname="127.0.0.1", port=ports["login"], tls_context=context,
                   require_starttls=True, auth_exclude_mechanism=["PLAIN"], **auth),
    ]
    for controller in controllers:
        controller.start()

    info = dict(host="localhost", username=USER, password=PASSWORD, caFile=cert, messages=messages, **ports)
    tmp = os.path.join(directory, ".sink.json")
    with open(tmp, "w") as f:
        json.dump(info, f)
    os.rename(tmp, os.path.join(directory, "sink.json"))

    parent = os.getppid()
    try:
        while os.getppid() == parent:
            time.sleep(1)
    finally:
        for controller in controllers:
            controller.stop()


if __name__ == "__main__":
    main()
