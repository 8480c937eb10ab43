/*
 * extract_all.c: runs the per-file extractor over every Go and Rust file of the snapshot
 * on a pool of worker threads. Each worker owns one repository handle, one parser and one
 * query cursor; files are handed out through an atomic counter, and results land in a
 * slot per file, so the outcome does not depend on the number of workers.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract_all.h"

#include "cache.h"
#include "path.h"

typedef struct {
	al_source_file *file;
	al_language lang;
	al_file_facts *facts;
	char *error; /* why the file could not be read or parsed */
	int cached;  /* facts came from the cache */
} job;

typedef struct {
	const al_extract_input *in;
	job **todo; /* the jobs the cache could not answer */
	size_t ntodo;
	atomic_size_t next;
	atomic_size_t done;
	size_t max_file_bytes;
} pool;

static int looks_binary(const char *data, size_t len)
{
	size_t n = len < 8000 ? len : 8000;
	return memchr(data, '\0', n) != NULL;
}

static al_file_facts *skipped_facts(al_language lang, char *why, int by_policy)
{
	al_file_facts *f = al_calloc(1, sizeof(*f));
	f->language = lang;
	f->skipped = why;
	f->skipped_by_policy = by_policy;
	return f;
}

static void run_job(pool *p, al_source_reader *reader, al_extractor *ex, al_buf *buf, job *j)
{
	size_t size, max = p->max_file_bytes;
	if (al_source_reader_size(reader, j->file, &size) == 0 && size > max) {
		j->facts = skipped_facts(j->lang,
		                         al_sprintf("skipped: %zu bytes, over max_file_bytes "
		                                    "(%zu)",
		                                    size, max),
		                         1);
		return;
	}
	if (al_source_reader_read(reader, j->file, buf) != 0) {
		j->error = al_strdup(al_error_last());
		return;
	}
	if (buf->len > max) {
		j->facts = skipped_facts(j->lang,
		                         al_sprintf("skipped: %zu bytes, over max_file_bytes "
		                                    "(%zu)",
		                                    buf->len, max),
		                         1);
		return;
	}
	if (looks_binary(al_buf_cstr(buf), buf->len)) {
		j->facts = skipped_facts(j->lang, al_strdup("skipped: binary content"), 0);
		j->facts->skipped_binary = 1;
		return;
	}
	if (al_extract_file(&j->facts, ex, p->in->rules, j->lang, j->file->path, al_buf_cstr(buf),
	                    buf->len) != 0) {
		j->error = al_strdup(al_error_last());
		al_file_facts_free(j->facts);
		j->facts = NULL;
	}
}

/* Parses jobs until none are left; the calling thread (report set) reports progress. */
static void work(pool *p, int report)
{
	al_source_reader reader;
	al_extractor ex;
	al_buf buf = AL_BUF_INIT;
	if (al_source_reader_open(&reader, p->in->source) != 0)
		return; /* the jobs stay with the other workers, or end unread */
	al_extractor_init(&ex);
	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->ntodo)
			break;
		run_job(p, &reader, &ex, &buf, p->todo[i]);
		size_t done = atomic_fetch_add(&p->done, 1) + 1;
		if (report && p->in->opts->progress)
			p->in->opts->progress(done, p->ntodo, p->in->opts->progress_ctx);
	}
	al_extractor_release(&ex);
	al_source_reader_close(&reader);
	al_buf_dispose(&buf);
}

static void *worker(void *arg)
{
	work(arg, 0);
	return NULL;
}

