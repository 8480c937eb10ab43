#!/usr/bin/env bash
# What the repository puts into the rendered reports. A commit subject with a URL, a
# "www." host, an address or an ":emoji:" is text in the Markdown report, never a link
# (rendered by cmark-gfm with its autolink extension, as GitHub renders a comment). The
# GitHub job summary stays well under GitHub's 1 MiB per step however long the flagged
# services' paths are (520 services, each ~2 KB deep, once made a 4.4 MB summary).
. "$(dirname "$0")/../lib.sh"

repo subjects
go_mod && go_proxy cmd/proxy
commit base
subject='fix https://evil.example/x, ftp://evil.example/y and www.evil.example/z; mail me@evil.example or xmpp:me@evil.example :rocket:'
git commit -q --allow-empty -m "$subject"
al_bounded 30 512 report --no-cache --format md --history 2 .
expect_rc 0
expect_stdout_has 'evil'
if command -v cmark-gfm >/dev/null; then
	cmark-gfm --unsafe -e autolink -e table "$T/out" >"$T/md.html"
	if grep -q '<a ' "$T/md.html"; then
		fail "a commit subject autolinks in the md report: $(grep -o '<a [^>]*>' "$T/md.html" | head -3)"
	else pass; fi
	for text in 'https://evil.example/x' 'ftp://evil.example/y' 'www.evil.example/z' 'xmpp:me@'; do
		if grep -qF -- "$text" "$T/md.html"; then pass; else fail "md report lacks the text '$text'"; fi
	done
else
	echo "note: cmark-gfm not found: rendered Markdown not checked"
fi

# 520 flagged services under ~1.9 KB paths with punctuation (escaped in the summary),
# written straight into the index: no work tree holds paths that long.
repo long
go_mod && go_proxy proto
blob=$(git hash-object -w proto/main.go)
rm -r proto
seg=$(printf 'x+%.0s' $(seq 120))x
deep=$(printf "$seg/%.0s" $(seq 8))
for i in $(seq -w 1 520); do printf '100644 %s\tcmd/%ss%s/main.go\n' "$blob" "$deep" "$i"; done |
	git update-index --add --index-info
git add go.mod && git commit -q -m many
export GITHUB_STEP_SUMMARY=$T/summary.md
al_bounded 120 512 check --no-cache --format github .
unset GITHUB_STEP_SUMMARY
expect_rc 1
size=$(stat -c %s "$T/summary.md")
if [ "$size" -lt $((1024 * 1024)) ]; then pass; else fail "the job summary is $size bytes"; fi
if grep -qE '^…and [0-9]+ more: see the log\.$' "$T/summary.md"; then pass; else
	fail "the summary does not say how many findings it leaves to the log"
fi
if [ "$(grep -c '^| warning | AL001 |' "$T/summary.md")" -gt 0 ]; then pass; else
	fail "the summary lists no finding"
fi
expect_stdout_has 'archlint: 520 components; 520 findings'
finish
