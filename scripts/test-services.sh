# Sourced by test.sh: a private D-Bus session with gnome-keyring (for QtKeychain) and,
# where installed, a throw-away PostgreSQL cluster on loopback. Everything stops on exit.

ms_start_services() {
    MS_SERVICES_DIR=$(mktemp -d /tmp/mirrorscope-services.XXXXXX)
    trap ms_stop_services EXIT

    if command -v dbus-daemon >/dev/null; then
        eval "$(dbus-launch --sh-syntax)"
        export DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID
        if command -v gnome-keyring-daemon >/dev/null; then
            # An empty password unlocks the login keyring without a prompt.
            eval "$(printf '\n' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
            eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
            export GNOME_KEYRING_CONTROL
        fi
    fi

    local pgbin
    # With MIRRORSCOPE_TEST_PG below: the suites that need PostgreSQL fail instead of skipping
    # when it is unset (no server installed or started), so CI never skips them silently.
    export MIRRORSCOPE_REQUIRE_PG=1
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ]; then
        local pgdata=$MS_SERVICES_DIR/pg port=${MS_PG_PORT:-55432}
        # Another run (a colleague's, a stale one) may hold the port: take the next free one.
        while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
        local runas=()
        [ "$(id -u)" -eq 0 ] && { chown -R postgres "$MS_SERVICES_DIR"; runas=(runuser -u postgres --); }
        "${runas[@]}" "$pgbin/initdb" -D "$pgdata" -U mirrorscope --auth=trust >/dev/null
        if ! "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$MS_SERVICES_DIR/pg.log" -w \
            -o "-k $MS_SERVICES_DIR -h 127.0.0.1 -p $port" start >/dev/null; then
            echo "test-services: PostgreSQL did not start on port $port:" >&2
            tail -5 "$MS_SERVICES_DIR/pg.log" >&2 || true
            return 1
        fi
        export MIRRORSCOPE_TEST_PG="postgresql://mirrorscope@127.0.0.1:$port/postgres"
        MS_PG=("${runas[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast stop)
    fi
}

ms_stop_services() {
    [ -n "${MS_PG+x}" ] && "${MS_PG[@]}" >/dev/null 2>&1 || true
    [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
    pkill -u "$(id -u)" -f "gnome-keyring-daemon.*secrets" 2>/dev/null || true
    rm -rf "${MS_SERVICES_DIR:?}"
}
