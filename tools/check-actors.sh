#!/bin/sh
# check-actors.sh -- sanity checks for rasd actor dictionary files
# (data/actors/*.actors, format in data/actors/FORMAT.md).
#
# usage: tools/check-actors.sh [-q] FILE...
#   default files: data/actors/people_*.actors
#   -q  print only errors and the summary (no ambiguity warnings)
#
# Errors (exit status 1):
#   - ACTOR line without id / type / en="..." ; bad id characters
#   - person entries without country=, without any `=` line or `role` line
#   - duplicate ids (across all files given)
#   - malformed role lines: CODE FROM TO "text"; dates YYYY, YYYY-MM,
#     YYYY-MM-DD or `-`; FROM <= TO
#   - empty name variants, one-letter variants, characters outside the
#     Arabic block (Latin, Cyrillic, ...) in variants
#   - indented directive outside any entry, unknown directive
#   - file not starting with a comment block
# Warnings:
#   - the same (folded) name variant on two different entries
#   - duplicate variant inside one entry
# POSIX sh + awk only.

quiet=0
if [ "$1" = "-q" ]; then quiet=1; shift; fi
if [ $# -eq 0 ]; then
    set -- data/actors/people_*.actors
fi

LC_ALL=C awk -v quiet="$quiet" '
function err(msg) { printf "%s:%d: error: %s\n", FILENAME, FNR, msg; nerr++ }
function warn(f, l, msg) { if (!quiet) printf "%s:%d: warning: %s\n", f, l, msg; nwarn++ }
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function okdate(d) {
    if (d == "-") return 1
    if (d ~ /^(19|20)[0-9][0-9]$/) return 1
    if (d ~ /^(19|20)[0-9][0-9]-(0[1-9]|1[0-2])$/) return 1
    if (d ~ /^(19|20)[0-9][0-9]-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/) return 1
    return 0
}
# fold the letters the matcher folds, so that warnings show real clashes
function fold(s) {
    # alternations, not bracket lists: mawk works on bytes
    gsub(/أ|إ|آ|ٱ/, "ا", s); gsub(/ى/, "ي", s); gsub(/ة/, "ه", s)
    gsub(/ؤ|ئ/, "ء", s)
    gsub(/ً|ٌ|ٍ|َ|ُ|ِ|ّ|ْ|ـ/, "", s)
    gsub(/[ \t]+/, " ", s)
    return s
}
# number of characters in a UTF-8 string (bytes that are not continuations)
function ulen(s,   t) { t = s; return length(t) - gsub(/[\200-\277]/, "", t) }
# 1 if s has only Arabic-block letters (U+0600-U+06FF), space, hyphen, dot, apostrophe
function arabiconly(s,   t) {
    t = s
    gsub(/[\330-\333][\200-\277]/, "", t)
    gsub(/[ .\047+0-9-]/, "", t)
    return t == ""
}
function endentry() {
    if (cur == "") return
    if (ctype == "person") {
        if (ccountry == "") printf "%s:%d: error: person %s has no country=\n", cfile, cline, cur, nerr++
        if (nnames == 0) printf "%s:%d: error: %s has no = line\n", cfile, cline, cur, nerr++
        if (nroles == 0) printf "%s:%d: error: person %s has no role line\n", cfile, cline, cur, nerr++
    }
    nentries++
    if (ctype == "person") npersons++
    cur = ""
}
FNR == 1 {
    endentry()
    nfiles++
    if ($0 !~ /^#/) err("file does not begin with a comment block")
}
{
    line = $0
    # strip comments (a # inside the en="..." field is not expected)
    sub(/[ \t]*#.*$/, "", line)
    if (line ~ /^[ \t]*$/) next
}
line ~ /^ACTOR[ \t]/ {
    endentry()
    n = split(line, f, /[ \t]+/)
    id = f[2]
    if (id !~ /^[A-Z][A-Z0-9_]*$/) err("bad id \"" id "\"")
    if (id in seen) err("duplicate id " id " (first at " seen[id] ")")
    else seen[id] = FILENAME ":" FNR
    cur = id; cfile = FILENAME; cline = FNR; nnames = 0; nroles = 0
    delete evar
    ctype = ""; ccountry = ""
    if (match(line, /type=[a-z]+/)) ctype = substr(line, RSTART + 5, RLENGTH - 5)
    else err(id ": missing type=")
    if (ctype != "" && ctype !~ /^(country|igo|group|person|org|region)$/) err(id ": bad type " ctype)
    if (match(line, /country=[A-Z]+/)) {
        ccountry = substr(line, RSTART + 8, RLENGTH - 8)
        if (ccountry !~ /^[A-Z][A-Z][A-Z]$/) err(id ": country is not ISO3: " ccountry)
    }
    if (match(line, /sector=[A-Z]+/)) {
        s = substr(line, RSTART + 7, RLENGTH - 7)
        if (s !~ /^(GOV|MIL|REB|OPP|CVL|COP|UAF|IGO|PTY|BUS|MED|EDU|JUD|LEG|SPY|NGO|REF|ATR|IMG|ELI|LAB|HLH|HRI|REL|CRM|AGR|DEV|ENV|INS|SEP|MNC|NGM|SET|RAD|MOD|UIS|PKO|INT)$/) err(id ": bad sector " s)
    }
    if (line !~ /en="[^"]+"/) err(id ": missing en=\"...\"")
    next
}
line ~ /^[ \t]+/ {
    if (cur == "") { err("indented line outside an entry"); next }
    l = trim(line)
    if (l ~ /^=/ || l ~ /^adj[ \t]/ || l ~ /^metonym[ \t]/ || l ~ /^not[ \t]/) {
        isname = (l ~ /^=/)
        if (isname) { sub(/^=[ \t]*/, "", l); nnames++ }
        else sub(/^[a-z]+[ \t]+/, "", l)
        # optional sector tag before the list (metonym MIL البنتاغون)
        sub(/^[A-Z][A-Z][A-Z][ \t]+/, "", l)
        nv = split(l, v, /;/)
        for (i = 1; i <= nv; i++) {
            x = trim(v[i])
            if (x == "") { err(cur ": empty name variant"); continue }
            if (!arabiconly(x)) err(cur ": non-Arabic characters in variant \"" x "\"")
            fx = fold(x)
            if (ulen(fx) < 2) err(cur ": variant too short \"" x "\"")
            if (fx in evar) warn(FILENAME, FNR, cur ": duplicate variant \"" x "\"")
            evar[fx] = 1
            if (isname) {
                if ((fx in owner) && owner[fx] != cur)
                    warn(FILENAME, FNR, "variant \"" x "\" of " cur " also names " owner[fx])
                else owner[fx] = cur
                nvariants++
            }
        }
        next
    }
    if (l ~ /^role[ \t]/) {
        nroles++
        if (!match(l, /^role[ \t]+[A-Z]+[ \t]+[^ \t]+[ \t]+[^ \t]+([ \t]+"[^"]*")?$/)) {
            err(cur ": malformed role line"); next
        }
        split(l, r, /[ \t]+/)
        code = r[2]; from = r[3]; to = r[4]
        if (length(code) < 3 || length(code) > 15 || length(code) % 3 != 0) err(cur ": CAMEO code must be 3, 6, 9, 12 or 15 letters: " code)
        if (!okdate(from)) err(cur ": bad from date " from)
        if (!okdate(to)) err(cur ": bad to date " to)
        if (from != "-" && to != "-" && substr(from, 1, length(to)) > to && from > to) err(cur ": role ends before it starts (" from " > " to ")")
        if (ctype == "person" && l !~ /"[^"]+"$/) err(cur ": person role without an English label")
        nrolelines++
        if (to == "-") nopen++
        next
    }
    if (l ~ /^src[ \t]/) next
    err(cur ": unknown directive \"" l "\"")
    next
}
{ err("unrecognised line \"" line "\"") }
END {
    endentry()
    printf "check-actors: %d file(s), %d entries (%d persons), %d name variants, %d roles (%d open-ended), %d error(s), %d warning(s)\n", nfiles, nentries, npersons, nvariants, nrolelines, nopen, nerr, nwarn
    exit (nerr > 0)
}' "$@"
