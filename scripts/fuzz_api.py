#!/usr/bin/env python3
"""Fuzz a running Ticketwerk server through its own OpenAPI document.

Two passes over every operation in /api/v1/openapi.json:

1. bad input (hand-written, deterministic): missing / extra / wrong-typed fields, huge strings,
   invalid UTF-8, malformed JSON, SQL and other meta characters, unknown ids, bad auth,
   undocumented methods. Asserts: never a 5xx; every 4xx is application/problem+json with a JSON
   object body; a body whose status is documented matches the documented schema.
2. schemathesis (property-based, positive and negative data, fixed seed): asserts no 5xx, the
   status code is documented, the content type is the documented one, and the body validates.

Exit status: 0 all good, 1 failures found (each listed with method, path, status and a curl
command that reproduces it), 2 could not run (server unreachable, document unusable).
Only loopback addresses are ever contacted. Written for schemathesis 4.32 (pinned in
scripts/lib/deps.sh); pass 2 is skipped with a warning if schemathesis cannot be imported.
"""

from __future__ import annotations

import argparse
import atexit
import copy
import ipaddress
import json
import os
import re
import shlex
import shutil
import signal
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from requests.adapters import HTTPAdapter

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Order in which operations are exercised: destructive ones last.
METHOD_ORDER = {"get": 0, "head": 0, "options": 0, "post": 1, "put": 2, "patch": 2, "delete": 3, "trace": 4}
REQUEST_TIMEOUT = 30.0
HUGE = 100_000  # length of "huge" strings
LONG = 8_000  # length of long strings in URLs and headers (servers may cap the request head)
MAX_CURL_BODY = 2_000  # bodies longer than this are described instead of inlined in the curl
# Answered by the HTTP layer before the application sees the request: exempt from problem+json.
TRANSPORT_STATUSES = {414, 431}
TEMP_DIRS: list[str] = []  # removed at exit

SQL_META = [
    "' OR '1'='1",
    "'; DROP TABLE tickets; --",
    '" OR ""="',
    "\\",
    "%_%",
    "1; SELECT pg_sleep(0)",
    "\u0000",
    "a\u0000b",
]
ODD_STRINGS = [
    "",
    " ",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "{{title}}",
    "\u202e\u0301\U0001f600\ufeff",
    "\ud7ff\ue000\uffff",
    "%s%s%n",
]


# --- loopback guard ------------------------------------------------------------------------

def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class LoopbackOnlyAdapter(HTTPAdapter):
    """Refuses to send anything to a host that is not a loopback address (redirects included)."""

    def send(self, request, *args, **kwargs):  # type: ignore[override]
        host = urlsplit(request.url).hostname
        if not is_loopback(host):
            raise requests.ConnectionError(f"fuzz_api: refusing to contact non-loopback host {host!r}")
        return super().send(request, *args, **kwargs)


def make_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies from the environment
    adapter = LoopbackOnlyAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


# --- results ---------------------------------------------------------------------------------

@dataclass
class FailureRecord:
    source: str
    method: str
    path: str
    status: int | None
    reason: str
    curl: str
    count: int = 1


@dataclass
class Report:
    requests: int = 0
    server_errors: int = 0
    failures: dict[tuple, FailureRecord] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def count_response(self, status: int | None) -> None:
        self.requests += 1
        if status is not None and status >= 500:
            self.server_errors += 1

    def fail(self, source: str, method: str, path: str, status: int | None, reason: str, curl: str,
             kind: str | None = None) -> None:
        # One entry per (operation, status, kind of problem); later occurrences only count.
        if kind is None:
            kind = re.sub(r"\(.*", "", reason.splitlines()[0] if reason else "")[:120]
        key = (method.upper(), path, status, re.sub(r"\d+", "N", kind))
        if key in self.failures:
            self.failures[key].count += 1
        else:
            self.failures[key] = FailureRecord(source, method.upper(), path, status, reason, curl)


class ServerGone(Exception):
    """The server stopped answering: nothing more can be learnt."""


class OutOfTime(BaseException):
    """The overall time budget is used up (BaseException so Hypothesis does not swallow it)."""


# --- OpenAPI helpers -------------------------------------------------------------------------

