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

#include "scan.h"
#include "util/path.h"

/* Files larger than this are generated or data, not hand-written service code. */
#define AL_MAX_FILE_BYTES (8u * 1024 * 1024)

typedef struct {
	al_source_file *file;
	al_language lang;
	al_file_facts *facts;
	char *notice;
} job;

typedef struct {
	al_scan *scan;
	job *jobs;
	size_t njobs;
	atomic_size_t next;
} pool;

static int looks_binary(const char *data, size_t len)
{
	size_t n = len < 8000 ? len : 8000;
	return memchr(data, '\0', n) != NULL;
}

static void run_job(pool *p, al_source_reader *reader, al_extractor *ex, al_buf *buf, job *j)
{
	int err = al_source_reader_read(reader, j->file, buf);
	if (err) {
		j->notice = al_strdup(al_error_last());
		return;
	}
	if (buf->len > AL_MAX_FILE_BYTES) {
		j->notice = al_sprintf("%s: skipped: larger than %u MiB", j->file->path,
				       AL_MAX_FILE_BYTES >> 20);
		return;
	}
	if (looks_binary(al_buf_cstr(buf), buf->len)) {
		j->notice = al_sprintf("%s: skipped: binary content", j->file->path);
		return;
	}
	if (al_extract_file(&j->facts, ex, p->scan->rules, j->lang, j->file->path,
			    al_buf_cstr(buf), buf->len) != 0) {
		j->notice = al_strdup(al_error_last());
		al_file_facts_free(j->facts);
		j->facts = NULL;
	}
}

static void *worker(void *arg)
{
	pool *p = arg;
	al_source_reader reader;
	al_extractor ex;
	al_buf buf = AL_BUF_INIT;
	if (al_source_reader_open(&reader, p->scan->source) != 0) {
		/* Leave the jobs to other workers or the final sweep. */
		return NULL;
	}
	al_extractor_init(&ex);
	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->njobs)
			break;
		run_job(p, &reader, &ex, &buf, &p->jobs[i]);
	}
	al_extractor_release(&ex);
	al_source_reader_close(&reader);
	al_buf_dispose(&buf);
	return NULL;
}

static int jobs_wanted(const al_scan *scan)
{
	if (scan->opts->jobs > 0)
		return scan->opts->jobs;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static int excluded(const al_scan *scan, const char *path)
{
	return scan->config && al_config_excludes(scan->config, path);
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

int al_extract_all(al_scan *scan)
{
	al_vec files = scan->source->files;
	job *jobs = al_calloc(files.len ? files.len : 1, sizeof(job));
	size_t n = 0;
	for (size_t i = 0; i < files.len; i++) {
		al_source_file *f = files.items[i];
		if (excluded(scan, f->path))
			continue;
		const char *base = al_path_basename(f->path);
		char *dir = al_path_dirname(f->path);
		int hidden = strcmp(dir, ".") != 0 && go_hidden(dir);
		free(dir);
		if (al_str_ends_with(base, ".go") && !al_str_ends_with(base, "_test.go") && !hidden &&
		    base[0] != '.' && base[0] != '_') {
			jobs[n].lang = AL_LANG_GO;
		} else if (al_str_ends_with(base, ".rs")) {
			jobs[n].lang = AL_LANG_RUST;
		} else {
			continue;
		}
		jobs[n++].file = f;
	}

	pool p = { scan, jobs, n, 0 };
	int want = jobs_wanted(scan);
	if ((size_t)want > n)
		want = n ? (int)n : 1;
	pthread_t *threads = al_calloc((size_t)want, sizeof(pthread_t));
	int started = 0;
	for (int t = 1; t < want; t++)
		if (pthread_create(&threads[started], NULL, worker, &p) == 0)
			started++;
	worker(&p); /* the calling thread works too */
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);

	for (size_t i = 0; i < n; i++) {
		job *j = &jobs[i];
		if (j->notice) {
			al_scan_notice(scan, "%s", j->notice);
			free(j->notice);
		}
		if (!j->facts && !j->notice)
			al_scan_notice(scan, "%s: not read: %s", j->file->path, al_error_last());
		if (!j->facts)
			continue;
		al_strmap_set(&scan->facts, j->file->path, j->facts);
		al_vec_push(j->lang == AL_LANG_GO ? &scan->go_files : &scan->rust_files,
			    al_strdup(j->file->path));
	}
	free(jobs);
	return 0;
}
