#!/usr/bin/env bash
# Tests scripts/deploy-rsync for real: a throw-away sshd on a loopback port, a throw-away key,
# two deployments of a built site (the second after changes, a deletion among them), and each
# time the remote tree must equal the local one.
set -uo pipefail
cd "$(dirname "$0")/../.."
vernetzt=${VERNETZT:-.build/debug/vernetzt}
work=$(mktemp -d)
passed=0
failed=0
check() {  # check NAME COMMAND…
  if "${@:2}"; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}
cleanup() {
  [ -f "$work/sshd.pid" ] && kill "$(cat "$work/sshd.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/remote" /run/sshd 2>/dev/null || mkdir -p "$work/remote"
ssh-keygen -q -t ed25519 -N "" -f "$work/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
chmod 600 "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
CONFIG
/usr/sbin/sshd -f "$work/sshd_config" -E "$work/sshd.log"
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done

"$vernetzt" build --quiet --output "$work/site" || { echo "cannot build the site"; echo "0 passed, 1 failed"; exit 1; }

export DEPLOY_HOST=127.0.0.1 DEPLOY_PORT=$port DEPLOY_USER=$(id -un) DEPLOY_PATH="$work/remote"
export DEPLOY_SSH_KEY="$(cat "$work/client_key")"
export DEPLOY_KNOWN_HOSTS="[127.0.0.1]:$port $(cat "$work/host_key.pub")"

same_tree() { diff -r "$work/site" "$work/remote" >/dev/null; }

check "first deployment runs" scripts/deploy-rsync "$work/site"
check "remote equals the site after the first deployment" same_tree

rm "$work/site/impressum/index.html"; rmdir "$work/site/impressum"
echo "<!DOCTYPE html><title>neu</title>" > "$work/site/neu.html"
printf '\n<!-- geändert -->\n' >> "$work/site/index.html"
check "second deployment runs" scripts/deploy-rsync "$work/site"
check "remote equals the site after the second deployment" same_tree
check "the deleted page is gone remotely" test ! -e "$work/remote/impressum/index.html"
check "no temporary files are left remotely" test -z "$(find "$work/remote" -name '.~tmp~*' -print -quit)"

ssh-keygen -q -t ed25519 -N "" -f "$work/other_host_key"
check "a host with another key is refused" bash -c '! DEPLOY_KNOWN_HOSTS="$1" scripts/deploy-rsync "$0" 2>/dev/null' \
  "$work/site" "[127.0.0.1]:$port $(cat "$work/other_host_key.pub")"

echo "rsync deploy: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
