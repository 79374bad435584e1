#!/usr/bin/env bash
# Installs what the test suites need beyond Rust (idempotently: present things are
# skipped), then runs every suite. This is the README's test command and all of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

need_apt=()
command -v python3 >/dev/null || need_apt+=(python3 python3-pip)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v node >/dev/null || need_apt+=(nodejs npm)
# Japanese glyphs for the browser suite's screenshots (Arabic is in the default fonts).
[ -d /usr/share/fonts/opentype/ipafont-gothic ] || need_apt+=(fonts-ipafont-gothic)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# A real SMTP server process on loopback for the mail tests.
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  log "installing aiosmtpd (pip)"
  python3 -m pip install --quiet --disable-pip-version-check aiosmtpd
fi

# A real PostgreSQL server on loopback for the second Store backend.
log "starting PostgreSQL"
read -r pg_dir pg_url < <(./scripts/pg.sh)
ad_dir=""
trap './scripts/pg.sh stop "$pg_dir"; [ -z "$ad_dir" ] || ./scripts/samba.sh stop "$ad_dir"' EXIT
export REKEY_TEST_PG_URL="$pg_url"

# A real Samba Active Directory domain controller on loopback for the AD adapter's tests.
log "starting a Samba AD domain controller"
ad_spec=$(./scripts/samba.sh)
ad_dir=${ad_spec%% *}
export REKEY_TEST_AD="$ad_spec"

log "cargo fmt --check and clippy (warnings fail the run)"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

log "cargo test"
# Benchmarks run once each as smoke tests (their tables come from `cargo bench`).
cargo test --all-targets --locked "$@"

# Playwright (with Debian's Chromium, no browser download) and axe-core for the browser suite.
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
  log "installing the browser suite's npm packages"
  (cd tests/browser && npm install --no-audit --no-fund --silent)
fi

log "the HTTP suites again, on PostgreSQL (a fresh database per test app)"
REKEY_TEST_STORE=postgres cargo test --locked "$@" \
  --test reset_flow --test enumeration --test reminders --test signins \
  --test channels --test smtp --test secrets_in_logs --test demo

log "browser suite: rekey demo in headless Chromium, axe-core on every page"
# A hard ceiling: a stuck browser or demo process fails the run instead of hanging CI.
(cd tests/browser && timeout --kill-after=10 600 node --test --test-timeout=120000 reset.test.mjs)
