/*
 * rules.c: loads signals, guideline rules and thresholds from data files and indexes
 * them for the extractor and classifier. The ruleset hash covers every byte loaded (the
 * embedded rules through their build-time digest), so a cache keyed by it can never mix
 * results of two rulesets.
 */
#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "blob_id.h"
#include "json.h"
#include "query.h"
#include "model.h"
#include "rules_embedded.h"
#include "file.h"
#include "path.h"

al_ruleset *al_ruleset_new(void)
{
	al_ruleset *self = al_calloc(1, sizeof(*self));
	self->thresholds = (al_thresholds){.hybrid_min = 6.0,
	                                   .hybrid_ratio = 0.6,
	                                   .dependency_factor = 0.5,
	                                   .repeat_decay = 0.5,
	                                   .contradiction_min = 6.0,
	                                   .shared_share = 0.75,
	                                   .shared_factor = 0.5,
	                                   .depth_decay = 0.5,
	                                   .min_confidence = 0.5,
	                                   .server_min_evidence = 1.0};
	return self;
}

static void free_signal(void *p)
{
	al_signal *s = p;
	free(s->id);
	free(s->why);
	free(s->query);
	free(s->origin);
	al_vec_dispose_with(&s->patterns, free);
	free(s);
}

static void free_rule(void *p)
{
	al_rule *r = p;
	free(r->id);
	free(r->title);
	free(r->message);
	free(r->rationale);
	free(r);
}

static void free_vec(void *p)
{
	al_vec_dispose(p);
	free(p);
}

void al_ruleset_free(al_ruleset *self)
{
	if (!self)
		return;
	for (int l = 0; l < AL_LANG__COUNT; l++)
		al_query_set_free(self->queries[l]);
	al_strmap_dispose_with(&self->import_index, free_vec);
	al_strmap_dispose_with(&self->crate_index, free_vec);
	al_vec_dispose_with(&self->signals, free_signal);
	al_vec_dispose_with(&self->rules, free_rule);
	al_model_free(self->model);
	al_buf_dispose(&self->hash_input);
	free(self);
}

static void hash_add(al_ruleset *self, const char *name, const char *data, size_t len)
{
	al_buf_printf(&self->hash_input, "%s\n%zu\n", name, len);
	al_buf_put(&self->hash_input, data, len);
}

static int find_signal(const al_ruleset *self, const char *id)
{
	for (size_t i = 0; i < self->signals.len; i++)
		if (strcmp(((al_signal *)self->signals.items[i])->id, id) == 0)
			return (int)i;
	return -1;
}

static const struct {
	const char *key;
	al_signal_kind kind;
} kinds[] = {
    {"imports", AL_SIG_IMPORT}, {"crates", AL_SIG_CRATE}, {"paths", AL_SIG_PATH},
    {"names", AL_SIG_NAME},     {"facts", AL_SIG_FACT},   {"query", AL_SIG_QUERY},
};

static int parse_language(int *out, const char *name, const char *origin)
{
	if (!name) {
		*out = -1;
		return 0;
	}
	if (strcmp(name, "go") == 0)
		*out = AL_LANG_GO;
	else if (strcmp(name, "rust") == 0)
		*out = AL_LANG_RUST;
	else {
		al_error_set("%s: unknown language '%s'", origin, name);
		return AL_ECONFIG;
	}
	return 0;
}

