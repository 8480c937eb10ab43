#!/usr/bin/env bash
# What the repository puts into the rendered reports. A commit subject with a URL, a
# "www." host, an address or an ":emoji:" is text in the Markdown report, never a link
# (rendered by cmark-gfm with its autolink extension, as GitHub renders a comment).
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

finish
