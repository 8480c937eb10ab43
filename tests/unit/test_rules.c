/*
 * test_rules.c: the ruleset and its query engine — signals added from JSON, validated
 * (missing fields, weight bounds, roles, languages, exactly one kind), replaced by a later
 * signal of the same id; import prefix matching and crate matching with '-' == '_'; Go and
 * Rust query signals run through al_extract_file with #eq?, #not-eq?, #match?, #any-of?
 * and @signal locations (hit line and count); query errors naming origin and line:col;
 * unsupported predicates; the embedded rules loading cleanly; and compiling only the
 * languages a run parses while the user's queries of the others are still checked.
 */
#include "unit.h"

#include <cjson/cJSON.h>
#include <tree_sitter/api.h>

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract.h"
#include "rules.h"

typedef struct {
	al_ruleset *rules;
	al_extractor ex;
	al_file_facts *facts;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	f->rules = al_ruleset_new();
	al_extractor_init(&f->ex);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	al_file_facts_free(f->facts);
	al_extractor_release(&f->ex);
	al_ruleset_free(f->rules);
	free(f);
	return 0;
}

/* Adds one signal from JSON text; returns what al_ruleset_add_signal_json returned. */
static int add_json(al_ruleset *rules, const char *json, const char *origin)
{
	cJSON *doc = cJSON_Parse(json);
	if (!doc)
		fail_msg("test JSON does not parse: %s", json);
	int rc = al_ruleset_add_signal_json(rules, doc, origin);
	cJSON_Delete(doc);
	return rc;
}

static void add_ok(al_ruleset *rules, const char *json)
{
	int rc = add_json(rules, json, "test/signals.json");
	if (rc != 0)
		fail_msg("adding %s returned %d: %s", json, rc, al_error_last());
}

static void finish_ok(al_ruleset *rules)
{
	int rc = al_ruleset_finish(rules);
	if (rc != 0)
		fail_msg("al_ruleset_finish returned %d: %s", rc, al_error_last());
}

/* A ruleset of the one signal `json` (from the file `origin`) must fail to finish, with an
 * error holding each of the texts that follow (NULL-terminated). */
static void finish_fails(const char *json, const char *origin, ...)
{
	al_ruleset *rules = al_ruleset_new();
	int rc = add_json(rules, json, origin);
	if (rc != 0)
		fail_msg("adding %s returned %d: %s", json, rc, al_error_last());
	al_error_clear();
	assert_err(AL_ECONFIG, al_ruleset_finish(rules));
	va_list ap;
	va_start(ap, origin);
	for (const char *want; (want = va_arg(ap, const char *)) != NULL;)
		assert_contains(al_error_last(), want);
	va_end(ap);
	al_ruleset_free(rules);
}

static const al_file_facts *extract(fixture *f, al_language lang, const char *src)
{
	al_file_facts_free(f->facts);
	f->facts = NULL;
	int rc = al_extract_file(&f->facts, &f->ex, f->rules, lang,
	                         lang == AL_LANG_GO ? "x.go" : "x.rs", src, strlen(src));
	if (rc != 0)
		fail_msg("al_extract_file returned %d: %s", rc, al_error_last());
	return f->facts;
}

/* The hit of a signal id, or NULL. */
static const al_hit *hit_of(const al_file_facts *ff, const char *id)
{
	for (size_t i = 0; i < ff->hits.len; i++) {
		const al_hit *h = ff->hits.items[i];
		if (strcmp(h->signal->id, id) == 0)
			return h;
	}
	return NULL;
}

static void assert_hit(const al_file_facts *ff, const char *id, unsigned line, unsigned count)
{
	const al_hit *h = hit_of(ff, id);
	if (!h)
		fail_msg("no hit of signal \"%s\" (%zu hits)", id, ff->hits.len);
	if (h->line != line || h->count != count)
		fail_msg("signal \"%s\": line %u count %u, expected line %u count %u", id, h->line,
		         h->count, line, count);
}

static void assert_no_hit(const al_file_facts *ff, const char *id)
{
	const al_hit *h = hit_of(ff, id);
	if (h)
		fail_msg("unexpected hit of signal \"%s\" at line %u", id, h->line);
}

