#!/usr/bin/env bash
# Hostile names: directories whose names hold newlines, carriage returns, escape
# sequences, `::` workflow commands, `%`, `,`, quotes, `<`, `>`, `&` and invalid UTF-8.
# Every output format archlint check offers must carry them without letting one break out:
# text stays one finding a line with nothing raw, JSON is valid UTF-8 and round-trips the
# name, and each machine format (when this build has it) decodes back to the real path.
. "$(dirname "$0")/../lib.sh"

names=(
	$'new\nline'
	$'carriage\rreturn'
	$'esc\e[31mred\e[0m'
	'::error file=x,line=1::injected'
	'%0A%25%2C'
	'a,b:c'
	"\"double\" 'single'"
	'<script>alert(1)</script>'
	'a&amp;b<c>&'
	'::endgroup::'
	$'bad\xff\xfeutf8'
)
repo names
go_mod
i=0
for n in "${names[@]}"; do
	go_proxy "cmd/$n"
done
# At the root, so that a text line would start with the name.
go_proxy '::warning title=root::injected'
# A Rust package and binary with markup in both.
rust_proxy 'crates/<b>&"q"' 'evil-crate'
# A binary file under a hostile name: its notice must stay one line.
printf 'package main\x00\xff' | put $'cmd/bin\nary::error::x/main.go'
# A sound service with an ordinary name.
go_api cmd/api
commit
al components --no-cache --format json .
expect_rc 0
ncomp=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["components"]))' <"$T/out")
# 11 hostile Go + root + Rust + api
if [ "$ncomp" = 14 ]; then pass; else
	fail "$ncomp components, expected 14"
	show
fi

formats=$("$ARCHLINT" check --help 2>&1 | sed -n 's/.*--format \([a-z|]*\).*/\1/p' | head -n 1 | tr '|' ' ')
echo "formats: $formats"
for f in $formats; do
	al check --no-cache --format "$f" -o "$T/report.$f" .
	expect_rc 1
	expect_empty_stdout
	# stderr: notices and the summary, each one line starting "archlint: ".
	if grep -qv '^archlint: ' "$T/err"; then
		fail "$f: a stderr line does not start with 'archlint: '"
		show
	else pass; fi
	expect_stderr_has $'archlint: notice: cmd/bin\\nary::error::x/main.go: skipped: binary content'
done

# Python checks against the real names, per format.
python3 - "$T" $formats <<'EOF2' || fail "format checks"
import json, re, sys, urllib.parse, xml.etree.ElementTree as ET
T, formats = sys.argv[1], sys.argv[2:]
names = ['new\nline', 'carriage\rreturn', 'esc\x1b[31mred\x1b[0m', '::error file=x,line=1::injected',
         '%0A%25%2C', 'a,b:c', "\"double\" 'single'", '<script>alert(1)</script>', 'a&amp;b<c>&',
         '::endgroup::']
paths = ['cmd/%s/main.go' % n for n in names] + ['::warning title=root::injected/main.go']
bad = 0
def check(ok, what):
    global bad
    if not ok:
        bad += 1
        print('FAIL names: ' + what)
def read(f):
    return open('%s/report.%s' % (T, f), 'rb').read()
