#!/usr/bin/env bash
# A damaged object store: pack indexes and packs cut short or overwritten, objects that do
# not inflate, a commit that is gone. libgit2 1.5 crashes on some of these (an index whose
# object count overflows its 32-bit size check, an object offset past the end of its pack)
# and reports others as an unknown revision; archlint names the damaged file and the cause
# in one line and exits 2, in every source mode, or — for one unreadable blob — judges the
# rest with a notice.
. "$(dirname "$0")/../lib.sh"

# A sound repository with two services, its objects in one pack.
repo sound
go_mod && go_proxy cmd/proxy && go_api cmd/api && commit
git gc -q
stem=$(ls .git/objects/pack/*.idx)
stem=${stem%.idx}
stem=${stem#"$T/sound/"}
idx_size=$(stat -c %s "$stem.idx")
pack_size=$(stat -c %s "$stem.pack")
count=$(git count-objects -v | sed -n 's/^in-pack: //p')
cd "$T"

# damaged NAME PYTHON: a copy of the sound repository as $T/NAME, with PYTHON run on the
# bytes of its pack index (idx) and pack (pack), bytearrays written back afterwards.
damaged() {
	rm -rf "${T:?}/$1"
	cp -a "$T/sound" "$T/$1"
	chmod u+w "$T/$1/$stem".*
	python3 - "$T/$1/$stem" "$2" <<'EOF'
import struct, sys
stem, code = sys.argv[1], sys.argv[2]
idx = bytearray(open(stem + '.idx', 'rb').read())
pack = bytearray(open(stem + '.pack', 'rb').read())
count = struct.unpack('>I', idx[8 + 255 * 4:8 + 256 * 4])[0]
def be32(v): return struct.pack('>I', v)
exec(code)
open(stem + '.idx', 'wb').write(idx)
open(stem + '.pack', 'wb').write(pack)
EOF
}
# refused NAME MESSAGE: every source mode of NAME fails with exactly that error.
refused() {
	for mode in "" --staged --worktree; do
		al_bounded 30 512 check --no-cache $mode "$1"
		expect_rc 2
		expect_error "$2"
		expect_empty_stdout
	done
}

al_bounded 30 512 check --no-cache --format json sound
expect_rc 1
json 'd["source"]["complete"] and finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"' "sound pack"

# An object count of 2^32 - 1 (fan-out entries rising to it): 28 bytes an object wrap
# around in libgit2's 32-bit size check, which the index then passes (a segfault).
damaged overflow 'idx[8 + 254 * 4:8 + 256 * 4] = be32(0xfffffff0) + be32(0xffffffff)'
refused overflow "$T/overflow/$stem.idx: corrupt pack index ($idx_size bytes cannot hold the 4294967295 objects its fan-out table counts)"
damaged countplus 'idx[8 + 255 * 4:8 + 256 * 4] = be32(count + 1)'
refused countplus "$T/countplus/$stem.idx: corrupt pack index ($idx_size bytes cannot hold the $((count + 1)) objects its fan-out table counts)"
damaged fanout 'idx[8 + 16 * 4:8 + 17 * 4] = be32(0x01000000)'
refused fanout "$T/fanout/$stem.idx: corrupt pack index (its fan-out table decreases at entry 17)"
damaged shortidx 'del idx[600:]'
refused shortidx "$T/shortidx/$stem.idx: corrupt pack index (600 bytes, shorter than an empty index)"
damaged version 'idx[4:8] = be32(3)'
refused version "$T/version/$stem.idx: corrupt pack index (unsupported version 3)"
# An object offset past the end of the pack (inside its last mapped page: a SIGBUS).
damaged offset 'idx[8 + 256 * 4 + count * 24:8 + 256 * 4 + count * 24 + 4] = be32(len(pack) + 100)'
refused offset "$T/offset/$stem.idx: corrupt pack index (object 0 lies at offset $((pack_size + 100)), outside its $pack_size-byte pack)"

# Packs cut short: not an unknown revision but the pack and why.
damaged truncated 'del pack[-1:]'
refused truncated "$T/truncated/$stem.pack: corrupt pack (truncated or overwritten: its closing checksum is not the one its index records)"
damaged stub 'del pack[10:]'
refused stub "$T/stub/$stem.pack: corrupt pack (truncated: shorter than a pack's header and checksum)"
damaged packcount 'pack[8:12] = be32(count + 1)'
refused packcount "$T/packcount/$stem.pack: corrupt pack (its object count is not its index's)"

# A damaged pack in an alternate object store is the same damage.
git clone -q --shared "$T/sound" shared
printf '%s\n' "$T/overflow/.git/objects" >shared/.git/objects/info/alternates
al_bounded 30 512 check --no-cache shared
expect_rc 2
expect_error "$T/overflow/$stem.idx: corrupt pack index ($idx_size bytes cannot hold the 4294967295 objects its fan-out table counts)"

# Sound but unusual indexes are not refused: version 1, and version 2 with every offset in
# the 8-byte table (index-pack's threshold at 16 bytes).
for v in 1 2,16; do
	rm -rf "$T/reindexed"
	cp -a "$T/sound" "$T/reindexed"
	chmod u+w "$T/reindexed/$stem.idx" && rm "$T/reindexed/$stem.idx"
	git -C "$T/reindexed" index-pack --index-version="$v" "$stem.pack" >/dev/null
	al_bounded 30 512 check --no-cache --format json reindexed
	expect_rc 1
	json 'd["source"]["complete"] and finding("AL001", "cmd/proxy") and role("cmd/api") == "control-plane"' "index version $v"
done

# Object data that does not inflate: the commit's (nothing can be listed) or one blob's
# (that file is a notice, the other service is judged).
offset_of() { git -C "$T/sound" verify-pack -v "$stem.idx" | awk -v id="$1" '$1 == id { print $5 }'; }
commit_at=$(offset_of "$(git -C "$T/sound" rev-parse HEAD)")
blob=$(git -C "$T/sound" rev-parse HEAD:cmd/api/main.go)
blob_at=$(offset_of "$blob")
damaged badcommit "pack[$commit_at + 4] ^= 0xff"
al_bounded 30 512 check --no-cache badcommit
expect_rc 2
expect_error_match "^archlint: 'badcommit': cannot read revision 'HEAD': [a-z]"
damaged badblob "pack[$blob_at + 4] ^= 0xff"
al_bounded 30 512 check --no-cache --format json badblob
expect_rc 1
json 'not d["source"]["complete"] and has_notice("cmd/api/main.go: blob '"$blob"' cannot be read: ") and finding("AL001", "cmd/proxy")' "one unreadable blob"

# A loose commit that is gone: HEAD names it, the object database does not have it.
repo loose
go_mod && go_proxy cmd/proxy && commit
head=$(git rev-parse HEAD)
rm -f ".git/objects/${head:0:2}/${head:2}"
cd "$T"
al_bounded 30 512 check --no-cache loose
expect_rc 2
expect_error "'loose': revision 'HEAD' names $head, which is missing from the object database"
finish
