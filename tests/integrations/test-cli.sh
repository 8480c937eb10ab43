#!/usr/bin/env bash
# test-cli.sh: the command line follows the conventions its users know, and its three
# descriptions agree with the parser: every option `archlint CMD --help` lists is accepted
# (-j4, --jobs=4 and '--' as in any GNU tool), fits 100 columns, and is in the man page
# (rendered by groff without a warning) and in the bash and zsh completions (bash's run
# for real). A usage error is one line naming the help to read, and a near miss names
# the option or the value meant.
. "$(dirname "$0")/lib.sh"
need git groff bash zsh script
docs=$(dirname "$ARCHLINT")/doc
man=$docs/archlint.1
check "the man page is built" test -s "$man"
check "the man page renders without a warning" bash -c "groff -man -Tutf8 -ww -z '$man' 2>&1 | (! grep .)"
MANWIDTH=100 man -l "$man" >"$T/man.txt" 2>/dev/null || groff -man -Tutf8 "$man" >"$T/man.txt"
check "the gzipped man page is the man page" bash -c "gzip -dc '$docs/archlint.1.gz' | cmp - '$man'"
check "zsh reads its completion" zsh -n "$docs/_archlint"
source "$docs/archlint.bash"

complete_words() { # complete_words WORD...: what bash completion offers for the last word
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMPREPLY=()
	_archlint
	printf '%s\n' "${COMPREPLY[@]}"
}

commands=$("$ARCHLINT" --help | sed -n 's/^  \([a-z-]*\) .*/\1/p')
check "the command list is read from --help" test "$(echo "$commands" | wc -l)" -ge 8
for cmd in $commands; do
	"$ARCHLINT" "$cmd" --help >"$T/help" 2>"$T/help.err" || fail "$cmd --help exits non-zero"
	check "$cmd --help fits 100 columns" bash -c "! awk 'length > 100' '$T/help' | grep ."
	check "archlint help $cmd is $cmd --help" bash -c "'$ARCHLINT' help $cmd | cmp - '$T/help'"
	check "the man page has a section for $cmd" grep -q "^   archlint $cmd" "$T/man.txt"
	complete_words archlint "${cmd:0:3}" >"$T/compl"
	check "bash completes the command $cmd" grep -qx "$cmd" "$T/compl"
	sed -n 's/^  \(-[a-zA-Z], \)\{0,1\}--\([a-z-]*\)\( [A-Z]*\)\{0,1\} .*/\2\3/p' "$T/help" >"$T/opts"
	check "$cmd --help lists options" test -s "$T/opts"
	while read -r name value; do
		args=("--$name")
		case $value in
		'') ;;
		FMT) args=("--$name=$(sed -n 's/.*output format: \([a-z]*\).*/\1/p' "$T/help")") ;;
		LEVEL) args+=(note) ;;
		N) args=("--$name=4") ;;
		*) args+=(some-value) ;;
		esac
		got=0
		"$ARCHLINT" "$cmd" "${args[@]}" --help >/dev/null 2>"$T/err" || got=$?
		check "$cmd accepts ${args[*]} (listed in its --help)" test "$got" = 0
		check "the man page documents $cmd --$name" grep -q -- "--$name" "$T/man.txt"
		check "zsh completes $cmd --$name" grep -q -- "--$name" "$docs/_archlint"
		complete_words archlint "$cmd" "--${name:0:3}" >"$T/compl"
		check "bash completes $cmd --$name" grep -qx -- "--$name" "$T/compl"
	done <"$T/opts"
done

# Values: choices and files.
complete_words archlint check --fail-on "" >"$T/compl"
check "bash completes --fail-on's levels" test "$(tr '\n' ' ' <"$T/compl")" = "error warning note never "
complete_words archlint report -f "" >"$T/compl"
check "bash completes report's formats" test "$(tr '\n' ' ' <"$T/compl")" = "html md json "
mkdir -p "$T/cwd/rules-dir"
touch "$T/cwd/rules-file"
(cd "$T/cwd" && complete_words archlint check --rules r) >"$T/compl"
check "bash completes folders for --rules" test "$(cat "$T/compl")" = "rules-dir"

