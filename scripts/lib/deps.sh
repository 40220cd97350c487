# shellcheck shell=bash
# Installs what the test suite needs, only what is missing. Requires common.sh.
#
# Extend these lists when new tests need more.

# Debian packages the tests need: PostgreSQL, openssl, Dovecot for the IMAP tests (scripts/lib/imap.sh), and
# Chromium with its WebDriver for the browser tests (Tests/Browser).
TEST_APT_PACKAGES=(postgresql openssl dovecot-imapd chromium chromium-driver fonts-dejavu-core)

# PyPI requirements (pip syntax). schemathesis is pinned: scripts/fuzz_api.py is
# written against its 4.x Python API.
TEST_PIP_PACKAGES=(
    "schemathesis==4.32.5"
    "requests"
    "jsonschema"
    "aiosmtpd==1.4.6"
    "selenium==4.40.0"
)

# Run a command as root: directly if we are root, else through sudo if possible.
_as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        die "need root to run: $* (install it by hand, or run as root)"
    fi
}

_apt_missing() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$pkg"
    done
}

install_apt_packages() {
    local wanted=("${TEST_APT_PACKAGES[@]}") missing
    command -v python3 >/dev/null 2>&1 || wanted+=(python3)
    python3 -m pip --version >/dev/null 2>&1 || wanted+=(python3-pip)
    mapfile -t missing < <(_apt_missing "${wanted[@]}")
    if ((${#missing[@]} == 0)); then
        log "Debian packages: all present (${wanted[*]})"
        return 0
    fi
    log "Debian packages: installing ${missing[*]}"
    local apt_opts=(-q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    _quietly _as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update
    _quietly _as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install --no-install-recommends \
        "${missing[@]}"
}

# Run a command with its output kept aside; show it only if the command fails.
_quietly() {
    local out rc=0
    out=$(mktemp)
    "$@" </dev/null >"$out" 2>&1 || rc=$?
    if ((rc != 0)); then
        cat "$out" >&2
        rm -f "$out"
        die "failed (exit $rc): $*"
    fi
    rm -f "$out"
}

# Print the requirements from TEST_PIP_PACKAGES that are not installed (pinned ones: exact version).
_pip_missing() {
    python3 - "$@" <<'PY'
import sys
from importlib import metadata
for req in sys.argv[1:]:
    name, _, version = req.partition("==")
    try:
        have = metadata.version(name)
    except metadata.PackageNotFoundError:
        print(req)
        continue
    if version and have != version:
        print(req)
PY
}

install_pip_packages() {
    local missing
    mapfile -t missing < <(_pip_missing "${TEST_PIP_PACKAGES[@]}")
    if ((${#missing[@]} == 0)); then
        log "Python packages: all present (${TEST_PIP_PACKAGES[*]})"
        return 0
    fi
    log "Python packages: installing ${missing[*]}"
    # PIP_BREAK_SYSTEM_PACKAGES: Debian's own python3 refuses pip installs otherwise (PEP 668).
    _quietly env PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 \
        python3 -m pip install -q "${missing[@]}"
}
