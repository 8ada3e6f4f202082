#!/bin/sh
# Checks on the seed reports in ../shared/seeds (read in place, never copied):
# publication dates (foundation issue) and key interactions an analyst
# expects (event-coder issue). Skipped when ../shared is absent.
# Usage: tests/seeds.sh path/to/rasd [shared-dir]
R=${1:-build/rasd}
S=${2:-../shared}/seeds
if [ ! -d "$S" ]; then
  echo "seeds: skipped (no $S)"
  echo "seeds: 0 passed, 0 failed"
  exit 0
fi
T=$(mktemp -d /tmp/rasd-seeds-XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
check() { # description, file, extended regex
  if grep -Eq "$3" "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL seeds: $1"; fi
}
absent() {
  if grep -Eq "$3" "$2"; then fail=$((fail+1)); echo "FAIL seeds: $1"; else pass=$((pass+1)); fi
}

# Publication dates: from the dateline where there is one, else unknown.
for f in "$S"/*.txt; do
  "$R" doc "$f" > "$T/$(basename "$f" .txt).doc" 2>/dev/null
done
check "001 dated 2021-02-03" "$T/001_8ab90e2d4c4efa4d.doc" '"date":\{"value":"2021-02-03"'
check "003 dated 2024-07-03" "$T/003_9f62db11347c3e1e.doc" '"date":\{"value":"2024-07-03"'
for id in 000_492a9db081a77eed 002_fe08c59a11eb98b9 004_e9797b74535d9122; do
  check "$id has no publication date" "$T/$id.doc" '"date":\{"value":null,"precision":"unknown"'
done

# Events. An actor object has no nested braces, so [^}]* stays inside it.
A='[^}]*'
for f in "$S"/*.txt; do
  "$R" code "$f" > "$T/$(basename "$f" .txt).ev" 2>/dev/null
done
E000="$T/000_492a9db081a77eed.ev"
check "000: the Brussels meeting is a CONSULT between USA and TUR" "$E000" \
  "\"category\":\"CONSULT\"$A\"source\":\\{${A}\"country\":\"USA\"$A\\},\"target\":\\{${A}\"country\":\"TUR\""
check "000: the US urges Turkey (REQUEST USA -> TUR)" "$E000" \
  "\"category\":\"REQUEST\"$A\"source\":\\{${A}\"country\":\"USA\"$A\\},\"target\":\\{${A}\"country\":\"TUR\""
E004="$T/004_e9797b74535d9122.ev"
check "004: Erdogan's planned visit to Russia is a future CONSULT TUR -> RUS dated --04-08" "$E004" \
  "\"category\":\"CONSULT\"$A\"source\":\\{${A}\"country\":\"TUR\"$A\\},\"target\":\\{${A}\"country\":\"RUS\".*\"date\":\"--04-08\".*\"modality\":\"future\""
absent "004: no event date invents a year for 8 April" "$E004" '"date":"20[0-9][0-9]-04-08"'
E002="$T/002_fe08c59a11eb98b9.ev"
check "002: Washington-Moscow talks (CONSULT USA -> RUS)" "$E002" \
  "\"category\":\"CONSULT\"$A\"source\":\\{${A}\"country\":\"USA\"$A\\},\"target\":\\{${A}\"country\":\"RUS\""
check "004: the two chiefs of staff's call (CONSULT TURMIL -> USAMIL)" "$E004" \
  "\"category\":\"CONSULT\"$A\"source\":\\{${A}\"code\":\"TURMIL\"$A\\},\"target\":\\{${A}\"code\":\"USAMIL\""
check "004: Erdogan meets Putin during the planned visit (future CONSULT TURGOV -> RUSGOV)" "$E004" \
  "\"category\":\"CONSULT\"$A\"source\":\\{${A}\"code\":\"TURGOV\"$A\\},\"target\":\\{${A}\"code\":\"RUSGOV\".*\"modality\":\"future\""
E001="$T/001_8ab90e2d4c4efa4d.ev"
check "001: Kalin and Sullivan agree (AGREE TUR -> USA)" "$E001" \
  "\"category\":\"AGREE\"$A\"source\":\\{${A}\"country\":\"TUR\"$A\\},\"target\":\\{${A}\"country\":\"USA\""
absent "001: 'S-400 is a threat' is no THREATEN event" "$E001" '"category":"THREATEN"'
E003="$T/003_9f62db11347c3e1e.ev"
check "003: the US will not normalise with Assad (negated, USA -> SYR)" "$E003" \
  "\"source\":\\{${A}\"country\":\"USA\"$A\\},\"target\":\\{${A}\"country\":\"SYR\".*\"negated\":true"
check "003: the regime's condition is the withdrawal of Turkish forces (RETREAT TURMIL)" "$E003" \
  "\"category\":\"RETREAT\"$A\"source\":\\{${A}\"code\":\"TURMIL\""
absent "003: the withdrawal the regime sets as a condition is not asserted" "$E003" \
  "\"category\":\"RETREAT\"$A\"source\":\\{${A}\"code\":\"TURMIL\".*\"modality\":\"asserted\""
absent "003: the Syrian regime withdraws nothing" "$E003" \
  "\"category\":\"RETREAT\"$A\"source\":\\{${A}\"code\":\"SYRGOV\""
for f in "$T"/*.ev; do
  absent "$(basename "$f"): no event dated with the processing year 2026" "$f" '"date":"2026'
done
echo "seeds: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
