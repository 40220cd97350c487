# shellcheck shell=bash
# A private SMTP sink (aiosmtpd, scripts/smtp_sink.py) for the tests. Requires common.sh.
#
#   smtp_test_start   make a temp dir with a self-signed certificate for "localhost", start the sink,
#                     wait for DIR/sink.json, export TICKETWERK_TEST_SMTP=DIR. Registers smtp_test_stop on exit.
#   smtp_test_stop    stop the sink by its PID and delete the temp dir. Safe to call twice.
#
# DIR/sink.json: {"host", "plain", "starttls", "tls", "login" (ports), "username", "password", "caFile", "messages"};
# every accepted message is DIR/messages/NAME.eml with its envelope in NAME.json.

SMTP_TEST_DIR=""
SMTP_TEST_PID=""

smtp_test_start() {
    SMTP_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ticketwerk-test-smtp.XXXXXX")
    on_exit smtp_test_stop
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$SMTP_TEST_DIR/key.pem" -out "$SMTP_TEST_DIR/cert.pem" >"$SMTP_TEST_DIR/openssl.log" 2>&1 ||
        {
            cat "$SMTP_TEST_DIR/openssl.log" >&2
            die "SMTP sink: could not make a certificate"
        }
    python3 "$ROOT/scripts/smtp_sink.py" "$SMTP_TEST_DIR" </dev/null >"$SMTP_TEST_DIR/sink.log" 2>&1 &
    SMTP_TEST_PID=$!
    local i
    for ((i = 0; i < 100; i++)); do
        [[ -f $SMTP_TEST_DIR/sink.json ]] && break
        kill -0 "$SMTP_TEST_PID" 2>/dev/null || break
        sleep 0.2
    done
    [[ -f $SMTP_TEST_DIR/sink.json ]] || {
        cat "$SMTP_TEST_DIR/sink.log" >&2
        die "SMTP sink did not start"
    }
    export TICKETWERK_TEST_SMTP=$SMTP_TEST_DIR
    log "SMTP sink: ready, TICKETWERK_TEST_SMTP=$TICKETWERK_TEST_SMTP ($(cat "$SMTP_TEST_DIR/sink.json"))"
}

smtp_test_stop() {
    stop_pid "$SMTP_TEST_PID" 10
    SMTP_TEST_PID=""
    [[ -n $SMTP_TEST_DIR ]] && rm -rf "$SMTP_TEST_DIR"
    SMTP_TEST_DIR=""
}
