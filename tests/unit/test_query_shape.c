/*
 * test_query_shape.c: al_query_shape_problem — the query shapes tree-sitter 0.20.7 writes out
 * of bounds on or never finishes matching are refused with a reason at the right offset, and
 * ordinary queries (predicates, anchors, alternations, quantifiers, fields, negated fields,
 * comments, strings with escapes) pass and then compile with the Rust grammar. A query this
 * reader cannot follow is left to tree-sitter's own syntax error.
 */
#include "unit.h"

#include <tree_sitter/api.h>

#include "grammars.h"
#include "query_shape.h"

typedef struct {
	const char *query;
	const char *problem;
	size_t offset;
} refused;

static const refused REFUSED[] = {
    /* out-of-bounds writes in ts_query_new */
    {"name: (#a)", "field naming a predicate", 6},
    {"(function_item name: (#eq? @x \"y\") @c)", "field naming a predicate", 21},
    {"(function_item name: [(#a)])", "predicate as an alternative", 22},
    {"(function_item name: ((#a)))", "group holding only predicates", 21},
    {"((#a)) @c", "group holding only predicates", 0},
    {"(function_item (identifier) (#eq? @x \"y\") .)", "anchor '.' next to a predicate", 42},
    {"(function_item . (#eq? @x \"y\"))", "anchor '.' next to a predicate", 17},
    {"(#eq? @x \"y\")", "predicate outside any pattern", 0},
    {"(eq? @x \"y\")", "predicate outside any pattern", 0},
    {"(identifier) @x\n(.eq? @x \"y\")", "predicate outside any pattern", 16},
    /* the query cursor never finishes */
    {"(source_file (line_comment)?+ @c)", "more than one quantifier", 28},
    {"(source_file (line_comment)*? @c)", "more than one quantifier", 28},
    {"(source_file ((line_comment)?)+ @c)", "can already match nothing", 30},
    {"(source_file ((line_comment)* (block_comment)?)* @c)",
     "quantifier on a pattern that can already match nothing", 47},
    {"(source_file [(line_comment) (function_item)?]* @c)",
     "quantifier on a pattern that can already match nothing", 46},
    {"(source_file x: (line_comment)? *)", "more than one quantifier", 32},
    /* the library reads and writes past its steps */
    {"(source_file ((line_comment)?)? @c)", "can already match nothing", 30},
    {"(source_file ((line_comment)*)? @c)", "can already match nothing", 30},
    /* one signal's query must not run on into the next one's */
    {"(function_item name:", "unfinished pattern", 20},
    {"(function_item \"fn", "unfinished pattern", 18},
    {"@c (identifier)", "capture or quantifier before any pattern", 0},
    {"  * (identifier)", "capture or quantifier before any pattern", 2},
};

static const char *const ACCEPTED[] = {
    "(function_item name: (identifier) @n (#eq? @n \"main\")) @signal",
    "((identifier) @x (#match? @x \"^a\\\"b\") (#not-any-of? @x \"c\" \"d\"))",
    "; a comment with (#a) in it\n(unsafe_block) @signal",
    "[(function_item) (struct_item name: (type_identifier) @n)] @signal",
    "(source_file (line_comment)* @a . (function_item) .)",
    "(source_file ((line_comment) (function_item))+ @c)",
    "(source_file ((line_comment)+)* @c)",
    "(source_file ((line_comment) (function_item)?)? @c)",
    "(function_item !type_parameters name: (_) @n)",
    "(macro_invocation macro: (identifier) @m (#eq? @m \"tokio\")) @signal",
    "(_ (identifier)) \"fn\" _",
};

static void refuses_mishandled_shapes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(REFUSED) / sizeof(REFUSED[0]); i++) {
		size_t at = 12345;
		const char *problem = al_query_shape_problem(REFUSED[i].query, &at);
		if (!problem)
			fail_msg("accepted: %s", REFUSED[i].query);
		assert_contains(problem, REFUSED[i].problem);
		if (at != REFUSED[i].offset)
			fail_msg("%s: offset %zu, expected %zu", REFUSED[i].query, at,
			         REFUSED[i].offset);
	}
}

static void accepts_ordinary_queries(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ACCEPTED) / sizeof(ACCEPTED[0]); i++) {
		size_t at;
		const char *problem = al_query_shape_problem(ACCEPTED[i], &at);
		if (problem)
			fail_msg("%s: %s at %zu", ACCEPTED[i], problem, at);
		uint32_t offset;
		TSQueryError kind;
		TSQuery *q = ts_query_new(al_grammar_for(AL_LANG_RUST), ACCEPTED[i],
		                          (uint32_t)strlen(ACCEPTED[i]), &offset, &kind);
		if (!q)
			fail_msg("%s: tree-sitter error %d at %u", ACCEPTED[i], kind, offset);
		ts_query_delete(q);
	}
}

static void deep_nesting_is_refused(void **state)
{
	(void)state;
	char query[512] = "";
	for (int i = 0; i < 120; i++)
		strcat(query, "(");
	size_t at;
	const char *problem = al_query_shape_problem(query, &at);
	assert_non_null(problem);
	assert_contains(problem, "nesting deeper than 100 levels");
	assert_int_equal(at, 101);
}

static void syntax_errors_are_left_to_tree_sitter(void **state)
{
	(void)state;
	size_t at;
	assert_null(al_query_shape_problem("(function_item))", &at));
	assert_null(al_query_shape_problem("(function_item $)", &at));
	assert_null(al_query_shape_problem("(identifier) @ x", &at));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(refuses_mishandled_shapes),
	    cmocka_unit_test(accepts_ordinary_queries),
	    cmocka_unit_test(deep_nesting_is_refused),
	    cmocka_unit_test(syntax_errors_are_left_to_tree_sitter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
