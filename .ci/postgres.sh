#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests of Powers.Hosting.PostgreSql, started the way a user starts one:
# the Debian package (installed with apt when missing), initdb and pg_ctl, run as the postgres user when we are
# root (the server refuses to run as root). It listens only on a Unix socket in a temporary directory, so it
# cannot collide with another server on the machine.
#
#   source .ci/postgres.sh
#   powers_postgres_start   # exports POWERS_TEST_POSTGRES (an Npgsql connection string),
#                           # POWERS_TEST_POSTGRES_STOP and POWERS_TEST_POSTGRES_START (shell commands the
#                           # server-restart test runs)
#   powers_postgres_stop    # stops the server and deletes the directory

powers_postgres_start() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    echo "installing postgresql (apt)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  POWERS_PG_DIR=$(mktemp -d /tmp/powers-pg.XXXXXX)
  local as=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$POWERS_PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$POWERS_PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$POWERS_PG_DIR/initdb.log" 2>&1 \
    || { cat "$POWERS_PG_DIR/initdb.log"; return 1; }
  local options="-c listen_addresses='' -k $POWERS_PG_DIR -p 5432"
  POWERS_TEST_POSTGRES_START="${as[*]} $bin/pg_ctl -D $POWERS_PG_DIR/data -o \"$options\" -l $POWERS_PG_DIR/server.log -w -t 30 start"
  POWERS_TEST_POSTGRES_STOP="${as[*]} $bin/pg_ctl -D $POWERS_PG_DIR/data -m immediate -w -t 30 stop"
  POWERS_TEST_POSTGRES="Host=$POWERS_PG_DIR;Port=5432;Username=postgres;Database=postgres"
  export POWERS_PG_DIR POWERS_TEST_POSTGRES POWERS_TEST_POSTGRES_START POWERS_TEST_POSTGRES_STOP
  bash -c "$POWERS_TEST_POSTGRES_START" >/dev/null || { cat "$POWERS_PG_DIR/server.log"; return 1; }
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $POWERS_PG_DIR/.s.PGSQL.5432"
}

powers_postgres_stop() {
  [ -n "${POWERS_PG_DIR:-}" ] || return 0
  bash -c "${POWERS_TEST_POSTGRES_STOP/-m immediate/-m fast}" >/dev/null 2>&1
  rm -rf "$POWERS_PG_DIR"
  unset POWERS_PG_DIR
}