class Spec:
    def __init__(self, doc: dict, base: str):
        self.doc = doc
        server_url = ((doc.get("servers") or [{}])[0] or {}).get("url", "") or ""
        # Only the path of the first server is used; the host is always --base.
        self.prefix = urlsplit(server_url).path.rstrip("/") if server_url else ""
        self.api_base = base.rstrip("/") + self.prefix

    def resolve(self, node: Any, depth: int = 0) -> Any:
        """Follow local $refs (one level at a time, deeply for nested ones up to a limit)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 50:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"external $ref not supported: {ref}")
            target: Any = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **extra} if extra and isinstance(target, dict) else target
            seen += 1
        return node

    def schema(self, node: Any, depth: int = 0) -> Any:
        """Resolve a schema and its nested schemas (bounded depth, for generating samples)."""
        node = self.resolve(node)
        if depth > 6 or not isinstance(node, dict):
            return node
        out = dict(node)
        if "properties" in out:
            out["properties"] = {k: self.schema(v, depth + 1) for k, v in out["properties"].items()}
        if "items" in out and isinstance(out["items"], dict):
            out["items"] = self.schema(out["items"], depth + 1)
        for key in ("oneOf", "anyOf", "allOf"):
            if key in out:
                out[key] = [self.schema(s, depth + 1) for s in out[key]]
        return out

    def validator_for(self, schema: Any):
        """A JSON Schema 2020-12 validator whose local $refs resolve against the whole document."""
        try:
            import jsonschema
        except ImportError:
            return None
        if not isinstance(schema, dict):
            return None
        root = dict(schema)
        root.setdefault("components", self.doc.get("components", {}))
        root.pop("$schema", None)
        try:
            return jsonschema.Draft202012Validator(root)
        except Exception:
            return None


@dataclass
class Operation:
    method: str
    path: str
    op: dict
    params: list[dict]
    body_schema: Any
    body_media: str | None
    body_required: bool
    responses: dict
    public: bool

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def operations(spec: Spec) -> list[Operation]:
    ops = []
    global_security = spec.doc.get("security")
    for path, item in (spec.doc.get("paths") or {}).items():
        item = spec.resolve(item)
        common = [spec.resolve(p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            params = {(p["in"], p["name"]): p for p in common}
            params.update({(p["in"], p["name"]): p for p in (spec.resolve(x) for x in op.get("parameters", []))})
            body = spec.resolve(op.get("requestBody")) or {}
            content = body.get("content") or {}
            media = next((m for m in content if "json" in m), next(iter(content), None))
            schema = spec.schema(content[media].get("schema", {})) if media else None
            security = op.get("security", global_security)
            ops.append(Operation(
                method=method, path=path, op=op, params=[p for p in params.values()],
                body_schema=schema, body_media=media, body_required=bool(body.get("required")),
                responses=op.get("responses") or {}, public=security == [] or security is None,
            ))
    ops.sort(key=lambda o: METHOD_ORDER.get(o.method, 5))
    return ops


def first_type(schema: dict) -> str | None:
    t = schema.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), None)
    if t:
        return t
    if "properties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return None


def sample(spec: Spec, schema: Any, depth: int = 0) -> Any:
    """A plausible valid value for a schema (examples first)."""
    schema = spec.resolve(schema)
    if not isinstance(schema, dict):
        return "fuzz"
    for key in ("const", "default"):
        if key in schema:
            return copy.deepcopy(schema[key])
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    if schema.get("examples"):
        return copy.deepcopy(schema["examples"][0])
    if schema.get("enum"):
        return copy.deepcopy(schema["enum"][0])
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return sample(spec, schema[key][0], depth + 1)
    if schema.get("allOf"):
        merged: dict = {}
        for part in schema["allOf"]:
            value = sample(spec, part, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    t = first_type(schema)
    if t == "object":
        if depth > 4:
            return {}
        props = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        return {k: sample(spec, v, depth + 1) for k, v in props.items() if k in required or depth < 2}
    if t == "array":
        if depth > 4:
            return []
        n = max(1, schema.get("minItems", 1))
        return [sample(spec, schema.get("items", {}), depth + 1) for _ in range(min(n, 3))]
    if t == "integer":
        return int(max(schema.get("minimum", 1), 1) if "maximum" not in schema else schema.get("minimum", 0))
    if t == "number":
        return float(schema.get("minimum", 1.5))
    if t == "boolean":
        return True
    if t == "null":
        return None
    fmt = schema.get("format", "")
    value = {
        "email": "fuzz@example.org", "idn-email": "fuzz@example.org",
        "date-time": "2024-05-06T07:08:09Z", "date": "2024-05-06", "time": "07:08:09Z",
        "uuid": "3f2c6d5e-1b2a-4c3d-8e9f-0a1b2c3d4e5f", "uri": "http://127.0.0.1/fuzz",
        "url": "http://127.0.0.1/fuzz", "ipv4": "127.0.0.1", "hostname": "localhost",
    }.get(fmt, "fuzz")
    min_len = schema.get("minLength", 0)
    if len(value) < min_len:
        value = value + "x" * (min_len - len(value))
    max_len = schema.get("maxLength")
    if max_len is not None and len(value) > max_len:
        value = value[:max_len]
    return value


def unknown_id(schema: Any) -> str:
    """A syntactically valid id that names nothing (so DELETE and friends touch no real data)."""
    schema = schema if isinstance(schema, dict) else {}
    t = first_type(schema)
    if t == "integer":
        return str(min(schema.get("maximum", 2_000_000_000), 2_000_000_000))
    if schema.get("format") == "uuid":
        return str(uuid.uuid4())
    if schema.get("enum"):
        return str(schema["enum"][0])
    return "fuzz-unknown-" + uuid.uuid4().hex[:12]


def with_bad_utf8(body: Any) -> bytes:
    """The JSON of `body` with invalid UTF-8 bytes inside its first string field (or an added one)."""
    marker = "__fuzz_bad_utf8__"
    if isinstance(body, dict):
        key = next((k for k, v in body.items() if isinstance(v, str)), "__fuzz__")
        body = {**body, key: marker}
    else:
        body = marker
    return json.dumps(body).encode().replace(marker.encode(), b"\xff\xc3\x28\xed\xa0\x80")


def wrong_values(schema: dict) -> list[Any]:
    """Values of the wrong type for a schema."""
    t = first_type(schema) or "string"
    table = {
        "string": [12345, True, [], {"a": 1}, None, 1.5],
        "integer": ["abc", "1", 1.5, True, [], {}, None, 2**63, -(2**63) - 1, 10**30],
        "number": ["abc", True, [], {}, None, 10**400],
        "boolean": ["true", 1, 0, [], None],
        "array": [{}, "x", 1, None, [[[[[]]]]]],
        "object": [[], "x", 1, None, True],
    }
    return table.get(t, ["x", 1, None])


# --- requests and checks -----------------------------------------------------------------

@dataclass
class Req:
    method: str
    url: str
    label: str  # what was bad about it, for the report
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None


def shell_word(text: str) -> str:
    """shlex.quote(text), but long runs of one character become "$(python3 -c ...)" to keep it short."""
    out, pos = [], 0
    for m in re.finditer(r"([A-Za-z0-9 \[\]{}:,.<>%_-])\1{63,}", text):
        if m.start() > pos:
            out.append(shlex.quote(text[pos:m.start()]))
        out.append(f"\"$(python3 -c 'print(\"{m.group(1)}\"*{len(m.group(0))},end=\"\")')\"")
        pos = m.end()
    if pos < len(text) or not out:
        out.append(shlex.quote(text[pos:]))
    return "".join(out)


def is_parser_rejection(resp: requests.Response) -> bool:
    """The HTTP parser's answer to a malformed request head (such as a NUL byte in a header): an empty
    400 that closes the connection, sent before the application sees the request."""
    return (resp.status_code == 400 and not resp.content and "Content-Type" not in resp.headers
            and resp.headers.get("Connection", "").lower() == "close")


def curl_for(req: Req, token: str) -> str:
    parts = ["curl", "-sS", "-i", "-X", req.method.upper(), shell_word(req.url)]
    for name, value in req.headers.items():
        if name.lower() == "authorization" and token and token in value:
            parts += ["-H", f'"{name}: {value.replace(token, "$TOKEN")}"']
        else:
            parts += ["-H", shell_word(f"{name}: {value}")]
    if req.body is not None:
        try:
            text = req.body.decode("utf-8")
            if "\x00" in text:
                raise UnicodeDecodeError("utf-8", b"", 0, 1, "NUL")
            body = shell_word(text)
        except UnicodeDecodeError:
            body = "$'" + "".join(chr(b) if 32 <= b < 127 and b not in (39, 92) else f"\\x{b:02x}"
                                  for b in req.body) + "'"
        if len(body) > MAX_CURL_BODY:
            body = f"@body.bin  # {len(req.body)} bytes: {req.label}"
        parts += ["--data-binary", body]
    return " ".join(parts)


class BadInputPass:
    def __init__(self, spec: Spec, session: requests.Session, token: str, report: Report, deadline: float):
        self.spec = spec
        self.session = session
        self.token = token
        self.report = report
        self.deadline = deadline
        self.auth = {"Authorization": f"Bearer {token}"}
        self.id_cache: dict[str, Any] = {}

    # -- sending --
    def send(self, op: Operation | None, req: Req, doc_path: str) -> requests.Response | None:
        if time.monotonic() > self.deadline:
            raise OutOfTime()
        try:
            resp = self.session.request(
                req.method.upper(), req.url, headers=req.headers, data=req.body,
                timeout=REQUEST_TIMEOUT, allow_redirects=False,
            )
        except requests.Timeout:
            self.report.count_response(None)
            self.report.fail("bad-input", req.method, doc_path, None,
                             f"no response within {REQUEST_TIMEOUT:.0f} s ({req.label})", curl_for(req, self.token))
            return None
        except requests.ConnectionError as exc:
            self.report.count_response(None)
            self.report.fail("bad-input", req.method, doc_path, None,
                             f"connection failed: {exc} ({req.label})", curl_for(req, self.token))
            if not server_alive(self.session, self.spec.api_base):
                raise ServerGone(f"server stopped answering after: {curl_for(req, self.token)}") from None
            return None
        except requests.RequestException as exc:  # the client refused to send it: not the server's fault
            self.report.warnings.append(f"could not send {req.label}: {exc}")
            return None
        self.report.count_response(resp.status_code)
        self.check(op, req, doc_path, resp)
        return resp

    def check(self, op: Operation | None, req: Req, doc_path: str, resp: requests.Response) -> None:
        status = resp.status_code
        ctype = resp.headers.get("Content-Type", "")
        problems = []
        if status >= 500:
            problems.append(f"server error {status}")
        elif (400 <= status < 500 and status not in TRANSPORT_STATUSES and not is_parser_rejection(resp)
              and req.method.upper() != "HEAD"):
            if not ctype.lower().startswith("application/problem+json"):
                problems.append(f"{status} with Content-Type {ctype or '(none)'}, expected application/problem+json")
            else:
                try:
                    body = resp.json()
                except ValueError:
                    body = None
                    problems.append(f"{status} problem+json body is not JSON")
                if body is not None and not isinstance(body, dict):
                    problems.append(f"{status} problem+json body is not a JSON object")
                elif isinstance(body, dict) and "status" in body and body["status"] != status:
                    problems.append(f"problem+json says status {body['status']!r} but the response is {status}")
        if op is not None and not problems:
            problems += self.schema_problems(op, resp)
        for problem in problems:
            snippet = resp.text[:300].replace("\n", " ")
            self.report.fail("bad-input", req.method, doc_path, status,
                             f"{problem} ({req.label})\n      response: {snippet}", curl_for(req, self.token))

    def schema_problems(self, op: Operation, resp: requests.Response) -> list[str]:
        """If the status is documented with a JSON schema, the body must match it."""
        status = str(resp.status_code)
        documented = op.responses.get(status) or op.responses.get(status[0] + "XX") or op.responses.get("default")
        if documented is None:
            return []
        documented = self.spec.resolve(documented)
        content = documented.get("content") or {}
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        media = content.get(ctype)
        if media is None or "json" not in ctype or "schema" not in media:
            return []
        validator = self.spec.validator_for(media["schema"])
        if validator is None:
            return []
        try:
            body = resp.json()
        except ValueError:
            return [f"{status} {ctype} body is not JSON"]
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        if not errors:
            return []
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(root)"
        return [f"{status} body does not match the documented schema at {where}: {first.message[:200]}"]

    # -- building requests --
    def url(self, op: Operation, path_values: dict[str, str], query: list[tuple[str, str | None]] | None = None) -> str:
        path = op.path
        for name, value in path_values.items():
            path = path.replace("{" + name + "}", value)
        url = self.spec.api_base + path
        if query:
            url += "?" + "&".join(k if v is None else f"{k}={v}" for k, v in query)
        return url

    def real_id(self, op: Operation, param: dict) -> str | None:
        """An id that exists: the first item of the collection this path parameter indexes."""
        prefix = op.path.split("{" + param["name"] + "}")[0].rstrip("/")
        if prefix in self.id_cache:
            return self.id_cache[prefix]
        value = None
        if "{" not in prefix:
            try:
                resp = self.session.get(self.spec.api_base + prefix, headers=self.auth, timeout=REQUEST_TIMEOUT)
                self.report.count_response(resp.status_code)
                data = resp.json() if resp.ok else None
                items = data.get("items") if isinstance(data, dict) else data
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    item = items[0]
                    value = item.get(param["name"], item.get("id"))
            except (requests.RequestException, ValueError):
                value = None
        self.id_cache[prefix] = None if value is None else str(value)
        return self.id_cache[prefix]

    def path_values(self, op: Operation, real: bool) -> dict[str, str]:
        """Path parameters: ids that exist (real=True, where one can be found) or ids that surely don't."""
        values = {}
        for p in op.params:
            if p.get("in") != "path":
                continue
            value = self.real_id(op, p) if real else None
            if value is None:
                value = unknown_id(self.spec.schema(p.get("schema", {})))
            values[p["name"]] = quote(value, safe="")
        return values

    def base_query(self, op: Operation) -> list[tuple[str, str]]:
        query = []
        for p in op.params:
            if p.get("in") == "query" and p.get("required"):
                query.append((p["name"], quote(str(sample(self.spec, p.get("schema", {}))), safe="")))
        return query

    def base_headers(self, op: Operation, with_body: bool, path_values: dict[str, str]) -> dict[str, str]:
        headers = dict(self.auth)
        for p in op.params:
            if p.get("in") == "header" and p.get("required") and p["name"].lower() != "if-match":
                headers[p["name"]] = str(sample(self.spec, p.get("schema", {})))
        if op.method in ("put", "patch", "delete"):
            etag = self.etag(op, path_values)
            if etag:
                headers["If-Match"] = etag
        if with_body and op.body_media:
            headers["Content-Type"] = op.body_media
        return headers

    def etag(self, op: Operation, path_values: dict[str, str]) -> str | None:
        try:
            resp = self.session.get(self.url(op, path_values), headers=self.auth, timeout=REQUEST_TIMEOUT)
            self.report.count_response(resp.status_code)
            return resp.headers.get("ETag")
        except requests.RequestException:
            return None

    # -- the cases --
    def run(self, ops: list[Operation]) -> None:
        for op in ops:
            if op.method in ("head", "options", "trace"):
                continue
            self.run_operation(op)
        self.run_paths(ops)

    def run_operation(self, op: Operation) -> None:
        destructive = op.method == "delete"
        pv = self.path_values(op, real=not destructive)
        query = self.base_query(op)
        has_body = op.body_schema is not None
        headers = self.base_headers(op, has_body, pv)
        body = sample(self.spec, op.body_schema) if has_body else None

        def go(label: str, *, path_values=None, q=None, h=None, raw: bytes | None = None, obj: Any = ...) -> None:
            data = raw
            if data is None and obj is not ...:
                data = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
            elif data is None and has_body:
                data = json.dumps(body).encode()
            req = Req(op.method, self.url(op, path_values if path_values is not None else pv,
                                                    q if q is not None else query),
                      f"{op.label}: {label}", h if h is not None else headers, data)
            self.send(op, req, op.path)

        # A plausible request first (also creates data that later cases can use).
        go("sample request")

        # Authentication (public operations too: a bad token must not break them either).
        no_auth = {k: v for k, v in headers.items() if k != "Authorization"}
        go("no Authorization header", h=no_auth)
        go("garbage bearer token", h={**no_auth, "Authorization": "Bearer not-a-token"})
        go("huge bearer token", h={**no_auth, "Authorization": "Bearer " + "A" * LONG})
        go("basic auth instead of bearer", h={**no_auth, "Authorization": "Basic YWRtaW46YWRtaW4="})
        go("bearer token with a NUL byte", h={**no_auth, "Authorization": "Bearer a\x00b\x7f"})

        # Path parameters: unknown ids and junk.
        for p in (x for x in op.params if x.get("in") == "path"):
            bad_ids = ["0", "-1", "2147483648", "9223372036854775808", "99999999999999999999999",
                       str(uuid.uuid4()), "does-not-exist", "1.5", "%00", "%FF%FE", "..", "%2e%2e%2f",
                       quote("' OR '1'='1", safe=""), quote("\u00e4\U0001f600", safe=""), "A" * 5000]
            for bad in bad_ids:
                go(f"path parameter {p['name']}={bad[:40]}", path_values={**pv, p["name"]: bad})

        # Query parameters: wrong types, huge, meta characters, broken encoding, repeats.
        for p in (x for x in op.params if x.get("in") == "query"):
            name = p["name"]
            others = [(k, v) for k, v in query if k != name]
            t = first_type(self.spec.schema(p.get("schema", {}))) or "string"
            values = ["abc", "-1", "0", "1.5", "1e999", "99999999999999999999", "true", "", "%FF%FE", "%00",
                      "A" * LONG, quote("' OR '1'='1", safe=""), quote("%_%", safe=""), "%", "%zz"]
            if t == "string":
                values += [quote(s, safe="") for s in ODD_STRINGS]
            for v in values:
                go(f"query {name}={v[:40]}", q=others + [(name, v)])
            go(f"query {name} given twice", q=others + [(name, "1"), (name, "2")])
            go(f"query {name} without '='", q=others + [(name, None)])
        go("unknown query parameter", q=query + [("__fuzz_unknown__", "1")])

        # Header parameters.
        for p in (x for x in op.params if x.get("in") == "header"):
            for v in ["garbage", "", "A" * 6000, "\"*\"", "W/\"0\""]:
                go(f"header {p['name']}={v[:40]}", h={**headers, p["name"]: v})

        if not has_body:
            if op.method in ("post", "put", "patch"):
                go("unexpected JSON body", raw=b'{"__fuzz__": 1}', h={**headers, "Content-Type": "application/json"})
            return

        # Bodies: malformed JSON and wrong top-level types.
        for raw, label in [
            (b"", "empty body"), (b"{", "truncated JSON"), (b'{"a": }', "malformed JSON"),
            (b"{'a': 1}", "single-quoted JSON"), (b'{"a": 1} trailing', "trailing garbage"),
            (b"[" * 50_000 + b"]" * 50_000, "50,000 nested arrays"),
            (b'{"a":' * 20_000 + b"1" + b"}" * 20_000, "20,000 nested objects"),
            (b"\xff\xfe\xfd", "invalid UTF-8 body"), (b"\x00" * 16, "NUL bytes"),
            (b"\xef\xbb\xbf" + json.dumps(body).encode(), "UTF-8 BOM before JSON"),
            (with_bad_utf8(body), "invalid UTF-8 inside a string"),
            (b"[]", "array instead of object"), (b'"text"', "string instead of object"), (b"123", "number"),
            (b"null", "null"), (b"true", "boolean"), (b"1e999", "number out of range"),
            (json.dumps(body).encode() + b" " * (2 * 1024 * 1024), "2 MiB of trailing whitespace"),
        ]:
            go(label, raw=raw)
        go("wrong Content-Type (text/plain)", h={**headers, "Content-Type": "text/plain"})
        go("no Content-Type", h={k: v for k, v in headers.items() if k != "Content-Type"})
        go("form-encoded body", raw=b"title=x&queue=y",
           h={**headers, "Content-Type": "application/x-www-form-urlencoded"})

        if not isinstance(body, dict):
            return
        schema = op.body_schema if isinstance(op.body_schema, dict) else {}
        props = schema.get("properties") or {}
        go("empty object", obj={})
        go("extra unknown field", obj={**body, "__fuzz_extra__": "x"})
        for name in schema.get("required") or []:
            go(f"missing required field {name}", obj={k: v for k, v in body.items() if k != name})
        for name, prop in props.items():
            prop = self.spec.resolve(prop)
            for wrong in wrong_values(prop if isinstance(prop, dict) else {}):
                go(f"field {name} = {json.dumps(wrong)[:40]}", obj={**body, name: wrong})
            t = first_type(prop) if isinstance(prop, dict) else None
            if t in (None, "string"):
                go(f"field {name} = 'A' * {HUGE}", obj={**body, name: "A" * HUGE})
                for s in SQL_META + ODD_STRINGS:
                    go(f"field {name} = {s!r}", obj={**body, name: s})
                go(f"field {name} with a lone surrogate", obj={**body, name: "\ud800"})
            if t == "object" and isinstance(body.get(name), dict):
                # One level down: wrong types for the nested object's fields.
                nested = body[name]
                for sub, subprop in (prop.get("properties") or {}).items():
                    for wrong in wrong_values(self.spec.resolve(subprop) or {})[:3]:
                        go(f"field {name}.{sub} = {json.dumps(wrong)[:40]}",
                           obj={**body, name: {**nested, sub: wrong}})
                    go(f"field {name}.{sub} = 'A' * {HUGE}", obj={**body, name: {**nested, sub: "A" * HUGE}})
                    go(f"field {name}.{sub} = SQL", obj={**body, name: {**nested, sub: SQL_META[1]}})
            if t == "array":
                item = (body.get(name) or [None])[0]
                go(f"field {name} with 10,000 items", obj={**body, name: [item] * 10_000})
        go("every string field huge", obj={k: ("A" * HUGE if isinstance(v, str) else v) for k, v in body.items()})
        go("duplicate keys", raw=(json.dumps(body)[:-1] + ', "__dup__": 1, "__dup__": "x"}').encode()
           if json.dumps(body) != "{}" else b'{"__dup__": 1, "__dup__": "x"}')

    def run_paths(self, ops: list[Operation]) -> None:
        """Undocumented methods on documented paths, and an unknown path."""
        by_path: dict[str, set[str]] = {}
        for op in ops:
            by_path.setdefault(op.path, set()).add(op.method)
        for path, methods in by_path.items():
            fake = Operation("get", path, {}, [], None, None, False, {}, False)
            fake.params = next(o.params for o in ops if o.path == path)
            pv = self.path_values(fake, real=False)
            for method in ("get", "post", "put", "patch", "delete"):
                if method in methods:
                    continue
                req = Req(method, self.url(fake, pv), f"undocumented method {method.upper()} {path}", dict(self.auth))
                self.send(None, req, path)
        for junk in ("/__fuzz_unknown__", "/tickets/../../etc/passwd", "/%FF", "/" + "a" * 5000):
            req = Req("get", self.spec.api_base + junk, f"unknown path {junk[:40]}", dict(self.auth))
            self.send(None, req, junk[:60])


