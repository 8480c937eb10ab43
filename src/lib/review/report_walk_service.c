/*
 * report_walk_service.c: what a service's section says, walked once for both review
 * formats (report_walk.h): the verdict as labelled fields, each finding with how it was
 * accepted and why its rule exists, the strongest evidence, the closure, FFI and links.
 */
#include <stdlib.h>
#include <string.h>

#include "report_walk.h"
#include "rules.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_EVIDENCE 8
#define MAX_DIRS 15
#define MAX_LINKS 24

/* Runs built one by one, with the strings made for them freed together. */
typedef struct {
	al_cell *cells;
	size_t n, cap;
	al_vec owned; /* char * */
} run_list;

static void add(run_list *r, al_cell c)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->cells = al_realloc(r->cells, r->cap * sizeof *r->cells);
	}
	r->cells[r->n++] = c;
}

static void add_words(run_list *r, const char *words)
{
	add(r, (al_cell){.kind = AL_CELL_WORDS, .text = words});
}

/* Keeps a made string until the runs are disposed of, and returns it. */
static const char *own(run_list *r, char *s)
{
	if (s)
		al_vec_push(&r->owned, s);
	return s;
}

static void dispose(run_list *r)
{
	free(r->cells);
	al_vec_dispose_with(&r->owned, free);
	*r = (run_list){0};
}

static char *counted(size_t n, const char *one, const char *many)
{
	return al_sprintf("%zu %s", n, n == 1 ? one : many);
}

static char *location(const char *path, unsigned line)
{
	return line ? al_sprintf("%s:%u", path, line) : al_sprintf("%s", path);
}

/* Who owns it and where that is said; NULL runs when the repository names no owners. */
static void owners_runs(const al_report_doc *doc, const al_component *c, run_list *r)
{
	if (!doc->owned)
		return;
	add(r, (al_cell){.kind = AL_CELL_TEXT, .text = own(r, al_report_owners_text(c))});
	if (!c->owners_from) {
		add_words(r, " (no CODEOWNERS line matches its entry file)");
		return;
	}
	/* owners_from is "path:line" */
	const char *colon = strrchr(c->owners_from, ':');
	char *path = colon ? al_strndup(c->owners_from, (size_t)(colon - c->owners_from))
	                   : al_strdup(c->owners_from);
	const char *page =
	    own(r, al_report_file_link(doc, path, colon ? (unsigned)atoi(colon + 1) : 0, 0));
	free(path);
	add_words(r, " (");
	add(r, (al_cell){.kind = AL_CELL_CODE, .text = c->owners_from, .href = page});
	add_words(r, ")");
}

static void verdict_fields(const al_report_doc *doc, const al_report_service *s,
                           const al_render *out)
{
	const al_component *c = s->component;
	run_list owners = {0};
	owners_runs(doc, c, &owners);
	run_list role = {0};
	add(&role, (al_cell){.kind = AL_CELL_STRONG, .text = al_role_name(c->role)});
	if (c->hybrid)
		add_words(&role, " (hybrid: strong evidence for both roles)");
	if (c->declared) {
		add_words(&role, " \xE2\x80\x94 declared in ");
		add(&role, (al_cell){.kind = AL_CELL_CODE, .text = c->declared});
		add_words(&role, own(&role, al_sprintf(" (line %u)", c->declared_line)));
	}
	char *confidence = al_sprintf("%.2f", c->confidence);
	char *scores = al_sprintf("data-path %.2f \xC2\xB7 control-plane %.2f \xC2\xB7 tool %.2f",
	                          c->scores[AL_ROLE_DATA_PATH], c->scores[AL_ROLE_CONTROL_PLANE],
	                          c->scores[AL_ROLE_TOOL]);
	char *entry = location(c->entry_path, c->entry_line);
	char *entry_page = al_report_file_link(doc, c->entry_path, c->entry_line, 0);
	char *kind = al_sprintf(" (%s)", c->kind);
	char *files = counted(s->files, "file", "files");
	char *lines = counted(s->lines, "line", "lines");
	char *dirs = counted(s->dirs.len, "package", "packages");
	char *size = al_sprintf("%s, %s in its closure of %s", files, lines, dirs);
	const al_cell entry_runs[] = {
	    {.kind = AL_CELL_CODE, .text = entry, .href = entry_page},
	    {.kind = AL_CELL_WORDS, .text = kind},
	};
	run_list system = {0};
	if (c->system) {
		add(&system, (al_cell){.kind = AL_CELL_TEXT, .text = c->system});
		add_words(&system, " (named in ");
		add(&system, (al_cell){.kind = AL_CELL_CODE, .text = c->system_from});
		add_words(&system, ")");
	}
#define ONE(k, t) (const al_cell[]){{.kind = (k), .text = (t)}}, 1
	const al_field all[] = {
	    {"role", role.cells, role.n, 0},
	    {"confidence", ONE(AL_CELL_WORDS, confidence), 0},
	    {"decided by", ONE(AL_CELL_TEXT, c->decided_by), 0},
	    {"scores", ONE(AL_CELL_WORDS, scores), 1},
	    {"shipped", ONE(AL_CELL_TEXT, s->shipped_line), 1},
	    {"runs as", ONE(AL_CELL_TEXT, s->runs_line), 1},
	    {"evidence", ONE(AL_CELL_TEXT, s->reached_line), 1},
	    {"entry", entry_runs, COUNT(entry_runs), 1},
	    {"size", ONE(AL_CELL_WORDS, size), 1},
	    {"owners", owners.cells, owners.n, 0},
	    {"system", system.cells, system.n, 0},
	};
#undef ONE
	/* A field with nothing to say (no owners, no system) is left out. */
	al_field fields[COUNT(all)];
	size_t n = 0;
	for (size_t i = 0; i < COUNT(all); i++)
		if (all[i].n)
			fields[n++] = all[i];
	out->fields(out->ctx, fields, n);
	dispose(&system);
	dispose(&owners);
	free(confidence), free(scores), free(entry), free(entry_page), free(kind);
	free(files), free(lines), free(dirs), free(size);
	dispose(&role);
}