int al_ruleset_add_signal_json(al_ruleset *self, const cJSON *json, const char *origin)
{
	const char *id = al_json_string(json, "id");
	const char *role = al_json_string(json, "role");
	const char *why = al_json_string(json, "why");
	const char *lifecycle = al_json_string(json, "lifecycle");
	const cJSON *weight = cJSON_GetObjectItemCaseSensitive(json, "weight");
	if (!cJSON_IsObject(json) || !id || !(role || lifecycle) || !why ||
	    !cJSON_IsNumber(weight)) {
		al_error_set("%s: a signal needs \"id\", \"role\" (or \"lifecycle\"), \"weight\" "
		             "and \"why\"%s%s",
		             origin, id ? " (signal " : "", id ? id : "");
		return AL_ECONFIG;
	}
	al_signal *s = al_calloc(1, sizeof(*s));
	s->id = al_strdup(id);
	s->why = al_strdup(why);
	s->weight = weight->valuedouble;
	s->origin = al_strdup(origin);
	int err = 0;
	s->role = AL_ROLE_UNCLASSIFIED;
	if (role && (al_role_parse(&s->role, role) < 0 || s->role == AL_ROLE_UNCLASSIFIED)) {
		al_error_set("%s: signal '%s': unknown role '%s'", origin, id, role);
		err = AL_ECONFIG;
		goto fail;
	}
	if (lifecycle && strcmp(lifecycle, "server") == 0)
		s->lifecycle = AL_LIFE_SERVER;
	else if (lifecycle && strcmp(lifecycle, "command") == 0)
		s->lifecycle = AL_LIFE_COMMAND;
	else if (lifecycle) {
		al_error_set(
		    "%s: signal '%s': lifecycle must be \"server\" or \"command\", not '%s'",
		    origin, id, lifecycle);
		err = AL_ECONFIG;
		goto fail;
	}
	if (!(s->weight > 0) || s->weight > 100) {
		al_error_set("%s: signal '%s': weight must be between 0 and 100", origin, id);
		err = AL_ECONFIG;
		goto fail;
	}
	if ((err = parse_language(&s->language, al_json_string(json, "language"), origin)))
		goto fail;
	int found = 0;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(json, kinds[k].key);
		if (!v)
			continue;
		found++;
		s->kind = kinds[k].kind;
		if (s->kind == AL_SIG_QUERY) {
			if (!cJSON_IsString(v) || s->language < 0) {
				al_error_set(
				    "%s: signal '%s': a query needs a string and a \"language\"",
				    origin, id);
				err = AL_ECONFIG;
				goto fail;
			}
			s->query = al_strdup(v->valuestring);
			continue;
		}
		const cJSON *it;
		cJSON_ArrayForEach(it, v)
		{
			if (!cJSON_IsString(it)) {
				al_error_set("%s: signal '%s': \"%s\" must list strings", origin,
				             id, kinds[k].key);
				err = AL_ECONFIG;
				goto fail;
			}
			al_vec_push(&s->patterns, al_strdup(it->valuestring));
		}
		if (!cJSON_IsArray(v) || s->patterns.len == 0) {
			al_error_set("%s: signal '%s': \"%s\" must be a non-empty list", origin, id,
			             kinds[k].key);
			err = AL_ECONFIG;
			goto fail;
		}
	}
	if (found != 1) {
		al_error_set("%s: signal '%s' needs exactly one of imports, crates, paths, names, "
		             "facts or query",
		             origin, id);
		err = AL_ECONFIG;
		goto fail;
	}
	if (s->kind == AL_SIG_IMPORT)
		s->language = AL_LANG_GO;
	if (s->kind == AL_SIG_CRATE)
		s->language = AL_LANG_RUST;
	int existing = find_signal(self, id);
	if (existing >= 0) {
		/* A later definition (configuration) replaces an earlier one of the same id. */
		s->index = (size_t)existing;
		free_signal(self->signals.items[existing]);
		self->signals.items[existing] = s;
	} else {
		s->index = self->signals.len;
		al_vec_push(&self->signals, s);
	}
	return 0;
fail:
	free_signal(s);
	return err;
}

static int load_signal_table(al_ruleset *self, const char *path, const char *text, size_t len)
{
	cJSON *doc = NULL;
	int err = al_json_parse(&doc, path, text, len);
	if (err)
		return err;
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "signals");
	if (!cJSON_IsArray(list)) {
		al_error_set("%s: expected {\"signals\": [...]}", path);
		err = AL_ECONFIG;
	}
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		if ((err = al_ruleset_add_signal_json(self, it, path)))
			break;
	}
	cJSON_Delete(doc);
	return err;
}

/* A query file: "; key: value" header lines, then the query. */
static int load_query_file(al_ruleset *self, const char *path, al_language lang, const char *text,
                           size_t len)
{
	cJSON *sig = cJSON_CreateObject();
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *s = p;
		while (s < eol && (*s == ' ' || *s == '\t'))
			s++;
		if (s == eol) {
			p = eol + 1;
			continue;
		}
		if (*s != ';')
			break;
		while (s < eol && *s == ';')
			s++;
		while (s < eol && *s == ' ')
			s++;
		const char *colon = memchr(s, ':', (size_t)(eol - s));
		if (colon) {
			char *key = al_strndup(s, (size_t)(colon - s));
			const char *v = colon + 1;
			while (v < eol && *v == ' ')
				v++;
			const char *vend = eol;
			while (vend > v && (vend[-1] == ' ' || vend[-1] == '\r'))
				vend--;
			char *value = al_strndup(v, (size_t)(vend - v));
			if (strcmp(key, "weight") == 0) {
				char *num_end;
				double w = strtod(value, &num_end);
				if (*num_end == '\0')
					cJSON_AddNumberToObject(sig, key, w);
			} else if (!cJSON_GetObjectItemCaseSensitive(sig, key)) {
				cJSON_AddStringToObject(sig, key, value);
			}
			free(key);
			free(value);
		}
		p = eol + 1;
	}
	char *query = al_strndup(text, len);
	cJSON_AddStringToObject(sig, "query", query);
	cJSON_AddStringToObject(sig, "language", al_language_name(lang));
	free(query);
	int err = al_ruleset_add_signal_json(self, sig, path);
	cJSON_Delete(sig);
	return err;
}

