#!/usr/bin/env bash
# scripts/services/postgres.sh {start|stop|status|url|reset}
#
# A private PostgreSQL 15 + PostGIS 3 cluster for Apotheca's tests (no Docker).
#   start   install postgresql-15 / postgresql-15-postgis-3 with apt if missing, initdb our own
#           cluster on first use, start it, create role+db "apotheca" with postgis and pg_trgm.
#           Idempotent: a second start while running is a fast no-op.
#           stdout is exactly one line, DATABASE_URL=..., so `export "$(postgres.sh start)"` works;
#           progress goes to stderr.
#   stop    fast shutdown (waits)
#   status  exit 0 when running and accepting connections, 3 otherwise
#   url     print the connection URL
#   reset   stop and delete the data dir (next start re-initialises)
#
# Environment:
#   APOTHECA_SERVICES_DIR  base dir for server state (default /tmp/apotheca-services)
#   APOTHECA_PG_DIR        data dir (default $APOTHECA_SERVICES_DIR/pg)
#   APOTHECA_PG_PORT       TCP port on 127.0.0.1 (default 54329)
#
# The Debian default cluster (15/main, port 5432) is never used or touched. Binaries come from
# /usr/lib/postgresql/15/bin explicitly (/usr/local/bin/pg_ctl may be something else).
set -euo pipefail

PG_VERSION=15
PGBIN="/usr/lib/postgresql/${PG_VERSION}/bin"
SERVICES_DIR="${APOTHECA_SERVICES_DIR:-/tmp/apotheca-services}"
PGDATA="${APOTHECA_PG_DIR:-$SERVICES_DIR/pg}"
PORT="${APOTHECA_PG_PORT:-54329}"
LOGFILE="$PGDATA/postgres.log"
DB_USER=apotheca
DB_PASSWORD=apotheca
DB_NAME=apotheca
URL="postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${PORT}/${DB_NAME}"

