#!/usr/bin/env bash
# Run a local Keycloak (dev mode, loopback only) with a "portcullis" realm for
# end-to-end tests and for trying the sample app against a real identity provider.
#
# Usage: scripts/keycloak.sh start | stop | status | token <client> | provision | logs
# See `scripts/keycloak.sh help` for the environment variables.
set -euo pipefail

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_HOST=127.0.0.1
KEYCLOAK_HOME_DIR="${KEYCLOAK_HOME_DIR:-$HOME/.cache/portcullis/keycloak-$KEYCLOAK_VERSION}"
KEYCLOAK_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KEYCLOAK_ADMIN_USER="${KEYCLOAK_ADMIN_USER:-admin}"
KEYCLOAK_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-120}"
REALM=portcullis
AUDIENCE=orders-api

BASE_URL="http://$KEYCLOAK_HOST:$KEYCLOAK_PORT"
ISSUER="$BASE_URL/realms/$REALM"
TOKEN_URL="$ISSUER/protocol/openid-connect/token"
RUN_DIR="$KEYCLOAK_HOME_DIR/run"
PID_FILE="$RUN_DIR/keycloak.pid"
LOG_FILE="$RUN_DIR/keycloak.log"

# client id -> space separated scopes it gets by default; secret is "<client>-secret"
CLIENTS=(orders-reader orders-writer orders-admin)
declare -A CLIENT_SCOPES=(
  [orders-reader]="orders:read"
  [orders-writer]="orders:read orders:write"
  [orders-admin]="orders:read orders:write orders:admin"
)
ORDER_SCOPES=(orders:read orders:write orders:admin)

# Signing a user in (authorization code + PKCE, refresh, revocation) and acting for them
# (standard token exchange): a user, the web client they sign in with, whose tokens carry
# aud=orders-gateway, and the gateway API, which exchanges them for tokens for orders-api.
TEST_USER=alice
TEST_PASSWORD=alice-password
WEB_CLIENT=portcullis-web
GATEWAY_CLIENT=orders-gateway
API_CLIENT=orders-api
# client_credentials with orders:read, whose access tokens Keycloak binds to a DPoP key (RFC 9449)
DPOP_CLIENT=orders-dpop

log() { echo "keycloak: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat <<EOF
Usage: $0 <command>

Commands:
  start           download (first time), start Keycloak in the background on
                  $BASE_URL and provision the '$REALM' realm
  stop            stop the Keycloak started by 'start' and wait for it to exit
  status          tell whether it runs (exit code 0 when it does, 3 when not)
  token <client>  print an access token (client_credentials) for
                  ${CLIENTS[*]}
  provision       (re)check the realm against a running Keycloak and create it
                  when missing or incomplete
  logs            print the tail of the Keycloak log

Environment:
  KEYCLOAK_VERSION         Keycloak version (default $KEYCLOAK_VERSION)
  KEYCLOAK_PORT            HTTP port on 127.0.0.1 (default 8180)
  KEYCLOAK_HOME_DIR        unpacked distribution, data, pid and log files
                           (default \$HOME/.cache/portcullis/keycloak-<version>)
  KEYCLOAK_JAVA_HOME       JDK used to run Keycloak (default $KEYCLOAK_JAVA_HOME)
  KEYCLOAK_ADMIN_USER      bootstrap admin user (default admin)
  KEYCLOAK_ADMIN_PASSWORD  bootstrap admin password (default admin)
  KEYCLOAK_START_TIMEOUT   seconds to wait for readiness (default 120)
  KEYCLOAK_RESET_REALM=1   delete and recreate the realm on start/provision

Realm '$REALM' (issuer $ISSUER):
  client scopes orders:read orders:write orders:admin; access tokens carry aud=$AUDIENCE
  confidential clients (client_credentials, secret "<client>-secret"):
    orders-reader  -> orders:read
    orders-writer  -> orders:read orders:write
    orders-admin   -> orders:read orders:write orders:admin
  user $TEST_USER, password $TEST_PASSWORD
  $WEB_CLIENT (secret "$WEB_CLIENT-secret"): authorization code with PKCE S256, redirect URIs
    http://127.0.0.1:<any port>/<any path>, scope orders:read, refresh tokens (rotated: a
    refresh token works once), revocation; its access tokens carry aud=$GATEWAY_CLIENT
  $DPOP_CLIENT (secret "$DPOP_CLIENT-secret"): client_credentials with orders:read; its access
    tokens are DPoP-bound (RFC 9449): every token request needs a DPoP proof
  $GATEWAY_CLIENT (secret "$GATEWAY_CLIENT-secret"): standard token exchange (RFC 8693) of
    the tokens $WEB_CLIENT's users bring for tokens with audience=$API_CLIENT
  $API_CLIENT: the audience $AUDIENCE as a client, the target of the exchange
  A realm that lacks any of these (an older provisioning) is recreated.