def server_alive(session: requests.Session, api_base: str) -> bool:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(api_base))
    for _ in range(3):
        try:
            session.get(origin + "/healthz", timeout=5)
            return True
        except requests.RequestException:
            time.sleep(1)
    return False


# --- schemathesis pass ---------------------------------------------------------------------

def run_schemathesis(spec: Spec, session: requests.Session, token: str, report: Report, examples: int,
                     deadline: float, seed: int, exclude: list[re.Pattern], canary: str | None) -> None:
    try:
        import hypothesis
        import schemathesis
        from hypothesis import HealthCheck, Phase, Verbosity, given, settings
        from schemathesis.checks import not_a_server_error
        from schemathesis.core.failures import Failure, FailureGroup
        from schemathesis.core.result import Ok
        from schemathesis.specs.openapi.checks import (
            content_type_conformance,
            response_schema_conformance,
            status_code_conformance,
        )
    except Exception as exc:  # noqa: BLE001 - any import problem means: fall back to pass 1 only
        report.warnings.append(f"schemathesis unusable ({exc!r}); only the bad-input pass ran")
        print(f"fuzz: WARNING: schemathesis unusable ({exc!r}); skipping its pass", file=sys.stderr)
        return

    # Keep Hypothesis' files out of the work tree, and remove them at exit.
    hyp_home = tempfile.mkdtemp(prefix="ticketwerk-fuzz-hyp.")
    TEMP_DIRS.append(hyp_home)
    hypothesis.configuration.set_hypothesis_home_dir(hyp_home)

    schema = schemathesis.openapi.from_dict(spec.doc)
    schema.config.update(base_url=spec.api_base)
    schema.config.output.sanitization.update(enabled=False)  # fix_curl() hides the token itself
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    auth = {"Authorization": f"Bearer {token}"}
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    # --examples is per operation: half valid data, half invalid (the valid half gets the odd one).
    per_mode = {modes[0]: max(1, examples - examples // 2), modes[1]: max(1, examples // 2)}

    results = list(schema.get_all_operations())
    ok_ops = []
    for result in results:
        if isinstance(result, Ok):
            ok_ops.append(result.ok())
        else:
            err = result.err()
            report.fail("schemathesis", "-", str(getattr(err, "path", "") or "?"), None,
                        f"operation cannot be used: {err}", "(the OpenAPI document)")
    ok_ops.sort(key=lambda o: METHOD_ORDER.get(o.method.lower(), 5))

    def run_one(operation, mode, strategy, max_examples: int) -> None:
        """Up to `max_examples` generated requests for one operation in one generation mode."""

        @hypothesis.seed(seed)
        @settings(max_examples=max_examples, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate],
                  verbosity=Verbosity.quiet, report_multiple_bugs=False, print_blob=False)
        @given(case=strategy)
        def test(case) -> None:
            if time.monotonic() > deadline:
                raise OutOfTime()
            try:
                response = case.call(session=session, headers=auth, timeout=REQUEST_TIMEOUT)
            except requests.RequestException as exc:
                report.count_response(None)
                curl = fix_curl(case.as_curl_command(headers=auth), token)
                report.fail("schemathesis", operation.method, operation.path, None,
                            f"no response: {exc.__class__.__name__}: {exc}", curl)
                if not server_alive(session, spec.api_base):
                    raise ServerGone(f"server stopped answering after: {curl}") from None
                return
            report.count_response(response.status_code)
            try:
                case.validate_response(response, checks=checks, headers=auth)
            except (FailureGroup, Failure) as exc:
                failures = list(exc.exceptions) if isinstance(exc, FailureGroup) else [exc]
                if response.status_code >= 500:  # the server error is the news; skip its side effects
                    failures = [f for f in failures if "not_a_server_error" in type(f).checks] or failures
                curl = fix_curl(case.as_curl_command(headers=auth), token)
                for failure in failures:
                    detail = _indent(failure.message) or _indent(response.content[:300].decode("utf-8", "replace"))
                    report.fail("schemathesis", operation.method, operation.path, response.status_code,
                                f"{failure.title} [{mode.value} data]\n      {detail}", curl, kind=failure.title)

        test()

    for operation in ok_ops:
        label = f"{operation.method.upper()} {operation.path}"
        if any(p.search(label) for p in exclude):
            print(f"fuzz: schemathesis: skipping {label} (--exclude)")
            continue
        for mode in modes:
            if time.monotonic() > deadline:
                raise OutOfTime()
            try:
                run_one(operation, mode, operation.as_strategy(generation_mode=mode), per_mode[mode])
            except (OutOfTime, ServerGone):
                raise
            except hypothesis.errors.Unsatisfiable as exc:
                report.warnings.append(f"{label} ({mode.value}): no data could be generated: {exc}")
            except Exception as exc:  # noqa: BLE001 - a schema problem schemathesis tripped over
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
                report.fail("schemathesis", operation.method, operation.path, None,
                            f"could not test this operation ({mode.value} data): "
                            f"{exc.__class__.__name__}: {first[:300]}", "(see the OpenAPI document)")
        if canary and not token_still_works(session, canary, auth):
            raise ServerGone(f"the API token stopped working after fuzzing {label}; "
                             f"exclude it with --exclude '{re.escape(label)}'")


def _indent(text: str) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()][:8]
    return "\n      ".join(line[:300] for line in lines)


