# shellcheck shell=bash
# A private, throw-away Dovecot IMAP server for the mail tests. Requires common.sh and Debian's dovecot-imapd.
#
#   imap_test_start   write a private config into a temp dir (nothing under /etc/dovecot is read), generate a
#                     CA and a server certificate for 127.0.0.1, start Dovecot on two free ports of 127.0.0.1
#                     (plain with STARTTLS, and implicit TLS) and export:
#                       TICKETWERK_TEST_IMAP           127.0.0.1:PORT (plain; STARTTLS offered)
#                       TICKETWERK_TEST_IMAPS          127.0.0.1:PORT (implicit TLS)
#                       TICKETWERK_TEST_IMAP_CA        the CA certificate (PEM) to trust
#                       TICKETWERK_TEST_IMAP_PASSWORD  the password of every user
#                     Every user name signs in with that password and gets its own Maildir, so each test can
#                     use a mailbox of its own. Registers imap_test_stop on exit.
#   imap_test_stop    stop Dovecot and delete the temp dir. Safe to call twice.

IMAP_TEST_DIR=""
IMAP_TEST_PID=""

imap_test_start() {
    command -v dovecot >/dev/null 2>&1 || die "dovecot not found (Debian package dovecot-imapd)"
    command -v openssl >/dev/null 2>&1 || die "openssl not found"
    imap_test_reap_stale

    IMAP_TEST_DIR=$(mktemp -d "/tmp/ticketwerk-test-imap.XXXXXX")
    on_exit imap_test_stop
    echo "$$" >"$IMAP_TEST_DIR/owner.pid"
    chmod 755 "$IMAP_TEST_DIR"
    mkdir -p "$IMAP_TEST_DIR/run" "$IMAP_TEST_DIR/state" "$IMAP_TEST_DIR/mail"

    _imap_make_certificates

    # As root, Dovecot's own users run the login and mail processes; otherwise everything runs as us.
    local login_user internal_user mail_user
    if [[ $EUID -eq 0 ]]; then
        login_user=dovenull internal_user=dovecot mail_user=dovecot
        chown dovecot: "$IMAP_TEST_DIR/mail"
    else
        login_user=$(id -un) internal_user=$(id -un) mail_user=$(id -un)
    fi
    local mail_uid mail_gid
    mail_uid=$(id -u "$mail_user")
    mail_gid=$(id -g "$mail_user")

    local port imaps_port
    port=$(free_port 0)
    imaps_port=$(free_port 0)
    [[ $port != "$imaps_port" ]] || imaps_port=$(free_port 0)
    IMAP_TEST_PASSWORD="imap-test-$RANDOM$RANDOM"

    cat >"$IMAP_TEST_DIR/dovecot.conf" <<CONF
base_dir = $IMAP_TEST_DIR/run
state_dir = $IMAP_TEST_DIR/state
log_path = $IMAP_TEST_DIR/dovecot.log
protocols = imap
listen = 127.0.0.1
default_login_user = $login_user
default_internal_user = $internal_user
first_valid_uid = $mail_uid
disable_plaintext_auth = no
auth_mechanisms = plain login
ssl = yes
ssl_cert = <$IMAP_TEST_DIR/server.pem
ssl_key = <$IMAP_TEST_DIR/server.key
mail_location = maildir:$IMAP_TEST_DIR/mail/%u
passdb {
  driver = static
  args = password=$IMAP_TEST_PASSWORD
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$IMAP_TEST_DIR/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
CONF

    log "Dovecot: starting $(dovecot --version | awk '{print $1}') on 127.0.0.1:$port (STARTTLS) and :$imaps_port (TLS)"
    dovecot -F -c "$IMAP_TEST_DIR/dovecot.conf" </dev/null >"$IMAP_TEST_DIR/stdout.log" 2>&1 &
    IMAP_TEST_PID=$!

    local i
    for ((i = 0; i < 300; i++)); do
        _imap_port_open "$port" && _imap_port_open "$imaps_port" && break
        if ! kill -0 "$IMAP_TEST_PID" 2>/dev/null; then
            cat "$IMAP_TEST_DIR/stdout.log" "$IMAP_TEST_DIR/dovecot.log" >&2 2>/dev/null
            die "Dovecot exited at start"
        fi
        sleep 0.1
    done
    _imap_port_open "$port" || die "Dovecot does not listen on 127.0.0.1:$port"

    export TICKETWERK_TEST_IMAP="127.0.0.1:$port"
    export TICKETWERK_TEST_IMAPS="127.0.0.1:$imaps_port"
    export TICKETWERK_TEST_IMAP_CA="$IMAP_TEST_DIR/ca.pem"
    export TICKETWERK_TEST_IMAP_PASSWORD="$IMAP_TEST_PASSWORD"
    log "Dovecot: ready, TICKETWERK_TEST_IMAP=$TICKETWERK_TEST_IMAP TICKETWERK_TEST_IMAPS=$TICKETWERK_TEST_IMAPS"
}

# A CA, and a server certificate it signed for 127.0.0.1 and localhost (valid for two days).
_imap_make_certificates() {
    local dir=$IMAP_TEST_DIR
    {
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Ticketwerk test CA" \
            -keyout "$dir/ca.key" -out "$dir/ca.pem" &&
            openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" &&
            printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$dir/server.ext" &&
            openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
                -extfile "$dir/server.ext" -out "$dir/server.pem"
    } >"$dir/openssl.log" 2>&1 || {
        cat "$dir/openssl.log" >&2
        die "cannot generate the test certificates"
    }
    chmod 644 "$dir/ca.pem" "$dir/server.pem"
}

_imap_port_open() {
    python3 -c 'import socket,sys; s=socket.socket(); s.settimeout(0.5); sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))))' "$1"
}

# Stop the Dovecot of an earlier run that was killed outright (its owner.pid names a dead process).
imap_test_reap_stale() {
    local dir owner pid
    for dir in /tmp/ticketwerk-test-imap.*; do
        [[ -f $dir/owner.pid ]] || continue
        owner=$(cat "$dir/owner.pid" 2>/dev/null || true)
        [[ -n $owner ]] && kill -0 "$owner" 2>/dev/null && continue
        log "Dovecot: removing the server of an earlier, killed run ($dir)"
        pid=$(cat "$dir/run/master.pid" 2>/dev/null || true)
        [[ -n $pid ]] && stop_pid "$pid" 10
        rm -rf "$dir"
    done
}

imap_test_stop() {
    [[ -n $IMAP_TEST_DIR && -d $IMAP_TEST_DIR ]] || return 0
    if [[ -n $IMAP_TEST_PID ]]; then
        log "Dovecot: stopping"
        stop_pid "$IMAP_TEST_PID" 10
    fi
    rm -rf "$IMAP_TEST_DIR"
    IMAP_TEST_DIR="" IMAP_TEST_PID=""
}