# GNU conventions, on a real repository.
build_repo "$AL_FIXTURES/polyglot" "$T/repo"
run_archlint 1 check "$T/repo" --quiet
cp "$T/out" "$T/default.out"
for form in "-j4" "--jobs=4" "-j 4" "-qj4"; do
	run_archlint 1 check $form "$T/repo" --quiet
	check "check $form gives the same findings" cmp "$T/out" "$T/default.out"
done
run_archlint 1 check --quiet -- "$T/repo"
check "'--' ends the options" cmp "$T/out" "$T/default.out"
run_archlint 0 -V
check "-V prints the version" grep -q '^archlint [0-9]' "$T/out"

# Text findings: grouped under a line naming the component with its role and confidence;
# colour and wrapping at 100 columns on a terminal only (a real pty, through script(1)).
run_archlint 1 check "$T/repo"
check "piped: findings grouped under their component" grep -qx 'cmd/edge-proxy (go, data-path, confidence [0-9.]*)' "$T/out"
check "piped: one finding is one line" grep -q '^cmd/edge-proxy/main.go:[0-9]*: warning: data-path service written in Go; .* \[AL001\]$' "$T/out"
check "piped: no colour" bash -c "! grep -q $'\033' '$T/out'"
check "the summary fits 100 columns" bash -c "! awk 'length > 100' '$T/err' | grep ."
on_tty() { # on_tty OUT ENV...: archlint check on a terminal, its screen in OUT
	local out=$1
	shift
	env "$@" script -qec "'$ARCHLINT' check '$T/repo'" /dev/null | tr -d '\r' >"$out" || true
}
on_tty "$T/tty" TERM=xterm
check "terminal: colour" grep -q $'\033\\[1;33mwarning\033\\[0m' "$T/tty"
check "terminal: every line fits 100 columns" bash -c "! sed $'s/\033\\\\[[0-9;]*m//g' '$T/tty' | awk 'length > 100' | grep ."
check "terminal: a long message goes on under itself" bash -c "sed $'s/\033\\\\[[0-9;]*m//g' '$T/tty' | grep -q '^    .*\\[AL00[12]\\]$'"
on_tty "$T/nocolor" TERM=xterm NO_COLOR=1
check "NO_COLOR: no colour on a terminal" bash -c "! grep -q $'\033' '$T/nocolor'"
check "NO_COLOR: the same text" bash -c "diff <(sed $'s/\033\\\\[[0-9;]*m//g' '$T/tty') '$T/nocolor'"
on_tty "$T/dumb" TERM=dumb
check "TERM=dumb: no colour" bash -c "! grep -q $'\033' '$T/dumb'"

# Usage errors: one line, the help to read, the option or value meant.
usage_error() { # usage_error EXPECTED_PATTERN ARGS...
	local want=$1
	shift
	run_archlint 2 "$@" || return 0
	check "archlint $*: one line" test "$(wc -l <"$T/err")" = 1
	check "archlint $*: says '$want'" grep -q -- "$want" "$T/err"
	check "archlint $*: names the help" grep -qF "(see 'archlint $1 --help')" "$T/err"
	check "archlint $*: nothing on stdout" test ! -s "$T/out"
}
usage_error "unknown option '--fromat': did you mean '--format'?" check "$T/repo" --fromat json
usage_error "'--jobs' takes a number\|--jobs takes a number from 1 to 256, not 'many'" check --jobs many
usage_error "--format takes text or json, not 'jsn': did you mean 'json'?" components -f jsn
usage_error "option '--staged' takes no value" check --staged=yes
usage_error "option '--baseline' needs a value" check --baseline
usage_error "option '--f' is ambiguous: --force or --full-gate" install-hook --f
usage_error "'--since' is an option of 'archlint report', not of check" check --since HEAD
usage_error "unknown option '-x'" check -x
usage_error "explain needs COMPONENT" explain
usage_error "unexpected argument 'extra'" rules extra
usage_error "--history takes a number from 1 to 10000, not '0'" report --history 0
usage_error "--rev, --staged and --worktree exclude each other" check --staged --worktree
finish
