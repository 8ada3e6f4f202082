#!/bin/sh
# Bad input through the CLI: every kind gets a clear message naming the input
# and position, a defined exit status, and never stops the rest of the batch.
# Usage: tests/badinput.sh path/to/rasd
R=${1:-build/rasd}
T=$(mktemp -d /tmp/rasd-bad-XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL badinput: $*"; }
expect_rc() { [ "$1" -eq "$2" ] && ok || bad "$3: exit $1, expected $2"; }
expect_err() { grep -q -- "$2" "$1" && ok || { bad "$3: stderr lacks '$2'"; sed 's/^/    /' "$1"; }; }

good="$T/good.txt"
printf 'قال وزير الخارجية التركي إن بلاده ستواصل المحادثات.\n' > "$good"
: > "$T/empty.txt"
printf '   \n\n\t\n' > "$T/blank.txt"
printf 'abc\000\001\002def' > "$T/binary.txt"
printf 'قال \377\376 الوزير\n' > "$T/badutf8.txt"
printf '<html><head><title>x</title></head></html>' > "$T/nobody.html"
{
  printf '{"id":"a1","text":"نص أول."}\n'
  printf '{"id":"a2","text":"نص مقطوع\n'
  printf '[1,2,3]\n'
  printf '{"id":"a4"}\n'
  printf '{"id":"a5","text":"نص","date":"yesterday"}\n'
  printf '\n'
  printf '{"id":"a7","text":"نص سابع."}\n'
} > "$T/mixed.jsonl"

# 1. A batch mixing good and bad inputs: exit 1, every bad one named, the
#    good ones still processed.
"$R" doc "$T/empty.txt" "$T/blank.txt" "$T/binary.txt" "$T/badutf8.txt" \
  "$T/nobody.html" "$T/missing.txt" "$T/mixed.jsonl" "$good" > "$T/out" 2> "$T/err"
expect_rc $? 1 "mixed batch"
expect_err "$T/err" "empty.txt: empty input" "empty file"
expect_err "$T/err" "blank.txt: empty input" "blank file"
expect_err "$T/err" "binary.txt: binary input (NUL byte at offset 3)" "binary file"
expect_err "$T/err" "badutf8.txt: invalid UTF-8 at byte 7 (line 1, byte column 8)" "invalid UTF-8"
expect_err "$T/err" "nobody.html:" "HTML without body"
expect_err "$T/err" "missing.txt: cannot open" "missing file"
expect_err "$T/err" "mixed.jsonl:2:" "truncated JSON line"
expect_err "$T/err" "mixed.jsonl:3:" "non-object JSON line"
expect_err "$T/err" "mixed.jsonl:4:" "JSON line without text"
expect_err "$T/err" "mixed.jsonl:5:" "JSON line with a bad date"
[ "$(grep -c '"id"' "$T/out")" -eq 3 ] && ok || bad "expected 3 documents (a1, a7, good), got $(grep -c '"id"' "$T/out")"
grep -q '"id":"a7"' "$T/out" && ok || bad "the line after bad JSON lines was not read"
grep -q '"id":"good"' "$T/out" && ok || bad "the file after bad inputs was not read"

# 2. --replace-invalid repairs instead of rejecting.
"$R" doc --replace-invalid "$T/badutf8.txt" > "$T/out" 2> "$T/err"
expect_rc $? 0 "--replace-invalid"
grep -q '"replaced_invalid":' "$T/out" && ok || bad "repaired document missing"

# 3. A 50 MB single line: read in linear time, not a crash.
# 2 MB of Arabic words without a newline, repeated 26 times (byte counts,
# not characters: awk implementations differ on UTF-8).
s="كلمة عربية طويلة "
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do s="$s$s"; done
printf '%s' "$s" > "$T/chunk"
: > "$T/huge.txt"
for i in $(seq 1 26); do cat "$T/chunk" >> "$T/huge.txt"; done
size=$(wc -c < "$T/huge.txt")
[ "$size" -gt 50000000 ] && ok || bad "huge.txt is only $size bytes"
"$R" code "$T/huge.txt" > "$T/out" 2> "$T/err"
expect_rc $? 0 "50 MB single line"
"$R" code --max-doc-bytes 1M "$T/huge.txt" "$good" > "$T/out" 2> "$T/err"
expect_rc $? 1 "over --max-doc-bytes"
expect_err "$T/err" "huge.txt: .*1048576" "over the limit names the limit"

# 3b. Pathological sentences for the coder: one line of 10,000 tokens made
#     of actors and triggers must finish (linear time), not hang.
s="التقى الرئيس التركي والرئيس الروسي وواشنطن وموسكو وقصف الجيش "
p="$s"
for i in 1 2 3 4 5 6 7 8 9 10; do p="$p$p"; done
printf '%s\n' "$p" > "$T/actors.txt"
timeout 120 "$R" code "$T/actors.txt" > "$T/out" 2> "$T/err"
expect_rc $? 0 "10,000-token sentence of actors"

# 4. Usage errors exit 2.
"$R" code --in xml "$good" > /dev/null 2> "$T/err"
expect_rc $? 2 "unknown format"
"$R" nosuchcommand > /dev/null 2> "$T/err"
expect_rc $? 2 "unknown command"
"$R" code --max-doc-bytes -5 "$good" > /dev/null 2> "$T/err"
expect_rc $? 2 "negative size"

# 5. stdin.
"$R" doc < "$good" > "$T/out" 2> "$T/err"
expect_rc $? 0 "stdin"
grep -q '"sentences":\[{' "$T/out" && ok || bad "stdin document has no sentences"

echo "badinput: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
