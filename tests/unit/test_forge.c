/*
 * test_forge.c: the forge addresses the review report links to — every remote form git
 * takes (https, ssh, scp-like, with port or credentials) read to the same project page;
 * anything else (another host, a local path, a hostile project path) gives no link; file
 * and directory pages at a commit, percent-encoded.
 */
#include "unit.h"

#include "git/forge.h"

static void parses(const char *url, al_forge_kind kind, const char *base)
{
	al_forge f = {0};
	if (!al_forge_parse(url, &f))
		fail_msg("no forge read from %s", url);
	assert_int_equal(f.kind, kind);
	assert_string_equal(f.base, base);
	al_forge_dispose(&f);
}

static void refuses(const char *url)
{
	al_forge f = {0};
	if (al_forge_parse(url, &f))
		fail_msg("%s read as %s", url, f.base);
	assert_null(f.base);
}

static void every_remote_form_reads_to_the_project(void **state)
{
	(void)state;
	const char *base = "https://github.com/acme/shop";
	parses("https://github.com/acme/shop.git", AL_FORGE_GITHUB, base);
	parses("https://github.com/acme/shop", AL_FORGE_GITHUB, base);
	parses("https://ci-token@github.com/acme/shop.git", AL_FORGE_GITHUB, base);
	parses("https://user:secret@GitHub.com/acme/shop/", AL_FORGE_GITHUB, base);
	parses("git@github.com:acme/shop.git", AL_FORGE_GITHUB, base);
	parses("ssh://git@github.com/acme/shop.git", AL_FORGE_GITHUB, base);
	parses("https://gitlab.com/group/sub/proj.git", AL_FORGE_GITLAB,
	       "https://gitlab.com/group/sub/proj");
	parses("ssh://git@gitlab.example.com:2222/group/proj.git", AL_FORGE_GITLAB,
	       "https://gitlab.example.com/group/proj");
}

static void anything_else_gives_no_link(void **state)
{
	(void)state;
	refuses("/srv/git/shop.git");
	refuses("file:///srv/git/shop.git");
	refuses("https://example.com/acme/shop.git");
	refuses("https://github.com/acme");                 /* no project */
	refuses("https://github.com/../../evil");           /* no segment may climb */
	refuses("https://github.com/acme/\"onmouseover=x"); /* only safe characters */
	refuses("https://github.com/acme/shop?x=<script>");
	refuses("https://github.com.evil.example/acme/shop"); /* the host is matched whole */
}

static void pages_at_a_commit(void **state)
{
	(void)state;
	al_forge hub = {0}, lab = {0};
	assert_true(al_forge_parse("git@github.com:acme/shop.git", &hub));
	assert_true(al_forge_parse("https://gitlab.com/g/p.git", &lab));
	char *file = al_forge_link(&hub, "abc123", "cmd/my api/main #1.go", 12, 0);
	assert_string_equal(
	    file, "https://github.com/acme/shop/blob/abc123/cmd/my%20api/main%20%231.go#L12");
	char *dir = al_forge_link(&lab, "abc123", "internal/config", 0, 1);
	assert_string_equal(dir, "https://gitlab.com/g/p/-/tree/abc123/internal/config");
	free(file);
	free(dir);
	al_forge_dispose(&hub);
	al_forge_dispose(&lab);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_remote_form_reads_to_the_project),
	    cmocka_unit_test(anything_else_gives_no_link),
	    cmocka_unit_test(pages_at_a_commit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