/* Expects adding json to fail with AL_ECONFIG and a message holding both fragments. */
static void add_fails(const char *json, const char *frag1, const char *frag2)
{
	al_ruleset *rules = al_ruleset_new();
	al_error_clear();
	int rc = add_json(rules, json, "bad/signals.json");
	if (rc != AL_ECONFIG)
		fail_msg("adding %s returned %d, expected AL_ECONFIG", json, rc);
	assert_contains(al_error_last(), "bad/signals.json");
	if (frag1)
		assert_contains(al_error_last(), frag1);
	if (frag2)
		assert_contains(al_error_last(), frag2);
	assert_int_equal(rules->signals.len, 0); /* nothing half-added */
	al_ruleset_free(rules);
}

/* ---- signal tables ---- */

static void signal_fields_are_parsed(void **state)
{
	fixture *f = *state;
	add_ok(f->rules,
	       "{\"id\":\"go.k8s\",\"role\":\"control-plane\",\"weight\":2.5,"
	       "\"why\":\"talks to the Kubernetes API\",\"imports\":[\"k8s.io/client-go\"]}");
	add_ok(f->rules, "{\"id\":\"rs.io\",\"role\":\"data-path\",\"weight\":3,\"why\":\"io\","
	                 "\"crates\":[\"io-uring\",\"glommio\"]}");
	add_ok(f->rules, "{\"id\":\"p.tool\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"paths\":[\"tools/**\"],\"language\":\"go\"}");
	assert_int_equal(f->rules->signals.len, 3);
	const al_signal *s = f->rules->signals.items[0];
	assert_string_equal(s->id, "go.k8s");
	assert_int_equal(s->role, AL_ROLE_CONTROL_PLANE);
	assert_true(s->weight == 2.5);
	assert_int_equal(s->kind, AL_SIG_IMPORT);
	assert_int_equal(s->language, AL_LANG_GO); /* imports are Go */
	assert_string_equal(s->origin, "test/signals.json");
	assert_int_equal(s->index, 0);
	s = f->rules->signals.items[1];
	assert_int_equal(s->kind, AL_SIG_CRATE);
	assert_int_equal(s->language, AL_LANG_RUST); /* crates are Rust */
	assert_int_equal(s->patterns.len, 2);
	assert_int_equal(s->index, 1);
	s = f->rules->signals.items[2];
	assert_int_equal(s->kind, AL_SIG_PATH);
	assert_int_equal(s->role, AL_ROLE_TOOL);
	finish_ok(f->rules);
	assert_int_equal(strlen(f->rules->hash), 40);
}

static void signal_validation(void **state)
{
	(void)state;
	add_fails("{\"id\":\"a\",\"role\":\"tool\",\"weight\":1,\"imports\":[\"x\"]}", "\"why\"",
	          NULL);
	add_fails("{\"role\":\"tool\",\"weight\":1,\"why\":\"w\",\"imports\":[\"x\"]}", "\"id\"",
	          NULL);
	add_fails("{\"id\":\"a\",\"role\":\"tool\",\"why\":\"w\",\"imports\":[\"x\"]}",
	          "\"weight\"", NULL);
	add_fails(
	    "{\"id\":\"a\",\"role\":\"tool\",\"weight\":\"1\",\"why\":\"w\",\"imports\":[\"x\"]}",
	    "\"weight\"", NULL);
	add_fails(
	    "{\"id\":\"w0\",\"role\":\"tool\",\"weight\":0,\"why\":\"w\",\"imports\":[\"x\"]}",
	    "w0", "weight");
	add_fails(
	    "{\"id\":\"wn\",\"role\":\"tool\",\"weight\":-2,\"why\":\"w\",\"imports\":[\"x\"]}",
	    "wn", "weight");
	add_fails(
	    "{\"id\":\"wb\",\"role\":\"tool\",\"weight\":1000,\"why\":\"w\",\"imports\":[\"x\"]}",
	    "wb", "weight");
	add_fails(
	    "{\"id\":\"r\",\"role\":\"database\",\"weight\":1,\"why\":\"w\",\"imports\":[\"x\"]}",
	    "unknown role", "database");
	add_fails("{\"id\":\"u\",\"role\":\"unclassified\",\"weight\":1,\"why\":\"w\",\"imports\":["
	          "\"x\"]}",
	          "unknown role", NULL);
	add_fails("{\"id\":\"l\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\",\"language\":\"c\","
	          "\"paths\":[\"x\"]}",
	          "unknown language", NULL);
	add_fails("{\"id\":\"none\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\"}", "exactly one",
	          NULL);
	add_fails(
	    "{\"id\":\"two\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\",\"imports\":[\"x\"],"
	    "\"crates\":[\"y\"]}",
	    "exactly one", NULL);
	add_fails("{\"id\":\"e\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\",\"imports\":[]}",
	          "non-empty", NULL);
	add_fails("{\"id\":\"s\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\",\"imports\":\"x\"}",
	          "imports", NULL);
	add_fails("{\"id\":\"n\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\",\"imports\":[1]}",
	          "must list strings", NULL);
	add_fails("{\"id\":\"q\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	          "\"query\":\"(identifier) @x\"}",
	          "language", NULL);
	add_fails("[1, 2]", NULL, NULL);
}