static int load_policy(al_ruleset *self, const char *path, const char *text, size_t len)
{
	cJSON *doc = NULL;
	int err = al_json_parse(&doc, path, text, len);
	if (err)
		return err;
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "rules");
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		const char *id = al_json_string(it, "id"), *level = al_json_string(it, "level");
		const char *msg = al_json_string(it, "message"),
		           *title = al_json_string(it, "title");
		const char *why = al_json_string(it, "rationale");
		const cJSON *when = cJSON_GetObjectItemCaseSensitive(it, "when");
		al_level lv;
		if (!id || !level || !msg || !title || !why || !cJSON_IsObject(when) ||
		    al_level_parse(&lv, level) < 0) {
			al_error_set(
			    "%s: a rule needs id, level, title, message, rationale and when%s%s",
			    path, id ? " (rule " : "", id ? id : "");
			err = AL_ECONFIG;
			break;
		}
		al_rule *r = al_calloc(1, sizeof(*r));
		r->id = al_strdup(id);
		r->level = lv;
		r->title = al_strdup(title);
		r->message = al_strdup(msg);
		r->rationale = al_strdup(why);
		r->when_role = r->when_hybrid = r->when_contradicted = -1;
		al_vec_push(&self->rules, r);
		if ((err =
		         parse_language(&r->when_language, al_json_string(when, "language"), path)))
			break;
		const char *role = al_json_string(when, "role");
		al_role rv;
		if (role) {
			if (al_role_parse(&rv, role) < 0) {
				al_error_set("%s: rule %s: unknown role '%s'", path, id, role);
				err = AL_ECONFIG;
				break;
			}
			r->when_role = (int)rv;
		}
		const cJSON *hybrid = cJSON_GetObjectItemCaseSensitive(when, "hybrid");
		if (cJSON_IsBool(hybrid))
			r->when_hybrid = cJSON_IsTrue(hybrid);
		const cJSON *contradicted = cJSON_GetObjectItemCaseSensitive(when, "contradicted");
		if (cJSON_IsBool(contradicted))
			r->when_contradicted = cJSON_IsTrue(contradicted);
	}
	if (!err && !cJSON_IsArray(list)) {
		al_error_set("%s: expected {\"rules\": [...]}", path);
		err = AL_ECONFIG;
	}
	cJSON_Delete(doc);
	return err;
}

static int load_thresholds(al_ruleset *self, const char *path, const char *text, size_t len)
{
	cJSON *doc = NULL;
	int err = al_json_parse(&doc, path, text, len);
	if (err)
		return err;
	struct {
		const char *key;
		double *slot;
	} fields[] = {
	    {"hybrid_min", &self->thresholds.hybrid_min},
	    {"hybrid_ratio", &self->thresholds.hybrid_ratio},
	    {"dependency_factor", &self->thresholds.dependency_factor},
	    {"repeat_decay", &self->thresholds.repeat_decay},
	    {"contradiction_min", &self->thresholds.contradiction_min},
	    {"shared_share", &self->thresholds.shared_share},
	    {"shared_factor", &self->thresholds.shared_factor},
	    {"depth_decay", &self->thresholds.depth_decay},
	    {"min_confidence", &self->thresholds.min_confidence},
	    {"server_min_evidence", &self->thresholds.server_min_evidence},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, fields[i].key);
		if (cJSON_IsNumber(v))
			*fields[i].slot = v->valuedouble;
	}
	cJSON_Delete(doc);
	return err;
}

/* Dispatches one rules file by its path relative to the rules folder. */
static int load_file(al_ruleset *self, const char *rel, const char *origin, const char *data,
                     size_t len)
{
	if (strcmp(rel, "policy.json") == 0)
		return load_policy(self, origin, data, len);
	if (strcmp(rel, "classify.json") == 0)
		return load_thresholds(self, origin, data, len);
	if (strcmp(rel, "model.json") == 0) {
		al_model_free(self->model);
		return al_model_parse(&self->model, origin, data, len);
	}
	if (al_str_starts_with(rel, "signals/") && al_str_ends_with(rel, ".json"))
		return load_signal_table(self, origin, data, len);
	if (al_str_starts_with(rel, "queries/go/") && al_str_ends_with(rel, ".scm"))
		return load_query_file(self, origin, AL_LANG_GO, data, len);
	if (al_str_starts_with(rel, "queries/rust/") && al_str_ends_with(rel, ".scm"))
		return load_query_file(self, origin, AL_LANG_RUST, data, len);
	return 0;
}

