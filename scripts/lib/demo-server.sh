# Sourced by scripts/fuzz, scripts/browser-test and scripts/bench-pages: `thidua serve` on a fresh demo school in an
# embedded cluster of its own (no DATABASE_URL), stopped and removed when the script exits. The caller sets BIN (the
# thidua binary); start_demo_server sets DATA (its folder), PORT, BASE and SERVE_PID.
#   start_demo_server NAME [arguments for thidua demo...]

stop_demo_server() {
    [ -n "${SERVE_PID:-}" ] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    env -u DATABASE_URL "$BIN" db stop --data-dir "$DATA/data" >/dev/null 2>&1 || true
    rm -rf "$DATA"
}

start_demo_server() {
    local name="$1"
    shift
    # A folder the PostgreSQL user can enter (mktemp -d would make it 0700 for this user only).
    DATA="/tmp/thidua-$name-$$-$RANDOM"
    mkdir -m 755 "$DATA"
    SERVE_PID=""
    trap stop_demo_server EXIT
    env -u DATABASE_URL "$BIN" demo --data-dir "$DATA/data" "$@" >/dev/null
    # A port below Linux's ephemeral range (32768-60999), where outgoing connections take theirs; if another program
    # still holds it, serve stops with "Address already in use" and the next try takes another port.
    local healthy=no
    for _ in 1 2 3 4 5; do
        PORT=$(( 20000 + RANDOM % 12000 ))
        env -u DATABASE_URL "$BIN" serve --data-dir "$DATA/data" --port "$PORT" >"$DATA/serve.log" 2>&1 &
        SERVE_PID=$!
        for _ in $(seq 1 80); do
            kill -0 "$SERVE_PID" 2>/dev/null || break
            [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$PORT/health")" = 200 ] && { healthy=yes; break; }
            sleep 0.25
        done
        [ "$healthy" = yes ] && break
        kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
        SERVE_PID=""
        grep -q 'Address already in use' "$DATA/serve.log" || break
    done
    if [ "$healthy" != yes ]; then
        echo "$name: thidua serve did not become healthy; its log:" >&2
        tail -20 "$DATA/serve.log" >&2
        exit 1
    fi
    BASE="http://127.0.0.1:$PORT"
}

# Fails the calling script when serve logged a 5xx.
check_no_server_errors() {
    if grep -q 'status=5' "$DATA/serve.log"; then
        echo "the server logged a 5xx:" >&2
        grep 'status=5' "$DATA/serve.log" | head -20 >&2
        return 1
    fi
}