static void later_signal_replaces_earlier(void **state)
{
	fixture *f = *state;
	add_ok(f->rules, "{\"id\":\"first\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"imports\":[\"example.com/a\"]}");
	add_ok(f->rules, "{\"id\":\"dup\",\"role\":\"tool\",\"weight\":1,\"why\":\"old\","
	                 "\"imports\":[\"example.com/old\"]}");
	add_ok(f->rules, "{\"id\":\"dup\",\"role\":\"data-path\",\"weight\":5,\"why\":\"new\","
	                 "\"imports\":[\"example.com/new\"]}");
	assert_int_equal(f->rules->signals.len, 2);
	const al_signal *s = f->rules->signals.items[1];
	assert_string_equal(s->id, "dup");
	assert_string_equal(s->why, "new");
	assert_int_equal(s->role, AL_ROLE_DATA_PATH);
	assert_true(s->weight == 5);
	assert_int_equal(s->index, 1); /* keeps the slot of the one it replaced */
	finish_ok(f->rules);

	al_vec out = AL_VEC_INIT;
	al_ruleset_match_import(f->rules, "example.com/old", &out);
	assert_int_equal(out.len, 0); /* the replaced patterns are gone */
	al_ruleset_match_import(f->rules, "example.com/new/pkg", &out);
	assert_int_equal(out.len, 1);
	assert_ptr_equal(out.items[0], s);
	al_vec_dispose(&out);
}

static void match_import_prefix(void **state)
{
	fixture *f = *state;
	add_ok(f->rules, "{\"id\":\"k8s\",\"role\":\"control-plane\",\"weight\":2,\"why\":\"w\","
	                 "\"imports\":[\"k8s.io/client-go\"]}");
	add_ok(f->rules,
	       "{\"id\":\"k8s-kube\",\"role\":\"control-plane\",\"weight\":1,\"why\":\"w\","
	       "\"imports\":[\"k8s.io/client-go/kubernetes\", \"k8s.io/api\"]}");
	finish_ok(f->rules);

	al_vec out = AL_VEC_INIT;
	al_ruleset_match_import(f->rules, "k8s.io/client-go", &out);
	assert_int_equal(out.len, 1);
	assert_string_equal(((al_signal *)out.items[0])->id, "k8s");
	al_vec_dispose(&out);

	/* A sub-package matches every pattern that is a parent of it. */
	al_ruleset_match_import(f->rules, "k8s.io/client-go/kubernetes/typed/core/v1", &out);
	assert_int_equal(out.len, 2);
	int saw_k8s = 0, saw_kube = 0;
	for (size_t i = 0; i < out.len; i++) {
		const char *id = ((al_signal *)out.items[i])->id;
		saw_k8s |= strcmp(id, "k8s") == 0;
		saw_kube |= strcmp(id, "k8s-kube") == 0;
	}
	assert_true(saw_k8s && saw_kube);
	al_vec_dispose(&out);

	/* Prefixes are whole path segments. */
	al_ruleset_match_import(f->rules, "k8s.io/client-gox", &out);
	assert_int_equal(out.len, 0);
	al_ruleset_match_import(f->rules, "k8s.io/client-gox/kubernetes", &out);
	assert_int_equal(out.len, 0);
	al_ruleset_match_import(f->rules, "k8s.io", &out);
	assert_int_equal(out.len, 0);
	al_ruleset_match_import(f->rules, "k8s.io/apimachinery", &out);
	assert_int_equal(out.len, 0);
	al_ruleset_match_import(f->rules, "example.com/k8s.io/client-go", &out);
	assert_int_equal(out.len, 0);
	al_vec_dispose(&out);
}

