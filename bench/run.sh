#!/usr/bin/env bash
# bench/run.sh CORPUS_DIR — the performance figures of copydesk, from scratch:
#   throughput of `copydesk lint` over the corpus (all cores, then GOMAXPROCS=1), fresh-process latency on
#   one 1,000-word story (hyperfine), scaling over 1, 10 and 100 MB built from the corpus, peak RSS on the
#   100 MB input, the refusal of a 200 MB file, the tortured-phrase dictionary grown tenfold, server
#   latency at a fixed request rate, and the per-stage Go benchmarks.
# Needs go, hyperfine, curl and GNU time (/usr/bin/time). Everything generated goes to a temporary
# directory that is removed at the end; nothing outside it is written. Set QUICK=1 for fewer runs.
set -euo pipefail

corpus=${1:?usage: bench/run.sh CORPUS_DIR (a folder of .txt/.md/.html stories, e.g. the Brown corpus)}
corpus=$(cd "$corpus" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench.XXXXXX")
server_pid=""
cleanup() {
	if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

runs=10 big_runs=3
if [ "${QUICK:-}" = 1 ]; then runs=3 big_runs=1; fi
for tool in go hyperfine curl /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is needed" >&2; exit 2; }
done

cd "$repo"
bin="$tmp/copydesk"
go build -o "$bin" ./cmd/copydesk
go build -o "$tmp/loadgen" ./bench/loadgen
story="$repo/testdata/bench/story-1000.txt"

bytes_of() { du -sb --apparent-size "$1" | cut -f1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
# mean_of NAME RUNS COMMAND...: hyperfine's mean wall time in seconds (exit status ignored: findings exit 1).
mean_of() {
	local name=$1 n=$2
	shift 2
	hyperfine -N --style none --warmup 1 --runs "$n" --ignore-failure --export-json "$tmp/$name.json" "$*" >/dev/null 2>&1
	awk -F': ' '/"mean"/ { gsub(/,/, "", $2); print $2; exit }' "$tmp/$name.json"
}
# user_of NAME: hyperfine's mean user CPU time in seconds, from the last mean_of NAME.
user_of() { awk -F': ' '/"user"/ { gsub(/,/, "", $2); print $2; exit }' "$tmp/$1.json"; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

echo "# copydesk performance ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown), $(go version | cut -d' ' -f3), $(nproc) cores)"
echo "corpus: $corpus ($(find "$corpus" -type f | wc -l) files, $(bytes_of "$corpus") bytes = $(mb "$(bytes_of "$corpus")") MB)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (figures need a quiet machine)"
echo

echo "## Throughput: copydesk lint over the corpus, every default rule"
size=$(bytes_of "$corpus")
t=$(mean_of all "$runs" "$bin" lint "$corpus")
printf "all cores (GOMAXPROCS=%s): %.3f s wall  %s MB/s  (user CPU %.3f s)\n" "$(nproc)" "$t" "$(rate "$size" "$t")" "$(user_of all)"
t1=$(mean_of one "$runs" env GOMAXPROCS=1 "$bin" lint "$corpus")
printf "one core (GOMAXPROCS=1):  %.3f s wall  %s MB/s  (user CPU %.3f s)\n" "$t1" "$(rate "$size" "$t1")" "$(user_of one)"
echo

echo "## Latency: a fresh process linting one 1,000-word story (start-up, dictionaries, output)"
hyperfine -N --warmup 5 --runs $((runs * 5)) --ignore-failure "$bin lint $story" 2>/dev/null | grep -E "Time|Range"
echo

echo "## Scaling: inputs of 1, 10 and 100 MB made of corpus files, many files each"
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -print0 | sort -z)
make_input() { # make_input DIR BYTES: copies of the corpus files until DIR holds BYTES
	local dir=$1 want=$2 have=0 i=0
	mkdir -p "$dir"
	while [ "$have" -lt "$want" ]; do
		local f=${files[$((i % ${#files[@]}))]}
		local base=${f##*/}
		cp "$f" "$dir/$((i / ${#files[@]}))-$base"
		have=$((have + $(stat -c %s "$f")))
		i=$((i + 1))
	done
}
for n in 1 10 100; do
	make_input "$tmp/in$n" $((n * 1000000))
	s=$(bytes_of "$tmp/in$n")
	r=$runs
	[ "$n" = 100 ] && r=$big_runs
	t=$(mean_of "scale$n" "$r" "$bin" lint "$tmp/in$n")
	printf "%4s MB (%5d files): %7.3f s  %s MB/s\n" "$n" "$(find "$tmp/in$n" -type f | wc -l)" "$t" "$(rate "$s" "$t")"
done
echo

echo "## Memory: peak RSS"
/usr/bin/time -v "$bin" lint "$tmp/in100" >/dev/null 2>"$tmp/rss100" || true
echo "100 MB as many files: $(awk -F': ' '/Maximum resident/ { printf "%.1f MB", $2 / 1024 }' "$tmp/rss100")"
rm -rf "$tmp/in1" "$tmp/in10" "$tmp/in100"
truncate -s 200M "$tmp/huge.txt"
set +e
/usr/bin/time -v "$bin" lint "$tmp/huge.txt" >/dev/null 2>"$tmp/huge.err"
code=$?
set -e
echo "200 MB single file: exit $code, $(grep -m1 '^copydesk:' "$tmp/huge.err"), peak RSS $(awk -F': ' '/Maximum resident/ { printf "%.1f MB", $2 / 1024 }' "$tmp/huge.err")"
rm -f "$tmp/huge.txt"
echo

echo "## Dictionary size: the tortured-phrase rule with its dictionary grown tenfold (synthetic rows)"
go test -run '^$' -bench 'TorturedDictionarySize' -benchtime 2000x -count 10 ./rules >"$tmp/dict.txt"
median() { grep -E "DictionarySize/$1-" "$tmp/dict.txt" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
x1=$(median x1)
x10=$(median x10)
awk -v a="$x1" -v b="$x10" 'BEGIN { printf "median of 10: x1 %.1f µs/story, x10 %.1f µs/story: x10 takes %+.1f%% time (throughput %+.1f%%)\n",
	a / 1000, b / 1000, b / a * 100 - 100, a / b * 100 - 100 }'
echo

echo "## Server: POST /v1/check with the 1,000-word story at 200 requests per second for 10 s"
port=$((20000 + RANDOM % 20000))
"$bin" serve --addr "127.0.0.1:$port" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do
	curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
	sleep 0.05
done
"$tmp/loadgen" -url "http://127.0.0.1:$port/v1/check" -story "$story" -rate 200 -duration 10s || true
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
echo

echo "## Go benchmarks per stage (parse, each rule, engine, output)"
go test -run '^$' -bench '^(BenchmarkParse|BenchmarkRule|BenchmarkEngine|BenchmarkParseAndEngine|BenchmarkFormat|BenchmarkTorturedDictionaryLoad)$' \
	-benchtime 200x -benchmem ./internal/document ./rules ./report | grep -E '^Benchmark' |
	awk '{ name = $1; $1 = $2 = ""; sub(/^ +/, ""); printf "%-54s %s\n", name, $0 }'
