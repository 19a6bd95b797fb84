#!/bin/sh
# SPDX-License-Identifier: MIT
# A throw-away Virtuoso 7 server for the tests: `start DIR` writes a
# virtuoso.ini and an odbc.ini in DIR (which must exist and be empty), runs
# virtuoso-t with its database in DIR on free loopback ports (SQL/ODBC and
# HTTP), waits until it answers, sets the dba password and prints shell
# assignments (VIRT_PORT, VIRT_HTTP, VIRT_USER, VIRT_PASSWORD, ODBCINI,
# NG_STORE: the newsgraph --store spec, which needs ODBCINI exported).
# `stop DIR` stops it. Exit status: 0 ready or stopped, 1 the server did not
# start (its log on stderr), 77 Virtuoso is not installed, 2 usage.
set -u
virt=${VIRTUOSO_T:-virtuoso-t}
isql=${VIRTUOSO_ISQL:-isql-vt}
odbc_driver=${VIRTUOSO_ODBC:-/usr/lib/x86_64-linux-gnu/odbc/virtodbcu_r.so}
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
if ! command -v "$virt" >/dev/null 2>&1 || ! command -v "$isql" >/dev/null 2>&1
then
  echo "virtuoso: $virt or $isql not found" \
    "(apt-get install virtuoso-opensource)" >&2
  exit 77
fi

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

case $cmd in
start)
  dir=$(cd "$dir" && pwd) || exit 1
  port=$(free_port) || exit 1
  http=$(free_port) || exit 1
  while [ "$http" = "$port" ]; do http=$(free_port) || exit 1; done
  password=ng-test-$$
  vad=/usr/share/virtuoso-opensource-7/vad
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$port
DisableUnixSocket        = 1
MaxClientConnections     = 10
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., $dir, $vad
VADInstallDir            = $vad/
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4

[HTTPServer]
ServerPort                  = 127.0.0.1:$http
ServerRoot                  = $dir
MaxClientConnections        = 5
ServerThreads               = 5
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
Charset                     = UTF-8

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryExecutionTime      = 60
DefaultGraph               = http://localhost/dataspace
EOF
  cat >"$dir/odbc.ini" <<EOF
[newsgraph-test]
Driver      = $odbc_driver
Description = throw-away Virtuoso for newsgraph tests
Address     = 127.0.0.1:$port
EOF
  (cd "$dir" && exec "$virt" +configfile "$dir/virtuoso.ini" +foreground \
    >"$dir/stdout.log" 2>&1) &
  echo $! >"$dir/pid"
  i=0
  until "$isql" "127.0.0.1:$port" dba dba "EXEC=select 1;" \
      >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 120 ] || ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      echo "virtuoso: server did not start:" >&2
      tail -20 "$dir/virtuoso.log" "$dir/stdout.log" >&2 2>/dev/null
      kill "$(cat "$dir/pid")" 2>/dev/null
      exit 1
    fi
    sleep 0.5
  done
  # The SPARQL endpoints answer once the HTTP listener is up too.
  i=0
  until curl -sf -o /dev/null "http://127.0.0.1:$http/sparql?query=ASK%7B%7D"
  do
    i=$((i + 1))
    if [ $i -gt 60 ]; then
      echo "virtuoso: HTTP endpoint did not start:" >&2
      tail -20 "$dir/virtuoso.log" >&2
      kill "$(cat "$dir/pid")" 2>/dev/null
      exit 1
    fi
    sleep 0.5
  done
  if ! "$isql" "127.0.0.1:$port" dba dba \
      "EXEC=user_set_password('dba', '$password');" \
      >"$dir/isql.log" 2>&1; then
    echo "virtuoso: cannot set the dba password:" >&2
    cat "$dir/isql.log" >&2
    kill "$(cat "$dir/pid")" 2>/dev/null
    exit 1
  fi
  echo "VIRT_PORT=$port"
  echo "VIRT_HTTP=$http"
  echo "VIRT_USER=dba"
  echo "VIRT_PASSWORD=$password"
  echo "ODBCINI=$dir/odbc.ini"
  echo "NG_STORE=\"virtuoso:dsn='newsgraph-test',host='127.0.0.1:$port',user='dba',password='$password'\""
  ;;
stop)
  [ -f "$dir/pid" ] || exit 0
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null
  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
    i=$((i + 1))
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  rm -f "$dir/pid"
  exit 0
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