static void match_crate_dash_underscore(void **state)
{
	fixture *f = *state;
	add_ok(f->rules, "{\"id\":\"uring\",\"role\":\"data-path\",\"weight\":3,\"why\":\"w\","
	                 "\"crates\":[\"tokio-uring\", \"io_uring\"]}");
	finish_ok(f->rules);
	const al_vec *v = al_ruleset_match_crate(f->rules, "tokio_uring");
	assert_non_null(v);
	assert_int_equal(v->len, 1);
	assert_string_equal(((al_signal *)v->items[0])->id, "uring");
	v = al_ruleset_match_crate(f->rules, "tokio-uring");
	assert_non_null(v);
	v = al_ruleset_match_crate(f->rules, "io-uring");
	assert_non_null(v);
	assert_string_equal(((al_signal *)v->items[0])->id, "uring");
	assert_null(al_ruleset_match_crate(f->rules, "tokio"));
	assert_null(al_ruleset_match_crate(f->rules, "tokio-uring-ext"));
	assert_null(al_ruleset_match_crate(f->rules, "io.uring"));
}

/* ---- queries ---- */

static const char go_source[] = "package main\n"                           /* 1 */
                                "\n"                                       /* 2 */
                                "import (\n"                               /* 3 */
                                "\t\"net\"\n"                              /* 4 */
                                "\t\"os\"\n"                               /* 5 */
                                "\t\"syscall\"\n"                          /* 6 */
                                ")\n"                                      /* 7 */
                                "\n"                                       /* 8 */
                                "func main() {\n"                          /* 9 */
                                "\tos.Getenv(\"X\")\n"                     /* 10 */
                                "\tl, _ := net.Listen(\"tcp\", \":80\")\n" /* 11 */
                                "\t_ = l\n"                                /* 12 */
                                "\tnet.ListenUDP(\"udp\", nil)\n"          /* 13 */
                                "\tsyscall.Mmap(0, 0, 0, 0, 0)\n"          /* 14 */
                                "\tnet.Listen(\"tcp\", \":81\")\n"         /* 15 */
                                "\tnet.Dial(\"tcp\", \":82\")\n"           /* 16 */
                                "}\n";

#define CALL_QUERY                                                                                 \
	"((call_expression function: (selector_expression operand: (identifier) @pkg "             \
	"field: (field_identifier) @fn)) @signal "

static void go_query_predicates(void **state)
{
	fixture *f = *state;
	/* #eq? on two captures: net.Listen only. */
	add_ok(f->rules, "{\"id\":\"q.eq\",\"role\":\"data-path\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY
	                 "(#eq? @pkg \\\"net\\\") (#eq? @fn \\\"Listen\\\"))\"}");
	/* #match?: Listen and ListenUDP. */
	add_ok(f->rules, "{\"id\":\"q.match\",\"role\":\"data-path\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY
	                 "(#eq? @pkg \\\"net\\\") (#match? @fn \\\"^Listen\\\"))\"}");
	/* #any-of?: syscall.Mmap and os.Getenv. */
	add_ok(f->rules, "{\"id\":\"q.any\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY
	                 "(#any-of? @pkg \\\"syscall\\\" \\\"os\\\"))\"}");
	/* #not-eq?: every net call but Listen. */
	add_ok(f->rules, "{\"id\":\"q.noteq\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY
	                 "(#eq? @pkg \\\"net\\\") (#not-eq? @fn \\\"Listen\\\"))\"}");
	/* #not-match? and #not-any-of? */
	add_ok(f->rules,
	       "{\"id\":\"q.notany\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	       "\"language\":\"go\",\"query\":\"" CALL_QUERY
	       "(#not-any-of? @pkg \\\"net\\\" \\\"os\\\") (#not-match? @fn \\\"^Z\\\"))\"}");
	/* A predicate that never holds. */
	add_ok(f->rules,
	       "{\"id\":\"q.never\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	       "\"language\":\"go\",\"query\":\"" CALL_QUERY "(#eq? @fn \\\"Nothing\\\"))\"}");
	finish_ok(f->rules);

	const al_file_facts *ff = extract(f, AL_LANG_GO, go_source);
	assert_false(ff->parse_errors);
	assert_hit(ff, "q.eq", 11, 2);    /* lines 11 and 15 */
	assert_hit(ff, "q.match", 11, 3); /* 11, 13, 15 */
	assert_hit(ff, "q.any", 10, 2);   /* 10, 14 */
	assert_hit(ff, "q.noteq", 13, 2); /* 13, 16 */
	assert_hit(ff, "q.notany", 14, 1);
	assert_no_hit(ff, "q.never");
	/* Hits are ordered by signal index. */
	for (size_t i = 1; i < ff->hits.len; i++) {
		const al_hit *a = ff->hits.items[i - 1], *b = ff->hits.items[i];
		assert_true(a->signal->index < b->signal->index);
	}
	/* The hit points at the ruleset's signal. */
	assert_ptr_equal(hit_of(ff, "q.eq")->signal, f->rules->signals.items[0]);
}

