#!/usr/bin/env python3
"""Reads messages composed by Ticketwerk's MailComposer with Python's `email` package and prints, as one JSON
array, what a mail client would show for each: subject, addresses, text, HTML, attachments, and the defects
Python found. Used by the Swift tests (RoundTripTests) as an independent second parser.

Usage: check_composed.py MESSAGE_FILE...
"""
import email
import email.policy
import json
import sys


def addresses(message, name):
    header = message[name]
    if header is None:
        return []
    return [[address.display_name, address.addr_spec] for address in header.addresses]


def summary(path):
    with open(path, "rb") as file:
        raw = file.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [type(defect).__name__ for defect in message.defects]
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    attachments = []
    for part in message.walk():
        defects += [type(defect).__name__ for defect in part.defects]
        if part.is_multipart() or part in (text_part, html_part):
            continue
        payload = part.get_payload(decode=True) or b""
        attachments.append({
            "filename": part.get_filename(),
            "contentType": part.get_content_type(),
            "size": len(payload),
            "contentID": (part["Content-ID"] or "").strip("<>") or None,
        })
    long_lines = [len(line) for line in raw.split(b"\r\n") if len(line) > 998]
    bare_lf = raw.replace(b"\r\n", b"").count(b"\n")
    return {
        "subject": str(message["subject"]) if message["subject"] is not None else None,
        "from": addresses(message, "from"),
        "to": addresses(message, "to"),
        "cc": addresses(message, "cc"),
        "hasBcc": message["bcc"] is not None,
        "messageID": (message["message-id"] or "").strip().strip("<>") or None,
        "inReplyTo": (message["in-reply-to"] or "").strip().strip("<>") or None,
        "autoSubmitted": message["auto-submitted"],
        "text": text_part.get_content().replace("\r\n", "\n") if text_part is not None else None,
        "html": html_part.get_content().replace("\r\n", "\n") if html_part is not None else None,
        "attachments": attachments,
        "defects": defects,
        "linesOver998": len(long_lines),
        "bareLineFeeds": bare_lf,
    }


if __name__ == "__main__":
    json.dump([summary(path) for path in sys.argv[1:]], sys.stdout, ensure_ascii=False)
