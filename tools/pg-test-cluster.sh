#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback, then removes the cluster
# (also when the command fails or is interrupted). The cluster's URL is exported as
# BRANCHDESK_TEST_POSTGRES_URL for the server tests. Usage: tools/pg-test-cluster.sh CMD [ARGS...]
# Without PostgreSQL's binaries (see tools/ensure-system-deps.sh) it runs CMD without the variable.
set -euo pipefail
bindir=""
for candidate in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
    bindir="$candidate"
  fi
done
if [ -z "$bindir" ]; then
  echo "PostgreSQL not installed: its tests are skipped (they fail in CI)" >&2
  exec "$@"
fi
workdir="$(mktemp -d /tmp/branchdesk-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user (or nobody).
  owner=postgres; id -u postgres >/dev/null 2>&1 || owner=nobody
  chown "$owner" "$workdir"
  as_owner=(runuser -u "$owner" --)
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT INT TERM
"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U postgres --auth=trust -E UTF8 \
  --no-locale >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$workdir \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  >/dev/null
export BRANCHDESK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
echo "Throwaway PostgreSQL on 127.0.0.1:$port"
status=0
"$@" || status=$?
exit "$status"