/* Signals that share a structure written differently (spacing, a comment, a predicate in
 * the middle) each keep their own predicates; two patterns of one signal both count. */
static void shared_structures_keep_their_predicates(void **state)
{
	fixture *f = *state;
	add_ok(f->rules, "{\"id\":\"q.mid\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"((call_expression function: "
	                 "(selector_expression operand: (identifier) @pkg (#eq? @pkg \\\"os\\\")\\n"
	                 "  ; the function\\n  field:   (field_identifier) @fn)) @signal)\"}");
	add_ok(f->rules, "{\"id\":\"q.twice\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY
	                 "(#eq? @fn \\\"Dial\\\"))\\n" CALL_QUERY "(#eq? @pkg \\\"net\\\"))\"}");
	finish_ok(f->rules);
	const al_file_facts *ff = extract(f, AL_LANG_GO, go_source);
	assert_hit(ff, "q.mid", 10, 1);
	assert_hit(ff, "q.twice", 11, 5); /* Dial once, then net.* four times (16 twice) */

	finish_fails("{\"id\":\"q.cap\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"go\",\"query\":\"((identifier) @x (#eq? @y \\\"a\\\"))\"}",
	             "cfg.json", "cfg.json: signal 'q.cap': unknown capture '@y' in '#eq?'", NULL);
}

static void query_eq_between_captures(void **state)
{
	fixture *f = *state;
	/* x.x(): the operand and the method have the same name. */
	add_ok(f->rules, "{\"id\":\"q.same\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY "(#eq? @pkg @fn))\"}");
	add_ok(f->rules, "{\"id\":\"q.diff\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"" CALL_QUERY "(#not-eq? @pkg @fn))\"}");
	finish_ok(f->rules);
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "package p\n"  /* 1 */
	                                  "func f() {\n" /* 2 */
	                                  "\ta.b()\n"    /* 3 */
	                                  "\tab.ab()\n"  /* 4 */
	                                  "\ta.ab()\n"   /* 5 */
	                                  "}\n");
	assert_hit(ff, "q.same", 4, 1);
	assert_hit(ff, "q.diff", 3, 2);
}

static void query_location_is_signal_capture(void **state)
{
	fixture *f = *state;
	/* @signal is the function, not the first capture (its name on a later line). */
	add_ok(f->rules, "{\"id\":\"q.loc\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"(function_declaration name: (identifier) "
	                 "@name (#eq? @name \\\"handler\\\")) @signal\"}");
	finish_ok(f->rules);
	const al_file_facts *ff = extract(f, AL_LANG_GO,
	                                  "package p\n"
	                                  "\n"
	                                  "func\n"
	                                  "handler() {}\n");
	assert_hit(ff, "q.loc", 3, 1);
}

static void query_without_signal_capture(void **state)
{
	fixture *f = *state;
	add_ok(
	    f->rules,
	    "{\"id\":\"q.first\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	    "\"language\":\"go\",\"query\":\"(import_spec path: "
	    "(interpreted_string_literal) @path (#eq? @path \\\"\\\\\\\"syscall\\\\\\\"\\\"))\"}");
	finish_ok(f->rules);
	const al_file_facts *ff = extract(f, AL_LANG_GO, go_source);
	assert_hit(ff, "q.first", 6, 1);
}

static void queries_are_per_language(void **state)
{
	fixture *f = *state;
	add_ok(f->rules, "{\"id\":\"rs.unsafe\",\"role\":\"data-path\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"rust\",\"query\":\"(unsafe_block) @signal\"}");
	add_ok(f->rules,
	       "{\"id\":\"rs.macro\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	       "\"language\":\"rust\",\"query\":\"(macro_invocation macro: (identifier) @m "
	       "(#any-of? @m \\\"println\\\" \\\"eprintln\\\")) @signal\"}");
	add_ok(f->rules, "{\"id\":\"go.any\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	                 "\"language\":\"go\",\"query\":\"(package_clause) @signal\"}");
	finish_ok(f->rules);
	const al_file_facts *ff = extract(f, AL_LANG_RUST,
	                                  "fn main() {\n"           /* 1 */
	                                  "    println!(\"a\");\n"  /* 2 */
	                                  "    unsafe { x() }\n"    /* 3 */
	                                  "    eprintln!(\"b\");\n" /* 4 */
	                                  "    format!(\"c\");\n"   /* 5 */
	                                  "}\n");
	assert_hit(ff, "rs.unsafe", 3, 1);
	assert_hit(ff, "rs.macro", 2, 2);
	assert_no_hit(ff, "go.any");
	ff = extract(f, AL_LANG_GO, go_source);
	assert_hit(ff, "go.any", 1, 1);
	assert_no_hit(ff, "rs.unsafe");
}

static void invalid_query_names_origin_and_position(void **state)
{
	(void)state;
	finish_fails("{\"id\":\"q.bad\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"go\",\"query\":\"(call_expression)\\n"
	             "(no_such_node) @signal\"}",
	             "rules/queries/go/bad.scm", "rules/queries/go/bad.scm:2:2",
	             "unknown node type", NULL);
	/* A syntax error on the first line. In a JSON string the position is the query's own,
	 * not a line of the file. */
	finish_fails("{\"id\":\"q.syn\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"rust\",\"query\":\"((function_item) $)\"}",
	             "cfg.json", "cfg.json: signal 'q.syn': syntax error in query at line 1,",
	             NULL);
	/* A shape tree-sitter mishandles is refused before it compiles, with the same origin. */
	finish_fails("{\"id\":\"q.shape\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"rust\",\"query\":\"(unsafe_block)\\nname: (#a)\"}",
	             "rules/queries/rust/shape.scm",
	             "rules/queries/rust/shape.scm:2:7: field naming a predicate", NULL);
}

static void unsupported_predicate_fails(void **state)
{
	(void)state;
	finish_fails("{\"id\":\"q.set\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"go\",\"query\":\"((identifier) @signal "
	             "(#set! @signal \\\"k\\\"))\"}",
	             "rules/queries/go/set.scm", "rules/queries/go/set.scm", "set!", NULL);
	/* #eq? with too many arguments. */
	finish_fails("{\"id\":\"q.arity\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"go\",\"query\":\"((identifier) @signal "
	             "(#eq? @signal \\\"a\\\" \\\"b\\\"))\"}",
	             "arity.scm", "arity.scm", NULL);
	/* An invalid regular expression. */
	finish_fails("{\"id\":\"q.re\",\"role\":\"tool\",\"weight\":1,\"why\":\"w\","
	             "\"language\":\"go\",\"query\":\"((identifier) @signal "
	             "(#match? @signal \\\"(unclosed\\\"))\"}",
	             "re.scm", "re.scm", "regular expression", NULL);
}

/* ---- rules folders ---- */

static void write_file(const char *dir, const char *rel, const char *text)
{
	char *path = al_sprintf("%s/%s", dir, rel);
	FILE *fp = fopen(path, "w");
	if (!fp)
		fail_msg("cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
	free(path);
}

static void remove_tree(const char *dir)
{
	static const char *const files[] = {"signals/t.json",
	                                    "queries/go/listen.scm",
	                                    "queries/go/bad.scm",
	                                    "queries/go",
	                                    "queries",
	                                    "signals",
	                                    NULL};
	for (const char *const *f = files; *f; f++) {
		char *path = al_sprintf("%s/%s", dir, *f);
		remove(path);
		free(path);
	}
	remove(dir);
}

static void rules_dir_with_query_file(void **state)
{
	fixture *f = *state;
	char dir[] = "/tmp/al-rules-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *sub = al_sprintf("%s/signals", dir);
	mkdir(sub, 0700);
	free(sub);
	sub = al_sprintf("%s/queries", dir);
	mkdir(sub, 0700);
	free(sub);
	sub = al_sprintf("%s/queries/go", dir);
	mkdir(sub, 0700);
	free(sub);
	write_file(dir, "signals/t.json",
	           "{\"signals\": [{\"id\": \"t.imp\", \"role\": \"tool\", \"weight\": 1, "
	           "\"why\": \"w\", \"imports\": [\"example.com/t\"]}]}");
	/* A folder needs a policy as well as signals. */
	write_file(dir, "policy.json",
	           "{\"rules\": [{\"id\": \"T001\", \"level\": \"note\", \"title\": \"t\", "
	           "\"message\": \"m\", \"rationale\": \"r\", \"when\": {}}]}");
	/* A query file: "; key: value" header lines, then the query. */
	write_file(dir, "queries/go/listen.scm",
	           ";; id: go.q.listen\n"
	           "; role: data-path\n"
	           "; weight: 2.5\n"
	           "; why: accepts connections itself\n"
	           "\n"
	           "((call_expression function: (selector_expression operand: (identifier) @pkg\n"
	           "   field: (field_identifier) @fn)) @signal\n"
	           " (#eq? @pkg \"net\") (#match? @fn \"^Listen\"))\n");
	int rc = al_ruleset_load_dir(f->rules, dir);
	if (rc != 0) {
		remove_tree(dir);
		fail_msg("al_ruleset_load_dir returned %d: %s", rc, al_error_last());
	}
	rc = al_ruleset_finish(f->rules);
	remove_tree(dir);
	if (rc != 0)
		fail_msg("al_ruleset_finish returned %d: %s", rc, al_error_last());
	assert_int_equal(f->rules->signals.len, 2);
	const al_signal *q = NULL;
	for (size_t i = 0; i < f->rules->signals.len; i++)
		if (strcmp(((al_signal *)f->rules->signals.items[i])->id, "go.q.listen") == 0)
			q = f->rules->signals.items[i];
	assert_non_null(q);
	assert_int_equal(q->kind, AL_SIG_QUERY);
	assert_int_equal(q->language, AL_LANG_GO);
	assert_int_equal(q->role, AL_ROLE_DATA_PATH);
	assert_true(q->weight == 2.5);
	assert_string_equal(q->why, "accepts connections itself");
	assert_contains(q->origin, "queries/go/listen.scm");
	const al_file_facts *ff = extract(f, AL_LANG_GO, go_source);
	assert_hit(ff, "go.q.listen", 11, 3);
}

static void rules_dir_errors(void **state)
{
	fixture *f = *state;
	al_error_clear();
	assert_err(AL_EIO, al_ruleset_load_dir(f->rules, "/nonexistent/al-rules"));
	assert_contains(al_error_last(), "/nonexistent/al-rules");

	/* A query file without a usable weight names the file. */
	char dir[] = "/tmp/al-rules-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *sub = al_sprintf("%s/queries", dir);
	mkdir(sub, 0700);
	free(sub);
	sub = al_sprintf("%s/queries/go", dir);
	mkdir(sub, 0700);
	free(sub);
	write_file(dir, "queries/go/bad.scm",
	           "; id: go.q.bad\n; role: tool\n; weight: two\n; why: w\n(identifier) @signal\n");
	al_ruleset *rules = al_ruleset_new();
	int rc = al_ruleset_load_dir(rules, dir);
	remove_tree(dir);
	al_ruleset_free(rules);
	if (rc != AL_ECONFIG)
		fail_msg("bad weight: al_ruleset_load_dir returned %d, expected AL_ECONFIG", rc);
	assert_contains(al_error_last(), "queries/go/bad.scm");
}

/* ---- embedded rules ---- */

/* Compiling one language's queries still checks the user's queries of the other. */
static void compiles_the_languages_asked_for(void **state)
{
	(void)state;
	const char *user_rust[] = {"(unsafe_block) @signal", "(no_such_node) @signal"};
	for (int broken = 0; broken < 2; broken++) {
		al_ruleset *rules = al_ruleset_new();
		assert_ok(al_ruleset_load_embedded(rules));
		char *json = al_sprintf("{\"id\":\"u.q\",\"role\":\"tool\",\"weight\":1,"
		                        "\"why\":\"w\",\"language\":\"rust\",\"query\":\"%s\"}",
		                        user_rust[broken]);
		cJSON *doc = cJSON_Parse(json);
		free(json);
		assert_ok(al_ruleset_add_signal_json(rules, doc, ".archlint.json"));
		cJSON_Delete(doc);
		assert_ok(al_ruleset_prepare(rules));
		int rc = al_ruleset_compile_queries(rules, 1u << AL_LANG_GO);
		if (broken) {
			assert_int_equal(rc, AL_ECONFIG);
			assert_contains(al_error_last(),
			                ".archlint.json: signal 'u.q': unknown node");
		} else {
			assert_int_equal(rc, 0);
			assert_non_null(rules->queries[AL_LANG_GO]);
			assert_null(rules->queries[AL_LANG_RUST]);
			assert_ok(al_ruleset_compile_queries(rules, AL_ALL_LANGUAGES));
			assert_non_null(rules->queries[AL_LANG_RUST]);
		}
		al_ruleset_free(rules);
	}
}

static void embedded_rules_load(void **state)
{
	(void)state;
	al_ruleset *rules = al_ruleset_new();
	int rc = al_ruleset_load_embedded(rules);
	if (rc != 0)
		fail_msg("al_ruleset_load_embedded returned %d: %s", rc, al_error_last());
	rc = al_ruleset_finish(rules);
	if (rc != 0)
		fail_msg("al_ruleset_finish (embedded) returned %d: %s", rc, al_error_last());
	assert_true(rules->signals.len > 0);
	assert_true(rules->rules.len > 0);
	assert_non_null(al_ruleset_find_rule(rules, "AL001"));
	assert_null(al_ruleset_find_rule(rules, "AL999"));
	assert_int_equal(strlen(rules->hash), 40);
	/* Every signal is complete and indexed by its position. */
	for (size_t i = 0; i < rules->signals.len; i++) {
		const al_signal *s = rules->signals.items[i];
		assert_int_equal(s->index, i);
		assert_true(s->weight > 0);
		assert_non_null(s->why);
		/* A signal weighs a role, or says how the program runs, or both. */
		assert_true(s->role != AL_ROLE_UNCLASSIFIED || s->lifecycle != AL_LIFE_UNKNOWN);
	}

	/* The same bytes give the same hash. */
	al_ruleset *again = al_ruleset_new();
	assert_ok(al_ruleset_load_embedded(again));
	assert_ok(al_ruleset_finish(again));
	assert_string_equal(rules->hash, again->hash);
	al_ruleset_free(again);

	/* Extra hash input changes it. */
	again = al_ruleset_new();
	assert_ok(al_ruleset_load_embedded(again));
	al_ruleset_add_hash_input(again, ".archlint.json", "{}", 2);
	assert_ok(al_ruleset_finish(again));
	assert_string_not_equal(rules->hash, again->hash);
	al_ruleset_free(again);
	al_ruleset_free(rules);
}

/* --rules DIR wins over $ARCHLINT_RULES; an empty --rules means the rules compiled in. */
static void the_rules_folder_is_chosen_once(void **state)
{
	(void)state;
	setenv("ARCHLINT_RULES", "/from/env", 1);
	assert_string_equal(al_rules_folder(NULL), "/from/env");
	assert_string_equal(al_rules_folder("/given"), "/given");
	assert_null(al_rules_folder(""));
	setenv("ARCHLINT_RULES", "", 1);
	assert_null(al_rules_folder(NULL));
	unsetenv("ARCHLINT_RULES");
	assert_null(al_rules_folder(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(signal_fields_are_parsed, setup, teardown),
	    cmocka_unit_test(signal_validation),
	    cmocka_unit_test(the_rules_folder_is_chosen_once),
	    cmocka_unit_test_setup_teardown(later_signal_replaces_earlier, setup, teardown),
	    cmocka_unit_test_setup_teardown(match_import_prefix, setup, teardown),
	    cmocka_unit_test_setup_teardown(match_crate_dash_underscore, setup, teardown),
	    cmocka_unit_test_setup_teardown(go_query_predicates, setup, teardown),
	    cmocka_unit_test_setup_teardown(shared_structures_keep_their_predicates, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(query_eq_between_captures, setup, teardown),
	    cmocka_unit_test_setup_teardown(query_location_is_signal_capture, setup, teardown),
	    cmocka_unit_test_setup_teardown(query_without_signal_capture, setup, teardown),
	    cmocka_unit_test_setup_teardown(queries_are_per_language, setup, teardown),
	    cmocka_unit_test(invalid_query_names_origin_and_position),
	    cmocka_unit_test(unsupported_predicate_fails),
	    cmocka_unit_test_setup_teardown(rules_dir_with_query_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(rules_dir_errors, setup, teardown),
	    cmocka_unit_test(embedded_rules_load),
	    cmocka_unit_test(compiles_the_languages_asked_for),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