EOF
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

is_running() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against a recycled pid: it must be our kc.sh, or the java process
  # that kc.sh exec's into after the first-run build
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null \
    | grep -qxF -e "$KEYCLOAK_HOME_DIR/bin/kc.sh" -e "-Dkc.home.dir=$KEYCLOAK_HOME_DIR/bin/.."
}

http_code() { curl -s -o /dev/null -w '%{http_code}' "$@" || true; }

# ---------------------------------------------------------------- install

install_dist() {
  if [[ -x "$KEYCLOAK_HOME_DIR/bin/kc.sh" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn is needed to download Keycloak"
  local t0 tmp zip
  t0="$(now)"
  mkdir -p "$(dirname "$KEYCLOAK_HOME_DIR")"
  tmp="$(mktemp -d "$(dirname "$KEYCLOAK_HOME_DIR")/.download.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  log "downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
  if ! mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$tmp" -Dmdep.overWriteIfNewer=true >"$tmp/mvn.log" 2>&1; then
    cat "$tmp/mvn.log" >&2
    die "could not fetch keycloak-quarkus-dist $KEYCLOAK_VERSION from Maven"
  fi
  zip="$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  [[ -f "$zip" ]] || die "download did not produce $zip"
  log "downloaded in $(elapsed "$t0") s; unpacking"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp/x"
  else
    mkdir -p "$tmp/x" && (cd "$tmp/x" && jar xf "$zip")
  fi
  local top
  top="$(find "$tmp/x" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
  [[ -f "$top/bin/kc.sh" ]] || die "unexpected archive layout"
  chmod +x "$top"/bin/*.sh
  rm -rf "$KEYCLOAK_HOME_DIR"
  mv "$top" "$KEYCLOAK_HOME_DIR"
  rm -rf "$tmp"
  trap - EXIT
  log "download+unpack took $(elapsed "$t0") s -> $KEYCLOAK_HOME_DIR"
}

# ---------------------------------------------------------------- start/stop

wait_ready() {
  local t0="$1" deadline=$((SECONDS + KEYCLOAK_START_TIMEOUT))
  local url="$BASE_URL/realms/master/.well-known/openid-configuration"
  local pid
  pid="$(cat "$PID_FILE")"
  while (( SECONDS < deadline )); do
    # plain liveness: right after the fork the command line is not kc.sh's yet
    if ! kill -0 "$pid" 2>/dev/null; then
      log "Keycloak exited during startup; last log lines:"
      tail -n 40 "$LOG_FILE" >&2 || true
      return 1
    fi
    if [[ "$(http_code "$url")" == 200 ]]; then
      sleep 0.2
      kill -0 "$pid" 2>/dev/null || continue # the answer came from someone else
      log "ready in $(elapsed "$t0") s"
      return 0
    fi
    sleep 1
  done
  log "not ready after $KEYCLOAK_START_TIMEOUT s; last log lines:"
  tail -n 40 "$LOG_FILE" >&2 || true
  return 1
}

cmd_start() {
  command -v curl >/dev/null || die "curl is needed"
  [[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ]] || die "no JDK at $KEYCLOAK_JAVA_HOME (set KEYCLOAK_JAVA_HOME)"
  install_dist
  mkdir -p "$RUN_DIR"
  if is_running; then
    log "already running (pid $(cat "$PID_FILE"))"
  else
    if [[ "$(http_code "$BASE_URL/")" != 000 ]]; then
      die "port $KEYCLOAK_PORT on $KEYCLOAK_HOST is already in use by another process"
    fi
    local t0
    t0="$(now)"
    log "starting Keycloak $KEYCLOAK_VERSION on $BASE_URL (log: $LOG_FILE)"
    # setsid: own session, so the server survives the calling shell
    JAVA_HOME="$KEYCLOAK_JAVA_HOME" \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      setsid "$KEYCLOAK_HOME_DIR/bin/kc.sh" start-dev \
        --http-host="$KEYCLOAK_HOST" --http-port="$KEYCLOAK_PORT" \
        --hostname="$BASE_URL" \
        </dev/null >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    wait_ready "$t0" || { stop_pid "$(cat "$PID_FILE")"; exit 1; }
  fi
  provision
  cat <<EOF

Keycloak $KEYCLOAK_VERSION is running (pid $(cat "$PID_FILE")); admin console $BASE_URL/admin ($KEYCLOAK_ADMIN_USER/$KEYCLOAK_ADMIN_PASSWORD)
Issuer:   $ISSUER
JWKS:     $ISSUER/protocol/openid-connect/certs
Clients:  orders-reader, orders-writer, orders-admin (secret: <client>-secret)
          $WEB_CLIENT (authorization code), $GATEWAY_CLIENT (token exchange), $API_CLIENT
User:     $TEST_USER / $TEST_PASSWORD
Example:
  curl -s -d grant_type=client_credentials -u orders-reader:orders-reader-secret \\
    $TOKEN_URL
  $0 token orders-admin
EOF
}

cmd_stop() {
  if ! is_running; then
    log "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  stop_pid "$(cat "$PID_FILE")"
}

stop_pid() {
  local pid="$1"
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after 30 s; killing its process group"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  if is_running; then
    local ready=no
    [[ "$(http_code "$ISSUER/.well-known/openid-configuration")" == 200 ]] && ready=yes
    echo "running (pid $(cat "$PID_FILE")) on $BASE_URL, realm $REALM ready: $ready"
  else
    echo "not running"
    return 3
  fi
}

# ---------------------------------------------------------------- admin API

json_field() { # json_field <name>: read a string field from JSON on stdin
  sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"
}

ADMIN_TOKEN=""
admin_login() {
  ADMIN_TOKEN="$(curl -sf "$BASE_URL/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KEYCLOAK_ADMIN_USER" \
    --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" | json_field access_token)" \
    || true
  [[ -n "$ADMIN_TOKEN" ]] || die "admin login failed (user $KEYCLOAK_ADMIN_USER); if $KEYCLOAK_HOME_DIR/data holds an older setup, remove that directory"
}

# admin <method> <path> [json]: call the admin API, fail on a non-2xx answer
admin() {
  local method="$1" path="$2" body="${3:-}" out code
  out="$(mktemp)"
  local args=(-s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $ADMIN_TOKEN")
  if [[ -n "$body" ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$body")
  fi
  code="$(curl "${args[@]}" "$BASE_URL/admin/realms$path" || true)"
  if [[ "$code" != 2* ]]; then
    log "$method /admin/realms$path -> HTTP $code: $(head -c 400 "$out")"
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

realm_complete() {
  [[ "$(http_code -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE_URL/admin/realms/$REALM")" == 200 ]] || return 1
  local c missing=()
  for c in "${CLIENTS[@]}" "$WEB_CLIENT" "$GATEWAY_CLIENT" "$API_CLIENT" "$DPOP_CLIENT"; do
    admin GET "/$REALM/clients?clientId=$c" | grep -q "\"clientId\":\"$c\"" \
      || missing+=("client $c")
  done
  admin GET "/$REALM/clients?clientId=$GATEWAY_CLIENT" \
    | grep -q '"standard.token.exchange.enabled":"true"' \
    || missing+=("token exchange of $GATEWAY_CLIENT")
  admin GET "/$REALM/clients?clientId=$DPOP_CLIENT" \
    | grep -q '"dpop.bound.access.tokens":"true"' \
    || missing+=("DPoP-bound tokens of $DPOP_CLIENT")
  admin GET "/$REALM/users?username=$TEST_USER&exact=true" \
    | grep -q "\"username\":\"$TEST_USER\"" || missing+=("user $TEST_USER")
  admin GET "/$REALM" | grep -q '"revokeRefreshToken":true' \
    || missing+=("refresh token rotation")
  if (( ${#missing[@]} > 0 )); then
    log "realm $REALM lacks: ${missing[*]}"
    return 1
  fi
}

scope_json() { # scope_json <name>
  cat <<EOF
{"name":"$1","protocol":"openid-connect","description":"Portcullis sample scope $1",
 "attributes":{"include.in.token.scope":"true","display.on.consent.screen":"false"}}
EOF
}

client_json() { # client_json <clientId> <scope...>
  local id="$1"; shift
  local scopes='"basic","orders-api-audience"' s
  for s in "$@"; do scopes+=",\"$s\""; done
  cat <<EOF
{"clientId":"$id","name":"$id","enabled":true,"protocol":"openid-connect",
 "publicClient":false,"clientAuthenticatorType":"client-secret","secret":"$id-secret",
 "serviceAccountsEnabled":true,"standardFlowEnabled":false,"implicitFlowEnabled":false,
 "directAccessGrantsEnabled":false,"fullScopeAllowed":false,
 "defaultClientScopes":[$scopes],"optionalClientScopes":[]}
EOF
}

provision() {
  admin_login
  if [[ "${KEYCLOAK_RESET_REALM:-0}" == 1 ]] \
    && [[ "$(http_code -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE_URL/admin/realms/$REALM")" == 200 ]]; then
    log "KEYCLOAK_RESET_REALM=1: deleting realm $REALM"
    admin DELETE "/$REALM" >/dev/null
  fi
  if realm_complete; then
    log "realm $REALM already provisioned"
    return 0
  fi
  if [[ "$(http_code -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE_URL/admin/realms/$REALM")" == 200 ]]; then
    log "realm $REALM is incomplete; recreating it"
    admin DELETE "/$REALM" >/dev/null
  fi
  local t0
  t0="$(now)"
  log "creating realm $REALM"
  # revokeRefreshToken without reuse: each refresh token works once (rotation)
  admin POST "" '{"realm":"'"$REALM"'","enabled":true,"accessTokenLifespan":300,
    "revokeRefreshToken":true,"refreshTokenMaxReuse":0}' >/dev/null
  local s c
  for s in "${ORDER_SCOPES[@]}"; do
    admin POST "/$REALM/client-scopes" "$(scope_json "$s")" >/dev/null
  done
  # audience: a scope without a scope-claim value whose mapper adds aud=orders-api
  admin POST "/$REALM/client-scopes" '{"name":"orders-api-audience","protocol":"openid-connect",
    "description":"Adds '"$AUDIENCE"' to the aud claim of access tokens",
    "attributes":{"include.in.token.scope":"false","display.on.consent.screen":"false"},
    "protocolMappers":[{"name":"audience '"$AUDIENCE"'","protocol":"openid-connect",
      "protocolMapper":"oidc-audience-mapper",
      "config":{"included.custom.audience":"'"$AUDIENCE"'","access.token.claim":"true",
                "id.token.claim":"false","introspection.token.claim":"true"}}]}' >/dev/null
  for c in "${CLIENTS[@]}"; do
    # shellcheck disable=SC2086 # the scope list is split on purpose
    admin POST "/$REALM/clients" "$(client_json "$c" ${CLIENT_SCOPES[$c]})" >/dev/null
  done
  # the same client, with DPoP-bound access tokens required
  admin POST "/$REALM/clients" "$(client_json "$DPOP_CLIENT" orders:read \
    | sed 's/"optionalClientScopes":\[\]/&,"attributes":{"dpop.bound.access.tokens":"true"}/')" >/dev/null
  provision_user_flows
  realm_complete || die "realm $REALM was not provisioned completely"
  log "realm $REALM provisioned in $(elapsed "$t0") s"
}

audience_scope_json() { # audience_scope_json <scope name> <client id>
  cat <<EOF
{"name":"$1","protocol":"openid-connect","description":"Adds $2 to the aud claim of access tokens",
 "attributes":{"include.in.token.scope":"false","display.on.consent.screen":"false"},
 "protocolMappers":[{"name":"audience $2","protocol":"openid-connect",
   "protocolMapper":"oidc-audience-mapper",
   "config":{"included.client.audience":"$2","access.token.claim":"true",
             "id.token.claim":"false","introspection.token.claim":"true"}}]}
EOF
}

provision_user_flows() {
  admin POST "/$REALM/users" '{"username":"'"$TEST_USER"'","enabled":true,
    "email":"'"$TEST_USER"'@example.com","emailVerified":true,"firstName":"Alice",
    "lastName":"Example","credentials":[{"type":"password","value":"'"$TEST_PASSWORD"'",
    "temporary":false}]}' >/dev/null
  # the target of the exchange: standard token exchange names audiences by client id
  admin POST "/$REALM/clients" '{"clientId":"'"$API_CLIENT"'","name":"'"$API_CLIENT"'",
    "enabled":true,"protocol":"openid-connect","publicClient":false,
    "clientAuthenticatorType":"client-secret","secret":"'"$API_CLIENT"'-secret",
    "standardFlowEnabled":false,"implicitFlowEnabled":false,"directAccessGrantsEnabled":false,
    "serviceAccountsEnabled":false}' >/dev/null
  admin POST "/$REALM/client-scopes" \
    "$(audience_scope_json "$GATEWAY_CLIENT-audience" "$GATEWAY_CLIENT")" >/dev/null
  admin POST "/$REALM/clients" '{"clientId":"'"$WEB_CLIENT"'","name":"'"$WEB_CLIENT"'",
    "enabled":true,"protocol":"openid-connect","publicClient":false,
    "clientAuthenticatorType":"client-secret","secret":"'"$WEB_CLIENT"'-secret",
    "standardFlowEnabled":true,"implicitFlowEnabled":false,"directAccessGrantsEnabled":false,
    "serviceAccountsEnabled":false,"fullScopeAllowed":false,
    "redirectUris":["http://127.0.0.1/*"],"webOrigins":[],
    "attributes":{"pkce.code.challenge.method":"S256","use.refresh.tokens":"true"},
    "defaultClientScopes":["basic","profile","'"$GATEWAY_CLIENT"'-audience"],
    "optionalClientScopes":["orders:read"]}' >/dev/null
  admin POST "/$REALM/clients" '{"clientId":"'"$GATEWAY_CLIENT"'","name":"'"$GATEWAY_CLIENT"'",
    "enabled":true,"protocol":"openid-connect","publicClient":false,
    "clientAuthenticatorType":"client-secret","secret":"'"$GATEWAY_CLIENT"'-secret",
    "standardFlowEnabled":false,"implicitFlowEnabled":false,"directAccessGrantsEnabled":false,
    "serviceAccountsEnabled":false,"fullScopeAllowed":false,
    "attributes":{"standard.token.exchange.enabled":"true"},
    "defaultClientScopes":["basic","orders-api-audience"],
    "optionalClientScopes":["orders:read"]}' >/dev/null
}

# ---------------------------------------------------------------- token

cmd_token() {
  local client="${1:-}"
  [[ -n "$client" ]] || die "usage: $0 token <client> (${CLIENTS[*]})"
  local resp token
  resp="$(curl -s "$TOKEN_URL" -d grant_type=client_credentials \
    -u "$client:$client-secret")" || die "no answer from $TOKEN_URL (is Keycloak running?)"
  token="$(printf '%s' "$resp" | json_field access_token)"
  [[ -n "$token" ]] || die "no token for $client: $resp"
  printf '%s\n' "$token"
}

case "${1:-help}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  token) shift; cmd_token "$@" ;;
  provision)
    is_running || die "Keycloak is not running; use '$0 start'"
    provision ;;
  logs) tail -n "${2:-100}" "$LOG_FILE" ;;
  help | -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
