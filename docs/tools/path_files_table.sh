#!/bin/sh
# Table of path_files.py counts: URL | before | after, for the plain path, with the payment action, and variants.
# Usage: path_files_table.sh [BEFORE_CLASSES] [AFTER_CLASSES]
B=${1:-/tmp/before/target/classes}; A=${2:-/tmp/after/target/classes}
T=$(dirname "$0")/path_files.py
URLS="/result /fortumo /paysera /mbs/report"
for mode in "" "--action" "--cha-only" "--action --cha-only" "--expand-root" "--action --expand-root"; do
  echo "## ${mode:-plain}"
  python3 "$T" "$B" $mode $URLS > /tmp/pf_b.$$; python3 "$T" "$A" $mode $URLS > /tmp/pf_a.$$
  join -t "$(printf '\t')" /tmp/pf_b.$$ /tmp/pf_a.$$ | awk -F'\t' '{printf "%-12s %-18s before %3d  after %3d  (%+d)\n",$1,$2,$3,$5,$5-$3}'
  rm -f /tmp/pf_b.$$ /tmp/pf_a.$$
done
