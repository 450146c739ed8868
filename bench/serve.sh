#!/bin/bash
# `orglineage serve` under load and faults, against peers in the same run on the same machine:
#   1. GET /who?area=E06000045&on=2014-06-01 at 64 connections for 20 s (wrk), against nginx
#      (nginx-light) serving the same JSON bytes as a static file, and against a Python peer
#      (FastAPI on uvicorn, networkx) answering the same question;
#   2. a 60 s soak at the same load, the server's resident memory sampled every second;
#   3. 10,000 malformed requests (bad query strings, huge headers, garbage, slow clients that never
#      finish their headers) while good requests go on (bench/serve_faults.py).
# Usage: bench/serve.sh [BUILD_DIR]
#   BUILD_DIR  a build with orglineage and orglineage_bench_image (-DORGLINEAGE_BUILD_BENCH=ON;
#              default: build). Needs wrk, nginx-light, python3-fastapi, python3-uvicorn,
#              python3-networkx (scripts/install-deps.sh --bench installs them).
# Everything listens on 127.0.0.1 only; every load is bounded in time. Figures go to stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
tmp=${BENCH_TMP:-/tmp/orglineage-bench-serve}
py=/usr/bin/python3
duration=${DURATION:-20}
soak=${SOAK:-60}
connections=64
target="/who?area=E06000045&on=2014-06-01"
rm -rf "$tmp"
mkdir -p "$tmp"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # URL: until it answers 200 (30 s at most)
  for _ in $(seq 300); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}
# wrk's requests/s and p99 (ms) of one run: "RATE P99"
load() { # NAME URL SECONDS
  wrk -t2 -c$connections -d"$3"s --latency "$2" >"$tmp/wrk.$1" 2>&1
  $py - "$tmp/wrk.$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
p99 = ms(*re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", text).groups())
p50 = ms(*re.search(r"\s50%\s+([\d.]+)(us|ms|s)\b", text).groups())
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket_errors = re.search(r"Socket errors: (.*)", text)
print(f"{rate:.0f} {p99:.3f} {p50:.3f} {errors.group(1) if errors else 0} {'yes' if socket_errors else 'no'}")
EOF
}

echo "== machine: $(nproc) cores, $(uname -srm), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(date -u +%Y-%m-%dT%H:%MZ), wrk -t2 -c$connections, GET $target"

# --- the three servers ------------------------------------------------------------------------
port=$(free_port)
"$build/orglineage" serve --host 127.0.0.1 --port "$port" >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
pids+=("$serve_pid")
url="http://127.0.0.1:$port"
wait_for "$url/health"
curl -sf -o "$tmp/who.json" "$url$target"
echo "answer: $(wc -c <"$tmp/who.json") bytes, $($py -c 'import json,sys; d=json.load(open(sys.argv[1])); print(", ".join(r["id"] for r in d["results"]))' "$tmp/who.json")"

nginx_port=$(free_port)
mkdir -p "$tmp/www" "$tmp/nginx"
cp "$tmp/who.json" "$tmp/www/who.json"
cat >"$tmp/nginx.conf" <<EOF
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
    location = /who { default_type application/json; try_files /who.json =404; }
  }
}
EOF
/usr/sbin/nginx -c "$tmp/nginx.conf" -p "$tmp/nginx" -g 'daemon on;'
wait_for "http://127.0.0.1:$nginx_port$target"
cmp -s "$tmp/who.json" <(curl -sf "http://127.0.0.1:$nginx_port$target") || { echo "nginx serves other bytes" >&2; exit 1; }

"$build/orglineage_bench_image" export "$root/data/nhs-england" "$tmp/t" >/dev/null
py_port=$(free_port)
$py "$here/serve_peer.py" "$tmp/t" "$py_port" >"$tmp/peer.out" 2>&1 &
pids+=("$!")
wait_for "http://127.0.0.1:$py_port$target"
echo "python peer: $(curl -sf "http://127.0.0.1:$py_port$target")"

# --- 1. rate and latency, one after the other --------------------------------------------------
read -r o_rate o_p99 o_p50 o_non2xx o_sockerr < <(load orglineage "$url$target" "$duration")
read -r n_rate n_p99 n_p50 _ _ < <(load nginx "http://127.0.0.1:$nginx_port$target" "$duration")
read -r p_rate p_p99 p_p50 _ _ < <(load python "http://127.0.0.1:$py_port$target" "$duration")
ratio() { $py -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 1e-9):.2f}')" "$1" "$2"; }
echo "== 1. ${duration} s each at $connections connections"
printf '%-12s %10s %9s %9s\n' server "req/s" "p50 ms" "p99 ms"
printf '%-12s %10s %9s %9s\n' orglineage "$o_rate" "$o_p50" "$o_p99" nginx "$n_rate" "$n_p50" "$n_p99" python "$p_rate" "$p_p50" "$p_p99"
echo "orglineage non-2xx: $o_non2xx, socket errors: $o_sockerr"
echo "ratio to nginx: $(ratio "$o_rate" "$n_rate") (goal >= 0.5); to python: $(ratio "$o_rate" "$p_rate") (goal >= 20); p99 $o_p99 ms (goal <= 5)"

# --- 2. soak: memory sampled every second -------------------------------------------------------
rss() { awk '/^VmRSS/ {print $2}' "/proc/$serve_pid/status"; }
echo "== 2. soak: ${soak} s at $connections connections, VmRSS (kB) every second"
wrk -t2 -c$connections -d"${soak}"s "$url$target" >"$tmp/wrk.soak" 2>&1 &
wrk_pid=$!
: >"$tmp/rss"
for _ in $(seq "$soak"); do
  sleep 1
  rss >>"$tmp/rss"
done
wait "$wrk_pid"
$py - "$tmp/rss" "$tmp/wrk.soak" <<'EOF'
import re, sys
samples = [int(x) for x in open(sys.argv[1]).read().split()]
settled = samples[5:]  # after five seconds of load: the buffers of 64 connections are made
first, low, high, last = settled[0], min(settled), max(settled), settled[-1]
rate = re.search(r"Requests/sec:\s+([\d.]+)", open(sys.argv[2]).read()).group(1)
print(f"samples: {len(samples)}; at 1 s {samples[0]} kB; from 6 s: first {first}, min {low}, max {high}, last {last} kB")
print(f"spread from 6 s: {(high - low) / first * 100:+.1f}% of the first (goal within 5%); last vs first {(last - first) / first * 100:+.1f}%; {rate} req/s")
EOF

# --- 3. faults ----------------------------------------------------------------------------------
echo "== 3. 10,000 malformed requests while good ones go on"
$py "$here/serve_faults.py" 127.0.0.1 "$port" 10000 "$target" "$tmp/who.json"
kill -0 "$serve_pid" && echo "server still running after the faults (pid $serve_pid)"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
