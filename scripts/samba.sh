#!/usr/bin/env bash
# Starts a throwaway Samba Active Directory domain controller on loopback (LDAPS on
# 127.0.0.1:636) with a test CA whose server certificate names 127.0.0.1, so rustls can verify
# it (shared/AD.md). Installs samba from Debian's packages if missing.
# Prints: DIR LDAPS_URL BASE_DN ADMIN_DN CA_FILE.  `scripts/samba.sh stop DIR` stops it.
# The admin password is in DIR/admin-password (a test secret, never a real one). With KEEP=1
# a DC that fails to start keeps its folder, for the logs.
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
  dir=$2
  if [ -f "$dir/samba.pid" ]; then
    kill "$(cat "$dir/samba.pid")" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$(cat "$dir/samba.pid")" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
  exit 0
fi

# samba starts winbindd as a child and stops when it cannot; the tests use ldbmodify.
if ! command -v samba-tool >/dev/null || ! command -v winbindd >/dev/null \
   || ! command -v ldbmodify >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq samba winbind ldb-tools ldap-utils >&2
fi

realm=CORP.CONTOSO.TEST
domain=CORP
base_dn="DC=corp,DC=contoso,DC=test"
password='Adm1n!Passw0rd-Test'

dir=$(mktemp -d /tmp/rekey-samba.XXXXXX)
trap 'echo "samba.sh failed; logs in $dir" >&2' ERR
echo "$password" > "$dir/admin-password"
chmod 600 "$dir/admin-password"

# Provisioning refuses to run with a system smb.conf in place; give it an empty one of its
# own instead of deleting the machine's file.
: > "$dir/provision.conf"
samba-tool domain provision --realm="$realm" --domain="$domain" --server-role=dc \
  --dns-backend=NONE --adminpass="$password" --targetdir="$dir" \
  --option="interfaces=lo" --option="bind interfaces only=yes" \
  --configfile="$dir/provision.conf" >"$dir/provision.log" 2>&1

# A test CA and a server certificate with subjectAltName (Samba's own has only a CN).
tls="$dir/tls"
mkdir -p "$tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Rekey test CA" \
  -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=dc1.corp.contoso.test" \
  -keyout "$tls/key.pem" -out "$tls/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:dc1.corp.contoso.test,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' \
  > "$tls/ext.cnf"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
  -CAcreateserial -days 2 -extfile "$tls/ext.cnf" -out "$tls/cert.pem" 2>/dev/null
chmod 600 "$tls/key.pem" "$tls/ca.key"
# An old password stays valid for an hour after a change by default; tests check at once.
sed -i "/^\[global\]/a\\
\told password allowed period = 0\\
\ttls enabled = yes\\
\ttls keyfile = $tls/key.pem\\
\ttls certfile = $tls/cert.pem\\
\ttls cafile = $tls/ca.pem" "$dir/etc/smb.conf"

# The domain policy the AD tests rely on, set explicitly (these are also provisioning's
# defaults): complexity, 24 remembered passwords, 7 characters at least.
samba-tool domain passwordsettings set -s "$dir/etc/smb.conf" \
  --complexity=on --history-length=24 --min-pwd-length=7 >>"$dir/provision.log" 2>&1

samba -s "$dir/etc/smb.conf" -i -M single >"$dir/samba.log" 2>&1 &
echo $! > "$dir/samba.pid"

for _ in $(seq 150); do
  if openssl s_client -connect 127.0.0.1:636 -CAfile "$tls/ca.pem" -verify_ip 127.0.0.1 \
       -verify_return_error </dev/null >/dev/null 2>&1; then
    echo "$dir ldaps://127.0.0.1:636 $base_dn CN=Administrator,CN=Users,$base_dn $tls/ca.pem"
    exit 0
  fi
  sleep 0.2
done
echo "samba did not answer on LDAPS; see $dir/samba.log" >&2
[ -n "${KEEP:-}" ] || "$0" stop "$dir"
exit 1