int al_ruleset_load_embedded(al_ruleset *self)
{
	/* The embedded files' digest, taken at build time, stands for their bytes. */
	hash_add(self, "embedded rules", al_rules_embedded_digest,
	         strlen(al_rules_embedded_digest));
	for (const al_embedded_file *f = al_rules_embedded; f->path; f++) {
		char *origin = al_sprintf("rules/%s", f->path);
		int err = load_file(self, f->path, origin, f->data, f->len);
		free(origin);
		if (err)
			return err;
	}
	for (size_t i = 0; i < self->signals.len; i++)
		((al_signal *)self->signals.items[i])->builtin = 1;
	return 0;
}

/* The files of one subfolder of the rules layout ("signals", "queries/go", ...) whose names
 * end in ext, relative to root. The subfolder is read one level deep, hidden names skipped,
 * and an absent one holds nothing. */
static int collect_layer(const char *root, const char *sub, const char *ext, al_vec *out)
{
	char *full = al_sprintf("%s/%s", root, sub);
	DIR *d = opendir(full);
	int err = 0;
	if (!d && errno != ENOENT && errno != ENOTDIR) {
		al_error_set("%s: %s", full, strerror(errno));
		err = AL_EIO;
	}
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && al_str_ends_with(e->d_name, ext))
			al_vec_push(out, al_sprintf("%s/%s", sub, e->d_name));
	if (d)
		closedir(d);
	free(full);
	return err;
}

/* The files of a rules folder, in the layout of the embedded rules (rules.h): the known
 * top-level files and three subfolders, so a --rules folder that is really some other tree
 * (a repository, a home directory) is never walked. */
static int collect_rules(const char *dir, al_vec *out)
{
	static const char *const top[] = {"policy.json", "classify.json", "model.json"};
	struct stat st;
	int err = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	if (err) {
		al_error_set("%s: %s", dir, strerror(err));
		return AL_EIO;
	}
	for (size_t i = 0; i < sizeof(top) / sizeof(top[0]); i++) {
		char *full = al_sprintf("%s/%s", dir, top[i]);
		if (stat(full, &st) == 0)
			al_vec_push(out, al_strdup(top[i]));
		free(full);
	}
	err = collect_layer(dir, "signals", ".json", out);
	if (!err)
		err = collect_layer(dir, "queries/go", ".scm", out);
	if (!err)
		err = collect_layer(dir, "queries/rust", ".scm", out);
	return err;
}

/* A rules folder without signals classifies nothing, without a policy flags nothing: either
 * would make every check pass, so it is refused. */
static int check_complete(const al_ruleset *self, const char *dir)
{
	int no_signals = self->signals.len == 0, no_policy = self->rules.len == 0;
	if (!no_signals && !no_policy)
		return 0;
	al_error_set("%s: a rules folder needs %s%s%s", dir,
	             no_signals ? "signals (signals/*.json or queries/{go,rust}/*.scm)" : "",
	             no_signals && no_policy ? " and " : "",
	             no_policy ? "a policy (policy.json listing rules)" : "");
	return AL_ECONFIG;
}

int al_ruleset_load_dir(al_ruleset *self, const char *dir)
{
	al_vec files = AL_VEC_INIT;
	int err = collect_rules(dir, &files);
	al_vec_sort(&files, al_vec_cmp_str);
	for (size_t i = 0; !err && i < files.len; i++) {
		char *full = al_sprintf("%s/%s", dir, (char *)files.items[i]);
		al_buf data = AL_BUF_INIT;
		if (al_file_read(full, AL_JSON_MAX_BYTES, 0, &data) != 0) {
			al_error_set("%s: %s", full, al_file_strerror(errno, AL_JSON_MAX_BYTES));
			err = AL_EIO;
		}
		if (!err) {
			hash_add(self, files.items[i], al_buf_cstr(&data), data.len);
			err = load_file(self, files.items[i], full, al_buf_cstr(&data), data.len);
		}
		al_buf_dispose(&data);
		free(full);
	}
	al_vec_dispose_with(&files, free);
	return err ? err : check_complete(self, dir);
}

