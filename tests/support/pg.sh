#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the sync tests and bench: a cluster in a folder of its own, on
# 127.0.0.1 at a free port and a Unix socket in that folder, fsync off (it dies with the test).
#
#   pg.sh start DIR   initdb + pg_ctl start; writes DIR/env (PGHOST PGPORT PGUSER ADMIN_URL ...)
#   pg.sh stop DIR    fast shutdown, then removes DIR
#   pg.sh kill DIR    immediate shutdown (a crash: no checkpoint), keeps DIR
#   pg.sh restart DIR start again after stop-less kill, same port
#
# initdb refuses to run as root: as root the cluster runs as the system user intake-kiosk-pgtest
# (created here if missing, no login shell, no home). Authentication: the admin "ik_admin" over the
# socket (trust, owner only: the folder is 0700); over TCP every role needs its password
# (scram-sha-256), which is how the tests check a wrong password. The admin's password is in
# DIR/admin.pass, readable by the caller.
set -euo pipefail

bindir=/usr/lib/postgresql/15/bin
cmd=${1:?usage: pg.sh start|stop|kill|restart DIR}
dir=${2:?usage: pg.sh start|stop|kill|restart DIR}
[ -x "$bindir/initdb" ] || { echo "pg.sh: PostgreSQL 15 is missing ($bindir): run packaging/install-deps.sh" >&2; exit 1; }

runas=()
if [ "$(id -u)" -eq 0 ]; then
  user=intake-kiosk-pgtest
  id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  runas=(runuser -u "$user" --)
fi

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

pgctl() { "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" "$@"; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ ${#runas[@]} -gt 0 ] && chown "$user" "$dir"
    chmod 0711 "$dir"   # the server's user owns it; others may reach the socket by name only
    port=$(free_port)
    pass=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$pass" > "$dir/pwfile.tmp"
    [ ${#runas[@]} -gt 0 ] && chown "$user" "$dir/pwfile.tmp"
    "${runas[@]}" "$bindir/initdb" -D "$dir/data" -U ik_admin --pwfile="$dir/pwfile.tmp" \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { echo "pg.sh: initdb failed, see $dir/initdb.log" >&2; cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile.tmp"
    printf 'port = %s\nlisten_addresses = %s\nunix_socket_directories = %s\nfsync = off\nfull_page_writes = off\nmax_connections = 60\n' \
      "$port" "'127.0.0.1'" "'$dir'" >> "$dir/data/postgresql.conf"
    pgctl -w -t 30 start >/dev/null || { echo "pg.sh: the server did not start, see $dir/server.log" >&2; cat "$dir/server.log" >&2; exit 1; }
    umask 077
    printf '%s\n' "$pass" > "$dir/admin.pass"
    printf '127.0.0.1:%s:*:ik_admin:%s\n' "$port" "$pass" > "$dir/pgpass"
    cat > "$dir/env" <<ENV
PGPORT=$port
PGSOCKET=$dir
ADMIN_URL=postgresql://ik_admin@127.0.0.1:$port/postgres
PGPASSFILE=$dir/pgpass
ENV
    ;;
  kill)
    pgctl -m immediate stop >/dev/null 2>&1 || true ;;
  restart)
    pgctl -w -t 30 start >/dev/null || { echo "pg.sh: the server did not start again, see $dir/server.log" >&2; exit 1; } ;;
  stop)
    [ -d "$dir/data" ] && { pgctl -m fast -w stop >/dev/null 2>&1 || pgctl -m immediate stop >/dev/null 2>&1 || true; }
    rm -rf "$dir" ;;
  *) echo "pg.sh: unknown command $cmd" >&2; exit 2 ;;
esac