log() { echo "postgres.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# root cannot run postgres: run server-side commands as the postgres OS user.
# A non-root developer runs the cluster as themselves.
if [ "$(id -u)" = 0 ]; then
  RUN_AS_USER=postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  RUN_AS_USER="$(id -un)"
  as_pg() { "$@"; }
fi

packages_missing() {
  local missing=() p
  for p in "postgresql-${PG_VERSION}" "postgresql-${PG_VERSION}-postgis-3"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  [ -x "$PGBIN/postgres" ] || missing+=("postgresql-${PG_VERSION}")
  [ ${#missing[@]} -eq 0 ] && return 1
  printf '%s\n' "${missing[@]}" | sort -u
}

install_if_missing() {
  local missing
  missing="$(packages_missing)" || return 0
  missing="$(echo "$missing" | tr '\n' ' ')"
  missing="${missing% }"
  [ "$(id -u)" = 0 ] || die "missing packages: $missing; run as root or: sudo apt-get install -y $missing"
  log "installing $missing with apt-get"
  # When the server package itself is new, do not let it create (and start) Debian's default
  # 15/main cluster: we never use it.
  case " $missing " in
    *" postgresql-${PG_VERSION} "*)
      mkdir -p /etc/postgresql-common/createcluster.d
      [ -e /etc/postgresql-common/createcluster.d/apotheca-no-main-cluster.conf ] ||
        echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/apotheca-no-main-cluster.conf
      ;;
  esac
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p "$SERVICES_DIR"
  local aptlog="$SERVICES_DIR/apt-install.log"
  # shellcheck disable=SC2086
  if ! { apt-get update -q && apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends $missing; } >"$aptlog" 2>&1; then
    tail -n 30 "$aptlog" >&2
    die "apt-get install failed (full log: $aptlog)"
  fi
  log "installed (log: $aptlog)"
  [ -x "$PGBIN/postgres" ] || die "apt-get finished but $PGBIN/postgres is missing"
}

is_running() {
  [ -f "$PGDATA/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

accepting() {
  "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d "$DB_NAME" -U "$DB_USER" -t 1
}

init_cluster() {
  [ -f "$PGDATA/PG_VERSION" ] && return 0
  log "initdb $PGDATA (owner $RUN_AS_USER)"
  mkdir -p "$(dirname "$PGDATA")"
  # every ancestor must be traversable by the postgres user
  chmod 0755 "$SERVICES_DIR" 2>/dev/null || true
  if [ -e "$PGDATA" ] && [ -n "$(ls -A "$PGDATA" 2>/dev/null)" ]; then
    die "$PGDATA exists, is not empty and is not a cluster; remove it or run '$0 reset'"
  fi
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  as_pg test -x "$PGDATA" || die "user $RUN_AS_USER cannot reach $PGDATA (a parent dir is not traversable?)"
  local pwfile
  pwfile="$(mktemp)"
  echo postgres > "$pwfile"
  chmod 0644 "$pwfile"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$PGDATA.initdb.log" 2>&1 ||
    { rm -f "$pwfile"; cat "$PGDATA.initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile" "$PGDATA.initdb.log"
  echo "include_if_exists = 'apotheca.conf'" | as_pg tee -a "$PGDATA/postgresql.conf" >/dev/null
}

write_conf() {
  # rewritten on every start so APOTHECA_PG_PORT can change between runs
  as_pg tee "$PGDATA/apotheca.conf" >/dev/null <<EOF
# written by scripts/services/postgres.sh: test-only settings, never use in production
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA'
max_connections = 200
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 1GB
timezone = 'UTC'
log_timezone = 'UTC'
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
}

bootstrap_sql() {
  # local socket + trust as the postgres superuser
  as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDATA" -p "$PORT" -U postgres -d postgres >/dev/null <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
EOF
  # through TCP with the URL the tests use: checks the password and the extensions
  PGCONNECT_TIMEOUT=5 "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$URL" >/dev/null <<'EOF'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SELECT postgis_version(), similarity('apotheca', 'apotheka');
EOF
}

start() {
  install_if_missing
  mkdir -p "$SERVICES_DIR"
  exec 9>"$SERVICES_DIR/.postgres.lock"
  flock -w 120 9 || die "another postgres.sh start holds $SERVICES_DIR/.postgres.lock"

  if is_running && accepting; then
    log "already running ($PGDATA, port $PORT)"
  else
    init_cluster
    write_conf
    if ! is_running; then
      [ -f "$PGDATA/postmaster.pid" ] && log "removing stale postmaster.pid" && rm -f "$PGDATA/postmaster.pid"
      if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        die "port $PORT is already in use by another process; set APOTHECA_PG_PORT"
      fi
      log "starting on 127.0.0.1:$PORT (log $LOGFILE)"
      # 9>&- : the server must not inherit the lock fd, or the lock lives as long as the server
      as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$LOGFILE" -w -t 60 -s start 9>&- </dev/null >/dev/null ||
        { tail -n 30 "$LOGFILE" >&2 || true; die "pg_ctl start failed"; }
    fi
    local _
    for _ in $(seq 1 100); do accepting && break; sleep 0.1; done
    accepting || { tail -n 30 "$LOGFILE" >&2 || true; die "not accepting connections on 127.0.0.1:$PORT"; }
  fi
  bootstrap_sql || die "bootstrapping role/database/extensions failed (see $LOGFILE)"
  echo "DATABASE_URL=$URL"
}

stop() {
  if is_running; then
    log "stopping ($PGDATA)"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 -s stop
  else
    log "not running"
  fi
}

status() {
  if is_running && accepting; then
    echo "running: $URL (data $PGDATA)"
  else
    echo "stopped (data $PGDATA)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "$URL" ;;
  reset) stop; log "deleting $PGDATA"; rm -rf "$PGDATA" ;;
  *) echo "usage: $0 {start|stop|status|url|reset}" >&2; exit 2 ;;
esac
