#!/bin/bash
# Cost growth: cold and warm dashboard/tree latency and rollup time of one
# database made by duban gen. Usage: scripts/scale-growth.sh DSN DISTRICTS PORT
# (DUBAN=path/to/duban, default ./bin/duban; loopback only).
DB=$1; N=$2; PORT=$3; DUBAN=${DUBAN:-./bin/duban}
"$DUBAN" serve --db "$DB" --addr 127.0.0.1:$PORT > /dev/null 2>&1 & SP=$!
sleep 1
TOK=$(curl -s -X POST 127.0.0.1:$PORT/api/v1/login -d '{"username":"lingdao","password":"duban-load"}' | python3 -c "import sys,json;print(json.load(sys.stdin)['token'])")
cold() { for p in $(seq 11 30); do curl -s -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $TOK" "127.0.0.1:$PORT/api/v1/plans/$p/$1"; done | sort -n | awk '{a[NR]=$1} END {printf "cold %s median %.1f ms max %.1f ms\n", "'$1'", a[int(NR/2)]*1000, a[NR]*1000}'; }
cold "dashboard?as_of=2021-12-31"
cold "nodes?view=tree&as_of=2021-12-31"
D=$(( N < 100 ? N : 100 ))
for op in dashboard tree; do "$DUBAN" load --addr 127.0.0.1:$PORT --duration 15s --rate 200 --users 100 --districts $D --mix $op=1 2>/dev/null >/dev/null; "$DUBAN" load --addr 127.0.0.1:$PORT --duration 15s --rate 200 --users 100 --districts $D --mix $op=1 2>/dev/null | sed -n 3p; done
"$DUBAN" rollup --db "$DB" | tail -1
echo "rss $(ps -o rss= -p $SP) KB"
kill $SP