static void index_add(al_strmap *index, const char *key, al_signal *s)
{
	al_vec *v = al_strmap_get(index, key);
	if (!v) {
		v = al_calloc(1, sizeof(*v));
		al_strmap_set(index, key, v);
	}
	al_vec_push(v, s);
}

static char *normalise_crate(const char *name)
{
	char *n = al_strdup(name);
	for (char *c = n; *c; c++)
		if (*c == '-')
			*c = '_';
	return n;
}

/* The query signals of `lang`, all of them or only the user's. */
static void query_signals(const al_ruleset *self, al_language lang, int users_only, al_vec *out)
{
	for (size_t i = 0; i < self->signals.len; i++) {
		al_signal *s = self->signals.items[i];
		if (s->kind == AL_SIG_QUERY && s->language == (int)lang &&
		    !(users_only && s->builtin))
			al_vec_push(out, s);
	}
}

int al_ruleset_compile_queries(al_ruleset *self, unsigned langs)
{
	int err = 0;
	for (int l = 0; l < AL_LANG__COUNT && !err; l++) {
		if (self->queries[l])
			continue;
		unsigned bit = 1u << l;
		int wanted = (langs & bit) != 0;
		if (!wanted && (self->queries_ready & bit))
			continue;
		al_vec signals = AL_VEC_INIT;
		query_signals(self, (al_language)l, !wanted, &signals);
		al_query_set *set = NULL;
		err = al_query_set_new(&set, (al_language)l, (al_signal *const *)signals.items,
		                       signals.len);
		al_vec_dispose(&signals);
		if (err)
			break;
		if (wanted)
			self->queries[l] = set;
		else
			al_query_set_free(set);
		self->queries_ready |= bit;
	}
	return err;
}

int al_ruleset_prepare(al_ruleset *self)
{
	for (size_t i = 0; i < self->signals.len; i++) {
		al_signal *s = self->signals.items[i];
		for (size_t k = 0; k < s->patterns.len; k++) {
			if (s->kind == AL_SIG_IMPORT)
				index_add(&self->import_index, s->patterns.items[k], s);
			if (s->kind == AL_SIG_CRATE) {
				char *n = normalise_crate(s->patterns.items[k]);
				index_add(&self->crate_index, n, s);
				free(n);
			}
		}
	}
	al_blob_id(self->hash, al_buf_cstr(&self->hash_input), self->hash_input.len);
	return 0;
}

int al_ruleset_finish(al_ruleset *self)
{
	int err = al_ruleset_prepare(self);
	return err ? err : al_ruleset_compile_queries(self, AL_ALL_LANGUAGES);
}

const char *al_rules_folder(const char *dir)
{
	if (!dir)
		dir = getenv("ARCHLINT_RULES");
	return dir && *dir ? dir : NULL;
}

int al_ruleset_load(al_ruleset *self, const char *folder)
{
	return folder ? al_ruleset_load_dir(self, folder) : al_ruleset_load_embedded(self);
}

int al_ruleset_open(al_ruleset **out, const char *dir)
{
	al_ruleset *rs = al_ruleset_new();
	int err = al_ruleset_load(rs, al_rules_folder(dir));
	if (!err)
		err = al_ruleset_finish(rs);
	if (err) {
		al_ruleset_free(rs);
		rs = NULL;
	}
	*out = rs;
	return err;
}

void al_ruleset_add_hash_input(al_ruleset *self, const char *name, const char *data, size_t len)
{
	hash_add(self, name, data, len);
}

al_rule *al_ruleset_find_rule(const al_ruleset *self, const char *id)
{
	for (size_t i = 0; i < self->rules.len; i++)
		if (strcmp(((al_rule *)self->rules.items[i])->id, id) == 0)
			return self->rules.items[i];
	return NULL;
}

void al_ruleset_match_import(const al_ruleset *self, const char *import, al_vec *out)
{
	char *key = al_strdup(import);
	for (;;) {
		const al_vec *v = al_strmap_get(&self->import_index, key);
		for (size_t i = 0; v && i < v->len; i++)
			al_vec_push(out, v->items[i]);
		char *slash = strrchr(key, '/');
		if (!slash)
			break;
		*slash = '\0';
	}
	free(key);
}

const al_vec *al_ruleset_match_crate(const al_ruleset *self, const char *crate)
{
	char *n = normalise_crate(crate);
	const al_vec *v = al_strmap_get(&self->crate_index, n);
	free(n);
	return v;
}

void al_ruleset_run_queries(const al_ruleset *self, al_language lang, TSQueryCursor *cursor,
                            TSNode root, const char *source, al_query_hit_fn hit, void *ctx)
{
	al_query_set_run(self->queries[lang], cursor, root, source, hit, ctx);
}
