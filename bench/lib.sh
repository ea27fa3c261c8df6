# Helpers for bench/run.sh (sourced). Everything talks to the emulator on 127.0.0.1 only.

# Installs the tools the benchmarks need from Debian packages when one is missing.
ensure_tools() {
  local missing=()
  command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]}..." >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# emu METHOD PATH [JSON]: an admin or API call; prints the body, fails on a non-2xx status.
emu() {
  local method=$1 path=$2 body=${3:-}
  if [ -n "$body" ]; then
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $BENCH_KEY" -H 'Content-Type: application/json' \
      --data "$body" "$EMU$path"
  else
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $BENCH_KEY" "$EMU$path"
  fi
}

# wait_for_emulator: bounded wait (10 s) for the emulator to answer.
wait_for_emulator() {
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$EMU/_emulator/config" && return 0
    sleep 0.1
  done
  echo "bench: emulator did not start on $EMU" >&2
  return 1
}

# pod_count KEY: how many pods the account holds (counted by the emulator's own list).
pod_count() {
  curl -sS -H "Authorization: Bearer $1" "$EMU/v2/pods" | jq '.pods | length'
}

# seed KEY COUNT: creates COUNT pods with plain POSTs, 4 at a time, from one curl process. The
# pods look like real ones: a GPU, ports, env with one secret-looking value (masked on output).
seed() {
  local key=$1 count=$2 config i
  [ "$count" -le 0 ] && return 0
  config=$(mktemp)
  for i in $(seq 1 "$count"); do
    [ "$i" -gt 1 ] && echo "next" >>"$config"
    cat >>"$config" <<CFG
url = "$EMU/v2/pods"
request = "POST"
header = "Authorization: Bearer $key"
header = "Content-Type: application/json"
data = "{\"name\":\"bench-$RANDOM-$i\",\"image\":\"runpod/pytorch:2.8.0\",\"gpu\":{\"id\":\"NVIDIA GeForce RTX 4090\",\"count\":1},\"ports\":[\"22/tcp\",\"8888/http\"],\"env\":{\"MODEL\":\"llama-3-8b\",\"HF_TOKEN\":\"hf_abcdefghijklmnopqrstuvwxyz012345\"}}"
output = "/dev/null"
write-out = "%{http_code}\\\\n"
CFG
  done
  local bad
  bad=$(curl -sS --no-progress-meter --parallel --parallel-max 4 -K "$config" | grep -vc '^201$' || true)
  rm -f "$config"
  if [ "$bad" -ne 0 ]; then
    echo "bench: $bad of $count pod creates failed" >&2
    return 1
  fi
}

# seed_to KEY N: tops the account up to N pods.
seed_to() {
  local have
  have=$(pod_count "$1")
  seed "$1" $(($2 - have))
}

# median_ms FILE INDEX: a hyperfine --export-json result's median, in milliseconds.
median_ms() {
  jq -r ".results[$2].median * 1000 | . * 100 | round / 100" "$1"
}

# ratio A B: A / B to two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'
}

# peak_rss_kb COMMAND...: the median of 3 runs of /usr/bin/time's maximum resident set size (KiB).
peak_rss_kb() {
  local runs=() file
  file=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$file" "$@" >/dev/null 2>&1
    runs+=("$(tail -1 "$file")")
  done
  rm -f "$file"
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

# mib KIB: KiB as MiB with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# wrk_rps SCRIPT_OR_EMPTY PATH [CONNECTIONS]: requests/second of a bounded wrk run on loopback
# (8 connections unless told; a 30 s timeout so slow large responses are counted, not dropped).
wrk_rps() {
  local script=$1 path=$2 conns=${3:-8} out
  local args=(-t2 -c"$conns" -d"${WRK_SECONDS}s" --timeout 30s -H "Authorization: Bearer $BENCH_KEY")
  [ -n "$script" ] && args+=(-s "$script")
  out=$(wrk "${args[@]}" "$EMU$path")
  echo "$out" >>"$OUT/wrk.log"
  echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }'
}
