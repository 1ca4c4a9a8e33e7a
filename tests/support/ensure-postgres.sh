#!/usr/bin/env bash
# Makes a local PostgreSQL reachable for the tests that prove the production path.
# Starts the machine's cluster (installed but stopped here) or installs Debian's postgresql when
# missing; creates role/password baton/baton. Prints nothing on success unless VERBOSE=1.
set -euo pipefail
PGURL_DEFAULT="postgresql://baton:baton@127.0.0.1:5432/postgres"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "ensure-postgres: installing Debian postgresql…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
fi

read -r version cluster status < <(pg_lsclusters --no-header | awk '{print $1, $2, $4; exit}')
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
  cluster=main status=down
fi
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start -- -o "-c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
fi
for _ in $(seq 1 50); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.2
done
su postgres -c "psql -qAt" >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baton') THEN
    CREATE ROLE baton LOGIN SUPERUSER PASSWORD 'baton';
  END IF;
END $$;
SQL
[ "${VERBOSE:-0}" = 1 ] && echo "$PGURL_DEFAULT"
exit 0