static void finding(const al_report_doc *doc, const al_finding *f, const al_render *out)
{
	const al_rule *r =
	    doc->result->rules ? al_ruleset_find_rule(doc->result->rules, f->rule) : NULL;
	const al_cell says[] = {
	    {.kind = AL_CELL_LEVEL, .level = f->level}, {.kind = AL_CELL_WORDS, .text = " "},
	    {.kind = AL_CELL_CODE, .text = f->rule},    {.kind = AL_CELL_WORDS, .text = " "},
	    {.kind = AL_CELL_TEXT, .text = f->message},
	};
	run_list accepted = {0};
	al_line lines[3] = {{AL_LINE_SAYS, says, COUNT(says)}};
	size_t n = 1;
	const al_suppression *why = f->suppressed;
	if (why) {
		add(&accepted, (al_cell){.kind = AL_CELL_STRONG, .text = "Accepted"});
		add_words(&accepted,
		          own(&accepted, al_sprintf(" (%s): ", al_suppress_kind_name(why->kind))));
		add(&accepted, (al_cell){.kind = AL_CELL_TEXT, .text = why->reason});
		if (why->expires)
			add(&accepted, (al_cell){.kind = AL_CELL_TEXT,
			                         .lead = " \xE2\x80\x94 until ",
			                         .text = why->expires});
		if (why->origin && *why->origin) {
			add_words(&accepted, " \xE2\x80\x94 ");
			add(&accepted, (al_cell){.kind = AL_CELL_CODE, .text = why->origin});
		}
		lines[n++] = (al_line){AL_LINE_ACCEPTED, accepted.cells, accepted.n};
	}
	const al_cell rationale = {
	    .kind = AL_CELL_TEXT, .lead = "Why: ", .text = r ? r->rationale : NULL};
	if (r && r->rationale)
		lines[n++] = (al_line){AL_LINE_WHY, &rationale, 1};
	out->finding(out->ctx, f, lines, n);
	dispose(&accepted);
}

static void findings(const al_report_doc *doc, const al_report_service *s, const al_render *out)
{
	al_walk_heading(out, 4, "Findings");
	const char *none = !s->findings.len ? "None: its language fits the guideline for its role."
	                   : !s->open       ? "All accepted."
	                                    : NULL;
	if (none) {
		const al_cell run = {.kind = AL_CELL_WORDS, .text = none};
		out->para(out->ctx, AL_PARA_NONE, &run, 1);
	}
	for (size_t i = 0; i < s->findings.len; i++)
		finding(doc, s->findings.items[i], out);
}

/* A caption of archlint's words with one code span in the middle. */
static void caption(const al_render *out, const char *before, const char *code, const char *after)
{
	const al_cell runs[] = {
	    {.kind = AL_CELL_WORDS, .text = before},
	    {.kind = AL_CELL_CODE, .text = code},
	    {.kind = AL_CELL_WORDS, .text = after},
	};
	out->para(out->ctx, AL_PARA_CAPTION, runs, code ? COUNT(runs) : 1);
}

static void evidence(const al_report_doc *doc, const al_component *c, const al_render *out)
{
	static const al_column columns[] = {
	    {"signal", 0, 22}, {"role", 0, 12}, {"weight", 1, 7},
	    {"where", 0, 24},  {"hits", 1, 5},  {"why", 0, 0},
	};
	al_walk_heading(out, 4, "Evidence");
	if (!c->evidence.len) {
		const al_cell run = {.kind = AL_CELL_WORDS,
		                     .text = "No signal matched in its closure."};
		out->para(out->ctx, AL_PARA_NONE, &run, 1);
		return;
	}
	out->table_begin(out->ctx, AL_TABLE_FIXED, columns, COUNT(columns));
	for (size_t i = 0; i < c->evidence.len && i < MAX_EVIDENCE; i++) {
		const al_evidence *e = c->evidence.items[i];
		char *weight = al_sprintf("%.2f", e->weight);
		char *where = location(e->path, e->line);
		char *page = al_report_file_link(doc, e->path, e->line, 0);
		char *hits = al_sprintf("%u", e->hits);
		const al_cell cells[] = {
		    {.kind = AL_CELL_CODE, .text = e->signal},
		    {.kind = AL_CELL_WORDS, .text = al_role_name(e->role)},
		    {.kind = AL_CELL_NUMBER, .text = weight},
		    {.kind = AL_CELL_PATH, .text = where, .href = page},
		    {.kind = AL_CELL_NUMBER, .text = hits},
		    {.kind = AL_CELL_TEXT, .text = e->why},
		};
		out->table_row(out->ctx, cells, COUNT(cells));
		free(weight), free(where), free(page), free(hits);
	}
	out->table_end(out->ctx);
	if (c->evidence.len > MAX_EVIDENCE) {
		char *weaker =
		    counted(c->evidence.len - MAX_EVIDENCE, "weaker signal", "weaker signals");
		char *more = al_sprintf("and %s (", weaker);
		caption(out, more, "archlint explain", " lists them all).");
		free(more), free(weaker);
	}
}