for f in formats:
    raw = read(f)
    try:
        # text passes bytes >= 0x80 through as they are (it escapes only controls)
        text = raw.decode('utf-8', errors='surrogateescape' if f == 'text' else 'strict')
    except UnicodeDecodeError as e:
        check(False, '%s: output is not UTF-8: %s' % (f, e))
        continue
    if f == 'text':
        lines = text.split('\n')[:-1]
        check(len(lines) == 12, 'text: %d lines for 12 findings' % len(lines))
        for l in lines:
            check(re.search(r':[0-9]+: (warning|note|error): ', l) is not None, 'text: not a finding line: %r' % l)
            check(not any(c in l for c in '\r\x1b'), 'text: raw control character in %r' % l)
        for n in names:
            esc = n.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r').replace('\x1b', '\\x1b')
            check(('cmd/%s/main.go:' % esc) in text, 'text: %r not escaped as %r' % (n, esc))
    elif f == 'json':
        d = json.loads(text)
        got = {x['entry']['path'] for x in d['components']}
        for p in paths:
            check(p in got, 'json: %r does not round-trip' % p)
        check(any('\ufffd' in x['id'] for x in d['components']), 'json: invalid UTF-8 not replaced')
        check(any(n.startswith('cmd/bin\nary::error::x/main.go:') for n in d['source']['notices']), 'json: notice path')
    elif f == 'sarif':
        d = json.loads(text)
        uris = [loc['physicalLocation']['artifactLocation']['uri']
                for r in d['runs'][0]['results'] for loc in r.get('locations', [])]
        check(len(uris) >= 12, 'sarif: %d result locations' % len(uris))
        for u in uris:
            check(re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*", u) is not None and
                  re.search(r'%(?![0-9A-Fa-f]{2})', u) is None, 'sarif: %r is not a URI reference' % u)
        decoded = {urllib.parse.unquote(u, errors='surrogateescape') for u in uris}
        for p in paths:
            check(p in decoded, 'sarif: %r not among the decoded URIs' % p)
    elif f == 'github':
        # At most 10 annotations a step; the rest are plain log lines "archlint: path:line: ...".
        lines = text.split('\n')
        cmds = [l for l in lines if l.startswith('::')]
        logs = [l for l in lines if re.match(r'archlint: .*:[0-9]+: (warning|note|error): ', l)]
        check(len([l for l in cmds if not l.startswith('::warning title=')]) + len(logs) == 12,
              'github: %d annotations and %d log lines for 12 findings' % (len(cmds), len(logs)))
        got = set()
        dec = lambda s: s.replace('%0D', '\r').replace('%0A', '\n').replace('%3A', ':').replace('%2C', ',').replace('%25', '%')
        for l in cmds:
            m = re.fullmatch(r'::(warning|notice|error) ([^:]*)::(.*)', l)
            if m is None:
                check(re.fullmatch(r'::(group|endgroup)::.*', l) is not None, 'github: malformed command %r' % l)
                continue
            props = {}
            for kv in m.group(2).split(','):
                k, _, v = kv.partition('=')
                props[k] = v
            check(set(props) <= {'file', 'line', 'endLine', 'col', 'endColumn', 'title'},
                  'github: a property leaked from a name: %r' % l)
            if 'file' in props:
                got.add(dec(props['file']))
        unesc = lambda s: s.replace('\\n', '\n').replace('\\r', '\r').replace('\\x1b', '\x1b')
        for l in logs:
            got.add(unesc(re.match(r'archlint: (.*):[0-9]+: (warning|note|error): ', l).group(1)))
        for l in lines:
            check('\r' not in l and '\x1b' not in l, 'github: raw control character in %r' % l)
        for p in paths:
            check(p in got, 'github: %r not among the decoded file= values and log lines' % p)
    elif f == 'gitlab':
        d = json.loads(text)
        got = {x['location']['path'] for x in d}
        for p in paths:
            check(p in got, 'gitlab: %r does not round-trip' % p)
    elif f == 'junit':
        root = ET.fromstring(raw)
        cases = root.iter('testcase')
        names_got = {c.get('name') for c in cases}
        check(len(names_got) >= 13, 'junit: %d test cases' % len(names_got))
        check(not re.search(rb'<script>', raw), 'junit: raw markup')
    else:
        print('note: no check for format %s' % f)
sys.exit(1 if bad else 0)
EOF2
pass

# Text: no line of findings or components may start a GitHub workflow command.
al check --no-cache .
expect_rc 1
no_command_lines() { ! grep -q '^::' "$T/out"; }
if no_command_lines; then pass; else fail "a root directory named '::warning ...' starts a text finding line with '::'"; fi
al components --no-cache .
if no_command_lines; then pass; else fail "a root directory named '::warning ...' starts a components line with '::'"; fi
finish