static int jobs_wanted(const al_scan_options *opts)
{
	if (opts->jobs > 0)
		return opts->jobs;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static int excluded(const al_config *config, const char *path)
{
	return config && al_config_excludes(config, path);
}

/* Go ignores directories whose name starts with '.' or '_'. */
static int go_hidden(const char *path)
{
	for (const char *p = path; *p;) {
		if (*p == '.' || *p == '_')
			return 1;
		const char *slash = strchr(p, '/');
		if (!slash)
			return 0;
		p = slash + 1;
	}
	return 0;
}

static void run_pool(pool *p)
{
	const al_scan_options *opts = p->in->opts;
	int want = jobs_wanted(opts);
	if ((size_t)want > p->ntodo)
		want = p->ntodo ? (int)p->ntodo : 1;
	pthread_t *threads = al_calloc((size_t)want, sizeof(pthread_t));
	int started = 0;
	for (int t = 1; t < want; t++)
		if (pthread_create(&threads[started], NULL, worker, p) == 0)
			started++;
	work(p, 1); /* the calling thread works too, and reports progress */
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	if (opts->progress)
		opts->progress(p->ntodo, p->ntodo, opts->progress_ctx);
	free(threads);
}

static al_cache *open_cache(const al_extract_input *in, const al_sink *sink)
{
	if (!in->cache_dir)
		return NULL;
	char *notice = NULL;
	al_cache *cache = al_cache_open(in->cache_dir, in->rules, &notice);
	if (notice)
		al_vec_push(sink->warnings, notice);
	return cache;
}

int al_extract_all(al_facts *out, const al_extract_input *in, const al_sink *sink)
{
	al_vec files = in->source->files;
	job *jobs = al_calloc(files.len ? files.len : 1, sizeof(job));
	size_t n = 0;
	for (size_t i = 0; i < files.len; i++) {
		al_source_file *f = files.items[i];
		if (excluded(in->config, f->path))
			continue;
		const char *base = al_path_basename(f->path);
		char *dir = al_path_dirname(f->path);
		int hidden = strcmp(dir, ".") != 0 && go_hidden(dir);
		free(dir);
		if (al_str_ends_with(base, ".go") && !al_str_ends_with(base, "_test.go") &&
		    !hidden && base[0] != '.' && base[0] != '_') {
			jobs[n].lang = AL_LANG_GO;
		} else if (al_str_ends_with(base, ".rs") &&
		           al_cargo_file_wanted(in->cargo, f->path)) {
			jobs[n].lang = AL_LANG_RUST;
		} else {
			continue;
		}
		jobs[n++].file = f;
	}

	al_cache *cache = open_cache(in, sink);
	pool p = {in, al_calloc(n ? n : 1, sizeof(job *)),
	          0,  0,
	          0,  in->config ? in->config->max_file_bytes : AL_DEFAULT_MAX_FILE_BYTES};
	for (size_t i = 0; i < n; i++) {
		job *j = &jobs[i];
		if (cache && j->file->has_oid && (j->facts = al_cache_get(cache, &j->file->oid)))
			j->cached = 1;
		else
			p.todo[p.ntodo++] = j;
	}
	unsigned langs = 0;
	for (size_t i = 0; i < p.ntodo; i++)
		langs |= 1u << p.todo[i]->lang;
	int err = p.ntodo ? al_ruleset_compile_queries(in->rules, langs) : 0;
	if (!err)
		run_pool(&p);
	free(p.todo);
	if (err) {
		for (size_t i = 0; i < n; i++)
			al_file_facts_free(jobs[i].facts);
		al_cache_free(cache);
		free(jobs);
		return err;
	}

	for (size_t i = 0; i < n; i++) {
		job *j = &jobs[i];
		if (!j->facts) {
			al_sink_gap(sink, "%s", j->error ? j->error : "not read");
			free(j->error);
			continue;
		}
		if (cache && !j->cached && j->file->has_oid)
			al_cache_put(cache, &j->file->oid, j->facts);
		/* A skipped file keeps its (empty) facts: discovery must still see it, since it may
		 * be a component's entry file (see al_component.unread). */
		if (j->facts->skipped && j->facts->skipped_by_policy)
			al_sink_note(sink, "%s: %s", j->file->path, j->facts->skipped);
		else if (j->facts->skipped)
			al_sink_gap(sink, "%s: %s", j->file->path, j->facts->skipped);
		if (j->facts->skipped_binary) { /* not source: no toolchain would build it either */
			al_file_facts_free(j->facts);
			continue;
		}
		al_strmap_set(&out->facts, j->file->path, j->facts);
		al_vec_push(j->lang == AL_LANG_GO ? &out->go_files : &out->rust_files,
		            al_strdup(j->file->path));
	}
	if (cache && al_cache_save(cache) != 0)
		al_vec_push(sink->warnings, al_strdup(al_error_last()));
	al_cache_free(cache);
	free(jobs);
	return 0;
}

static void free_facts(void *p)
{
	al_file_facts_free(p);
}

void al_facts_dispose(al_facts *facts)
{
	al_strmap_dispose_with(&facts->facts, free_facts);
	al_vec_dispose_with(&facts->go_files, free);
	al_vec_dispose_with(&facts->rust_files, free);
}