static void closure(const al_report_doc *doc, const al_report_service *s, const al_render *out)
{
	static const al_column columns[] = {{"package", 0, 0}, {"files", 1, 0}, {"lines", 1, 0}};
	al_walk_heading(out, 4, "Closure");
	out->table_begin(out->ctx, AL_TABLE_PLAIN, columns, COUNT(columns));
	for (size_t i = 0; i < s->dirs.len && i < MAX_DIRS; i++) {
		const al_report_dir *d = s->dirs.items[i];
		char *files = al_sprintf("%zu", d->files);
		char *lines = al_sprintf("%zu", d->lines);
		char *page = al_report_file_link(doc, d->dir, 0, 1);
		const al_cell cells[] = {
		    {.kind = AL_CELL_PATH,
		     .text = d->dir,
		     .tail = d->own ? " (own)" : NULL,
		     .href = page},
		    {.kind = AL_CELL_NUMBER, .text = files},
		    {.kind = AL_CELL_NUMBER, .text = lines},
		};
		out->table_row(out->ctx, cells, COUNT(cells));
		free(files), free(lines), free(page);
	}
	out->table_end(out->ctx);
	if (s->dirs.len > MAX_DIRS) {
		char *more = al_sprintf("and %zu more packages.", s->dirs.len - MAX_DIRS);
		caption(out, more, NULL, NULL);
		free(more);
	}
}

static void ffi(const al_report_doc *doc, const al_report_service *s, const al_render *out)
{
	if (!s->ffi.len)
		return;
	al_walk_heading(out, 4, "FFI");
	out->list_begin(out->ctx);
	for (size_t i = 0; i < s->ffi.len; i++) {
		const al_link *l = s->ffi.items[i];
		run_list r = {0};
		add_words(&r, "links ");
		add(&r, (al_cell){.kind = AL_CELL_CODE,
		                  .text = own(&r, al_sprintf("-l%s", l->library))});
		add_words(&r, ": the Rust library package ");
		add(&r, (al_cell){.kind = AL_CELL_CODE, .text = l->to_package});
		for (size_t k = 0; k < l->to_components.len; k++)
			add(&r, (al_cell){.kind = AL_CELL_TEXT,
			                  .lead = k ? ", " : " (built into ",
			                  .text = l->to_components.items[k]});
		if (l->to_components.len)
			add_words(&r, ")");
		add_words(&r, ", declared at ");
		add(&r, (al_cell){.kind = AL_CELL_CODE,
		                  .text = own(&r, location(l->path, l->line)),
		                  .href = own(&r, al_report_file_link(doc, l->path, l->line, 0))});
		out->list_item(out->ctx, r.cells, r.n);
		dispose(&r);
	}
	out->list_end(out->ctx);
}

static void links(const al_report_service *s, const al_render *out)
{
	if (!s->links.len)
		return;
	al_walk_heading(out, 4, "Links");
	run_list r = {0};
	for (size_t i = 0; i < s->links.len && i < MAX_LINKS; i++) {
		const al_report_link *l = s->links.items[i];
		if (i)
			add_words(&r, ", ");
		add(&r, (al_cell){.kind = AL_CELL_SERVICE,
		                  .component = al_report_link_other(l, s)->component});
		add_words(&r, l->kind == AL_LINK_FFI
		                  ? " (FFI)"
		                  : own(&r, al_sprintf(" (%zu shared)", l->via.len)));
	}
	if (s->links.len > MAX_LINKS)
		add_words(&r, own(&r, al_sprintf(" and %zu more", s->links.len - MAX_LINKS)));
	out->para(out->ctx, AL_PARA_PLAIN, r.cells, r.n);
	dispose(&r);
}

void al_walk_service(const al_report_doc *doc, const al_report_service *s, const al_render *out)
{
	out->service_begin(out->ctx, s);
	verdict_fields(doc, s, out);
	findings(doc, s, out);
	if (out->detail_begin)
		out->detail_begin(out->ctx);
	evidence(doc, s->component, out);
	closure(doc, s, out);
	ffi(doc, s, out);
	links(s, out);
	if (out->detail_end)
		out->detail_end(out->ctx);
	out->service_end(out->ctx);
}