def fix_curl(curl: str, token: str) -> str:
    """Schemathesis' curl command, with the token as $TOKEN and overlong commands cut."""
    curl = curl.split("\n\n")[0].replace(token, "$TOKEN")
    curl = curl.replace("'Authorization: Bearer $TOKEN'", '"Authorization: Bearer $TOKEN"')
    if len(curl) > 2 * MAX_CURL_BODY:
        curl = curl[: 2 * MAX_CURL_BODY] + f" ... [{len(curl)} characters, cut]"
    return curl


def token_still_works(session: requests.Session, url: str, auth: dict) -> bool:
    try:
        return session.get(url, headers=auth, timeout=REQUEST_TIMEOUT).status_code not in (401, 403)
    except requests.RequestException:
        return True  # not a token problem


def find_canary(spec: Spec, session: requests.Session, ops: list[Operation], auth: dict) -> str | None:
    """A GET without parameters that answers 200 with the token: used to notice a revoked token."""
    for op in ops:
        if op.method == "get" and "{" not in op.path and not op.public:
            url = spec.api_base + op.path
            try:
                if session.get(url, headers=auth, timeout=REQUEST_TIMEOUT).status_code == 200:
                    return url
            except requests.RequestException:
                return None
    return None


# --- main ----------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="server origin, e.g. http://127.0.0.1:8080 (loopback only)")
    parser.add_argument("--token", required=True, help="API bearer token")
    parser.add_argument("--examples", type=int, default=30,
                        help="schemathesis requests per operation, split between valid and invalid data (default 30)")
    parser.add_argument("--time-budget", type=float, default=900, help="seconds for the whole run (default 900)")
    parser.add_argument("--seed", type=int, default=20240501, help="Hypothesis seed (fixed: reproducible runs)")
    parser.add_argument("--spec-path", default="/api/v1/openapi.json", help="path of the OpenAPI document")
    parser.add_argument("--exclude", action="append", default=[], metavar="REGEX",
                        help="skip operations whose 'METHOD /path' matches (repeatable)")
    parser.add_argument("--skip-bad-input", action="store_true", help="skip the hand-written pass")
    parser.add_argument("--skip-schemathesis", action="store_true", help="skip the schemathesis pass")
    parser.add_argument("--show", type=int, default=40, help="list at most this many distinct failures")
    args = parser.parse_args()

    if not is_loopback(urlsplit(args.base).hostname):
        print(f"fuzz: --base must be a loopback address, not {args.base}", file=sys.stderr)
        return 2
    start = time.monotonic()
    deadline = start + args.time_budget
    session = make_session()
    auth = {"Authorization": f"Bearer {args.token}"}
    report = Report()
    exclude = [re.compile(x) for x in args.exclude]

    try:
        resp = session.get(args.base.rstrip("/") + args.spec_path, headers=auth, timeout=REQUEST_TIMEOUT)
        resp.raise_for_status()
        doc = resp.json()
    except (requests.RequestException, ValueError) as exc:
        print(f"fuzz: cannot load {args.spec_path}: {exc}", file=sys.stderr)
        return 2
    external = sorted({r for r in _refs(doc) if not r.startswith("#")})
    if external:
        print(f"fuzz: the OpenAPI document has external $refs (not allowed): {external[:5]}", file=sys.stderr)
        return 2
    spec = Spec(doc, args.base)
    try:
        ops = [o for o in operations(spec) if not any(p.search(o.label) for p in exclude)]
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        print(f"fuzz: cannot read the operations of the OpenAPI document: {exc!r}", file=sys.stderr)
        return 2
    print(f"fuzz: {len(ops)} operations in {args.spec_path} (openapi {doc.get('openapi', '?')}), "
          f"base {spec.api_base}, {args.examples} schemathesis examples per operation, seed {args.seed}")
    if not ops:
        print("fuzz: the document lists no operations", file=sys.stderr)
        return 2
    canary = find_canary(spec, session, ops, auth)

    aborted = None
    try:
        if not args.skip_bad_input:
            t0, n0 = time.monotonic(), report.requests
            BadInputPass(spec, session, args.token, report, deadline).run(ops)
            print(f"fuzz: bad-input pass: {report.requests - n0} requests in {time.monotonic() - t0:.1f} s")
        if not args.skip_schemathesis:
            t0, n0 = time.monotonic(), report.requests
            run_schemathesis(spec, session, args.token, report, args.examples, deadline, args.seed, exclude, canary)
            print(f"fuzz: schemathesis pass: {report.requests - n0} requests in {time.monotonic() - t0:.1f} s")
    except OutOfTime:
        report.warnings.append(f"time budget of {args.time_budget:.0f} s used up; the run stopped early")
    except ServerGone as exc:
        aborted = str(exc)

    warnings = list(dict.fromkeys(report.warnings))
    for warning in warnings[:20]:
        print(f"fuzz: warning: {warning}")
    if len(warnings) > 20:
        print(f"fuzz: ... and {len(warnings) - 20} more warnings")
    failures = list(report.failures.values())
    if failures:
        print(f"\nfuzz: {len(failures)} distinct failures (TOKEN: `ticketwerk token create --user admin`):")
        for f in failures[: args.show]:
            status = f.status if f.status is not None else "-"
            times = f" (x{f.count})" if f.count > 1 else ""
            print(f"\n  [{f.source}] {f.method} {f.path} -> {status}{times}\n      {f.reason}\n      {f.curl}")
        if len(failures) > args.show:
            print(f"\n  ... and {len(failures) - args.show} more")
    if aborted:
        print(f"\nfuzz: ABORTED: {aborted}")
    elapsed = time.monotonic() - start
    print(f"\nfuzz: {report.requests} requests, {report.server_errors} server errors, "
          f"{len(failures)} distinct failures in {elapsed:.0f} s")
    return 1 if failures or aborted else 0


def _refs(node: Any):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from _refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from _refs(v)


def _remove_temp_dirs() -> None:
    for path in TEMP_DIRS:
        shutil.rmtree(path, ignore_errors=True)


def _on_sigterm(*_: Any) -> None:
    # Hypothesis can swallow SystemExit mid-example, so leave at once.
    _remove_temp_dirs()
    os._exit(143)


if __name__ == "__main__":
    atexit.register(_remove_temp_dirs)
    signal.signal(signal.SIGTERM, _on_sigterm)
    sys.exit(main())
