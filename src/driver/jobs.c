/*
 * jobs: the worker pool. Workers take the next job index under a mutex
 * (and, on a terminal, say which unit they start on one progress line);
 * everything else they touch is their own (front end, job output), so the
 * result does not depend on the number of threads or their timing.
 */
#include "jobs.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../frontend/frontend.h"
#include "cache.h"
#include "cache_codec.h"
#include "pipeline.h"
#include "../analysis/project.h"
#include "../support/xalloc.h"

/* Lowering and libclang's visitor recurse over the syntax tree, so deeply
 * nested code needs more than the default 8 MiB (more still under ASan).
 * Only touched pages cost memory. */
enum { WORKER_STACK_SIZE = 256 * 1024 * 1024 };

/* One pass of the pool over some of the jobs. */
struct pool {
    const struct job *jobs;
    int job_count;
    const struct job_settings *settings;
    struct job_output *outputs;
    struct pipeline_unit *units;        /* whole program: one per job */
    const struct project_table *project;
    const char *const *changed;         /* PASS_SUMMARISE after the first round: the names
                                         * whose summaries changed (sorted); NULL: all */
    int changed_count;
    enum pass { PASS_UNIT, PASS_PREPARE, PASS_CONTEXTS, PASS_SUMMARISE, PASS_CHECK } pass;
    const int *indexes;                 /* the jobs of this pass, or NULL: all */
    int count;
    FILE *progress;                     /* this pass shows progress there, or NULL */
    size_t allocation_limit;            /* NULLPROOF_FAIL_ALLOCATIONS_OVER, or 0 */
    pthread_mutex_t lock;
    int next;
};

static int take_job(struct pool *pool)
{
    pthread_mutex_lock(&pool->lock);
    int index = -1;
    if (pool->next < pool->count) {
        int position = pool->next++;
        index = pool->indexes ? pool->indexes[position] : position;
        if (pool->progress) {
            /* as ninja does: one line, rewritten, naming the unit started */
            fprintf(pool->progress, "\r\033[K[%d/%d] %s", position + 1, pool->count,
                    pool->jobs[index].display_path);
            fflush(pool->progress);
        }
    }
    pthread_mutex_unlock(&pool->lock);
    return index;
}

static void no_frontend(const struct job *job, struct job_output *output)
{
    message_add(&output->messages, MESSAGE_ERROR, "%s: cannot create a libclang index",
                job->display_path);
}

/* Runs job `index`; a unit analysed alone (PASS_UNIT) lives in `alone`. */
static void run_job(struct pool *pool, struct frontend *frontend, int index,
                    struct pipeline_unit *alone)
{
    const struct job *job = &pool->jobs[index];
    struct job_output *output = &pool->outputs[index];
    switch (pool->pass) {
    case PASS_UNIT:
        if (frontend)
            pipeline_run(frontend, job, pool->settings, output, alone);
        else
            no_frontend(job, output);
        break;
    case PASS_PREPARE:
        if (frontend)
            pipeline_prepare(frontend, job, pool->settings, output, &pool->units[index]);
        else
            no_frontend(job, output);
        break;
    case PASS_CONTEXTS:
        pipeline_export_contexts(job, pool->settings, &pool->units[index]);
        break;
    case PASS_SUMMARISE:
        pipeline_summarise(job, pool->settings, &pool->units[index], pool->project,
                           pool->changed, pool->changed_count);
        break;
    case PASS_CHECK:
        if (!job->summaries_only)
            pipeline_check(job, pool->settings, output, &pool->units[index], pool->project);
        break;
    }
}

/* Runs job `index`; false when it ran out of memory, which left what it
 * held behind (the caller releases it and makes sure nothing uses it). */
static bool run_recovering(struct pool *pool, struct frontend *frontend, int index,
                           struct pipeline_unit *alone)
{
    struct alloc_recovery recovery;
    recovery.largest = pool->allocation_limit;
    if (setjmp(recovery.jump) != 0) {
        xalloc_recover_to(NULL);
        return false;
    }
    xalloc_recover_to(&recovery);
    run_job(pool, frontend, index, alone);
    xalloc_recover_to(NULL);
    return true;
}

static void drop_unit(struct pipeline_unit *unit)
{
    arena_free(&unit->work);
    memset(unit, 0, sizeof *unit);
    arena_init(&unit->work);
}

/* Job `index` ran out of memory: its unit is dropped (the other units do
 * not see its exports, the later passes skip it, the cache keeps nothing
 * of it) and the run reports it as an error. What its analysis held
 * outside the unit's arena and the frontend is not reclaimed. */
static void unit_out_of_memory(struct pool *pool, int index, struct pipeline_unit *alone)
{
    drop_unit(pool->units ? &pool->units[index] : alone);
    struct job_output *output = &pool->outputs[index];
    output->parsed = false;
    message_add(&output->messages, MESSAGE_ERROR,
                "%s: out of memory while analysing it: skipped (the other units' results "
                "stand)",
                pool->jobs[index].display_path);
}

static void *work(void *argument)
{
    struct pool *pool = argument;
    bool parses = pool->pass == PASS_UNIT || pool->pass == PASS_PREPARE;
    struct frontend *frontend = parses ? frontend_create() : NULL;
    struct pipeline_unit alone;
    memset(&alone, 0, sizeof alone);
    arena_init(&alone.work);
    for (int index = take_job(pool); index >= 0; index = take_job(pool)) {
        if (run_recovering(pool, frontend, index, &alone))
            continue;
        unit_out_of_memory(pool, index, &alone);
        if (frontend) { /* it may have been left mid-unit: it releases that unit */
            frontend_destroy(frontend);
            frontend = frontend_create();
        }
    }
    arena_free(&alone.work);
    if (frontend)
        frontend_destroy(frontend); /* libclang's memory goes before the next pass */
    return NULL;
}

/* Runs one pass on up to `thread_count` threads; false when no worker
 * could be started. */
static bool run_pass(struct pool *pool, int thread_count)
{
    if (pool->count == 0)
        return true;
    if (thread_count > pool->count)
        thread_count = pool->count;
    if (thread_count < 1)
        thread_count = 1;
    pool->next = 0;
    pthread_mutex_init(&pool->lock, NULL);
    pthread_t *threads = xcalloc((size_t)thread_count, sizeof *threads);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, WORKER_STACK_SIZE);
    int started = 0;
    for (int i = 0; i < thread_count; i++) {
        if (pthread_create(&threads[started], &attributes, work, pool) != 0)
            break;
        started++;
    }
    pthread_attr_destroy(&attributes);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (pool->progress) { /* the summary and the messages take the line */
        fputs("\r\033[K", pool->progress);
        fflush(pool->progress);
    }
    free(threads);
    pthread_mutex_destroy(&pool->lock);
    return started > 0;
}

/* A pass over `count` of the jobs (`indexes`) between the phases: no
 * progress line, which counts the units parsed and checked. */
static bool run_quiet_pass(struct pool *pool, enum pass pass, const int *indexes, int count,
                           int thread_count)
{
    pool->pass = pass;
    pool->indexes = indexes;
    pool->count = count;
    FILE *shown = pool->progress;
    pool->progress = NULL;
    bool started = run_pass(pool, thread_count);
    pool->progress = shown;
    return started;
}

/* Rounds of summaries over the whole program: enough for a chain of calls
 * through that many files; recursion through files usually settles in two. */
enum { WHOLE_PROGRAM_ROUNDS = 8 };

struct whole_program_report {
    int rounds;
    bool rounds_exhausted;
    int ambiguous;                 /* names defined differently in several units */
    const char *ambiguous_example;
};

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(const char *const *)left, *(const char *const *)right);
}

/* Whether the unit calls a function named in `changed` (sorted). */
static bool calls_any(const struct pipeline_unit *unit, const char **changed, int changed_count)
{
    for (int i = 0; i < unit->exports.callee_count; i++)
        if (bsearch(&unit->exports.callees[i], changed, (size_t)changed_count, sizeof *changed,
                    compare_names))
            return true;
    return false;
}

static bool exports_wanted(const struct pipeline_unit *unit)
{
    for (int i = 0; unit->analysable && i < unit->exports.function_count; i++)
        if (unit->wanted[i])
            return true;
    return false;
}

/* Likewise for a unit whose exports came from the cache: they are final. */
static bool cached_exports_wanted(const struct pipeline_unit *unit)
{
    for (int i = 0; unit->cached && i < unit->exports.function_count; i++)
        if (unit->wanted[i])
            return true;
    return false;
}

static bool has_exports(const struct pipeline_unit *unit)
{
    return unit->analysable || unit->cached;
}

/* Builds the project table from the units' exports, then summarises the
 * functions that other units call, again in the units whose imports
 * changed, until nothing changes or the rounds run out. */
static void whole_program_summarise(struct pool *pool, struct project_table *project,
                                    int *indexes, int thread_count,
                                    struct whole_program_report *report, bool *ok)
{
    memset(report, 0, sizeof *report);
    struct pipeline_unit *units = pool->units;
    int job_count = pool->job_count;
    for (int i = 0; i < job_count; i++) {
        if (!has_exports(&units[i]))
            continue;
        project_table_add(project, i, &units[i].exports);
        memset(units[i].wanted, 0, sizeof *units[i].wanted *
                                       (size_t)(units[i].exports.function_count + 1));
    }
    project_table_finish(project);
    for (int i = 0; i < project->function_count; i++)
        if (project->functions[i].ambiguous && report->ambiguous++ == 0)
            report->ambiguous_example = project->functions[i].name;
    /* a name several programs define is wanted from each of them: what all
     * its definitions agree on (none returns) still holds for a caller */
    bool *called = xcalloc((size_t)project->function_count + 1, sizeof *called);
    for (int i = 0; i < job_count; i++) {
        for (int c = 0; has_exports(&units[i]) && c < units[i].exports.callee_count; c++) {
            const struct project_function *callee =
                project_find(project, units[i].exports.callees[c]);
            if (callee && !callee->ambiguous)
                units[callee->unit].wanted[callee->export_index] = true;
            else if (callee)
                called[callee - project->functions] = true;
        }
    }
    for (int i = 0; i < job_count; i++) {
        for (int e = 0; has_exports(&units[i]) && e < units[i].exports.function_count; e++) {
            const struct project_function *function =
                project_find(project, units[i].exports.functions[e].name);
            if (function && function->ambiguous && called[function - project->functions])
                units[i].wanted[e] = true;
        }
    }
    free(called);
    /* Round 1 ran in phase 1, for every unit; what it lacks are the
     * summaries per value of a global, for the functions other units call. */
    int count = 0;
    for (int i = 0; i < job_count; i++)
        if (exports_wanted(&units[i]))
            indexes[count++] = i;
    if (!run_quiet_pass(pool, PASS_CONTEXTS, indexes, count, thread_count)) {
        *ok = false;
        return;
    }
    /* Round 1 also takes the cached units' summaries: final ones, from the
     * run that stored them; their units are never summarised again. */
    for (int i = 0; i < job_count; i++)
        if (cached_exports_wanted(&units[i]))
            indexes[count++] = i;
    const char **changed = xcalloc((size_t)project->function_count + 1, sizeof *changed);
    for (int round = 1; count > 0; round++) {
        if (round > WHOLE_PROGRAM_ROUNDS) {
            report->rounds_exhausted = true;
            break;
        }
        report->rounds = round;
        pool->project = project;
        if (round > 1 && !run_quiet_pass(pool, PASS_SUMMARISE, indexes, count, thread_count)) {
            *ok = false;
            break;
        }
        int changed_count = 0;
        for (int k = 0; k < count; k++) {
            const struct pipeline_unit *unit = &units[indexes[k]];
            for (int e = 0; e < unit->exports.function_count; e++) {
                const struct exported_function *exported = &unit->exports.functions[e];
                const struct project_function *function = project_find(project, exported->name);
                if (function && unit->wanted[e] && exported->summary.computed &&
                    project_set_summary(project, exported->name, exported) &&
                    changed_count < project->function_count)
                    changed[changed_count++] = function->name;
            }
        }
        count = 0;
        if (changed_count == 0)
            break;
        qsort(changed, (size_t)changed_count, sizeof *changed, compare_names);
        pool->changed = changed;
        pool->changed_count = changed_count;
        for (int i = 0; i < job_count; i++)
            if (exports_wanted(&units[i]) && calls_any(&units[i], changed, changed_count))
                indexes[count++] = i;
    }
    pool->changed = NULL;
    pool->changed_count = 0;
    free(changed);
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The file a job parses, as it can be opened from here. */
static const char *jobs_source(const struct pool *pool, int index)
{
    return pool->jobs[index].absolute_path ? pool->jobs[index].absolute_path
                                           : pool->jobs[index].parse_path;
}

/* The statements of a unit: what checking it costs, roughly. */
static long long unit_size(const struct ir_unit *unit)
{
    long long size = 0;
    for (int f = 0; f < unit->function_count; f++)
        for (int b = 0; b < unit->functions[f].block_count; b++)
            size += unit->functions[f].blocks[b].statement_count + 1;
    return size;
}

struct costed_job {
    long long cost;
    int index;
};

static int compare_costs(const void *left, const void *right)
{
    const struct costed_job *a = left, *b = right;
    if (a->cost != b->cost)
        return a->cost > b->cost ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* `order` receives 0..count-1 by decreasing cost (ties: job order). */
static void largest_first(int *order, const long long *costs, int count)
{
    struct costed_job *jobs = xcalloc((size_t)count + 1, sizeof *jobs);
    for (int i = 0; i < count; i++)
        jobs[i] = (struct costed_job){costs[i], i};
    qsort(jobs, (size_t)count, sizeof *jobs, compare_costs);
    for (int i = 0; i < count; i++)
        order[i] = jobs[i].index;
    free(jobs);
}

/* What the result cache gives one run (cache.h): per job, its key and the
 * entry found for it. */
struct cached_jobs {
    struct result_cache *cache;
    struct cache_key *keys;
    bool *keyed;                  /* the job can be cached */
    struct cache_entry **entries; /* a valid entry, or NULL: the job is analysed */
    int hits, reanalysed;
};

static void cached_jobs_open(struct cached_jobs *cached, struct pool *pool, bool whole_program)
{
    int job_count = pool->job_count;
    memset(cached, 0, sizeof *cached);
    cached->cache = pool->settings->cache;
    if (!cached->cache)
        return;
    cached->keys = xcalloc((size_t)job_count + 1, sizeof *cached->keys);
    cached->keyed = xcalloc((size_t)job_count + 1, sizeof *cached->keyed);
    cached->entries = xcalloc((size_t)job_count + 1, sizeof *cached->entries);
    for (int i = 0; i < job_count; i++) {
        const struct job *job = &pool->jobs[i];
        cached->keyed[i] = cache_job_key(cached->cache, job, whole_program, &cached->keys[i]);
        struct cache_entry *entry =
            cached->keyed[i] ? cache_lookup(cached->cache, job, &cached->keys[i]) : NULL;
        /* A whole-program entry must have its exports, and its findings
         * unless another --shard reports this unit. */
        if (entry && (!entry->parsed || entry->has_exports != whole_program ||
                      (!entry->has_findings && !job->summaries_only))) {
            cache_entry_free(entry);
            entry = NULL;
        }
        cached->entries[i] = entry;
    }
}

/* Hands the cached units' findings and messages to their outputs. */
static void cached_jobs_results(struct cached_jobs *cached, struct pool *pool)
{
    for (int i = 0; cached->cache && i < pool->job_count; i++) {
        const struct cache_entry *entry = cached->entries[i];
        if (!entry)
            continue;
        struct job_output *output = &pool->outputs[i];
        output->parsed = entry->parsed;
        output->clang_error_count = entry->clang_error_count;
        if (!pool->jobs[i].summaries_only)
            cache_entry_results(entry, &output->findings, &output->messages);
        cached->hits++;
    }
}

static void cached_jobs_close(struct cached_jobs *cached, int job_count)
{
    if (!cached->cache)
        return;
    cache_count(cached->cache, cached->hits, job_count - cached->hits, cached->reanalysed);
    for (int i = 0; i < job_count; i++)
        cache_entry_free(cached->entries[i]);
    free(cached->entries);
    free(cached->keyed);
    free(cached->keys);
}

/* Stores what job `index` gave this run. */
static void cached_jobs_store(struct cached_jobs *cached, struct pool *pool, int index,
                              const struct string_buffer *exports, const unsigned char *imports,
                              const struct cited_files *cited)
{
    const struct job *job = &pool->jobs[index];
    const struct job_output *output = &pool->outputs[index];
    if (!cached->cache || !cached->keyed[index] || cached->entries[index] || !output->parsed ||
        (pool->settings->whole_program && !exports))
        return;
    struct cache_record record = {output->parsed, output->clang_error_count, exports, imports,
                                  cited, job->summaries_only ? NULL : &output->findings,
                                  &output->messages, output->includes, output->include_count};
    cache_store(cached->cache, job, &cached->keys[index], &record);
}

/* Stores analysed unit `index` of a whole-program run, once checked: its
 * exports (`exports`, encoded), and the digest of what it imported with
 * the files its results name. */
static void store_analysed(struct cached_jobs *cached, struct pool *pool, int index,
                           const struct string_buffer *exports, const bool *wanted,
                           const struct project_table *project)
{
    if (!exports->length || !wanted)
        return;
    struct arena arena;
    arena_init(&arena);
    struct unit_exports decoded;
    struct codec_reader in = {(const unsigned char *)exports->data,
                              (const unsigned char *)exports->data + exports->length, false};
    if (codec_get_exports(&in, &arena, &decoded)) {
        struct cited_files cited;
        cited_files_init(&cited);
        cited_files_add_exports(&cited, &decoded);
        if (!pool->jobs[index].summaries_only)
            cited_files_add_findings(&cited, &pool->outputs[index].findings);
        cited_files_finish(&cited);
        unsigned char imports[16];
        codec_imports_digest(&decoded, wanted, project, &cited, imports);
        cached_jobs_store(cached, pool, index, exports, imports, &cited);
        cited_files_free(&cited);
    }
    arena_free(&arena);
}

void job_output_init(struct job_output *output)
{
    memset(output, 0, sizeof *output);
    arena_init(&output->arena);
    finding_list_init(&output->findings, &output->arena);
    message_list_init(&output->messages);
    string_buffer_init(&output->dump);
}

static void append_messages(struct message_list *to, const struct message_list *from)
{
    for (int i = 0; i < from->count; i++)
        message_add(to, from->items[i].kind, "%s", from->items[i].text);
}

/* The exports of analysed unit `index` as the other units saw them: the
 * table keeps a summary that changed only in its locations (summary_equal),
 * so a unit's last summary may differ from the table's in them, and a
 * cached unit must give the table what this run's table holds. */
static void put_final_exports(struct string_buffer *out, const struct pipeline_unit *unit,
                              int index, const struct project_table *project)
{
    struct unit_exports exports = unit->exports;
    struct exported_function *functions =
        xcalloc((size_t)exports.function_count + 1, sizeof *functions);
    for (int e = 0; e < exports.function_count; e++) {
        functions[e] = exports.functions[e];
        const struct project_function *function = project_find(project, functions[e].name);
        if (unit->wanted[e] && function && function->has_summary && !function->ambiguous &&
            function->unit == index && function->export_index == e) {
            functions[e].summary = function->summary;
            functions[e].contexts = function->contexts;
            functions[e].context_count = function->context_count;
        }
    }
    exports.functions = functions;
    codec_put_exports(out, &exports);
    free(functions);
}

/* A unit whose exports come from its cache entry: no IR, nothing to analyse. */
static void unit_from_cache(struct pipeline_unit *unit, const struct cache_entry *entry)
{
    memset(unit, 0, sizeof *unit);
    arena_init(&unit->work);
    unit->cached = true;
    unit->exports = entry->exports;
    unit->wanted = arena_alloc(&unit->work, sizeof *unit->wanted *
                                                (size_t)(unit->exports.function_count + 1));
}

/* The whole program: every unit parsed and lowered once (phase 1), the
 * summaries of the functions other units call computed round after round
 * until none changes, then every unit checked with them (phase 2).
 * With the result cache, a unit whose entry is valid is not parsed: its
 * final exports join the table, and its findings are the entry's as long
 * as the summaries it imports are those it imported when it was stored
 * (else it is analysed, and the program's summaries computed again). */
static bool run_whole_program(struct pool *pool, int thread_count, struct message_list *notes)
{
    int job_count = pool->job_count;
    struct pipeline_unit *units = xcalloc((size_t)job_count, sizeof *units);
    int *order = xcalloc((size_t)job_count + 1, sizeof *order);
    long long *costs = xcalloc((size_t)job_count + 1, sizeof *costs);
    int *indexes = xcalloc((size_t)job_count + 1, sizeof *indexes);
    struct cached_jobs cached;
    cached_jobs_open(&cached, pool, true);
    pool->units = units;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct project_table project;
    project_table_init(&project);
    struct whole_program_report report;
    memset(&report, 0, sizeof report);
    bool ok = true;
    double parsed = 0;
    int parsed_count = 0;
    for (;;) {
        /* Largest first, so that no worker is left with one long unit while
         * the others wait at the end of a pass: by file size to parse, by IR
         * size to check. */
        int count = 0;
        for (int i = 0; i < job_count; i++) {
            if (cached.cache && cached.entries[i]) {
                unit_from_cache(&units[i], cached.entries[i]);
                continue;
            }
            struct stat status;
            costs[count] = stat(jobs_source(pool, i), &status) == 0 ? (long long)status.st_size
                                                                   : 0;
            indexes[count++] = i;
        }
        largest_first(order, costs, count);
        for (int k = 0; k < count; k++)
            order[k] = indexes[order[k]];
        parsed_count = count;
        pool->pass = PASS_PREPARE;
        pool->indexes = order;
        pool->count = count;
        ok = run_pass(pool, thread_count);
        parsed = seconds_since(&start);
        if (!ok)
            break;
        whole_program_summarise(pool, &project, indexes, thread_count, &report, &ok);
        if (!ok || !cached.cache)
            break;
        /* A cached unit whose imports changed is analysed: everything is
         * then done again (the summaries of the others may depend on its). */
        int stale = 0;
        for (int i = 0; i < job_count; i++) {
            if (!units[i].cached)
                continue;
            unsigned char digest[16];
            codec_imports_digest(&units[i].exports, units[i].wanted, &project,
                                 &cached.entries[i]->cited, digest);
            if (memcmp(digest, cached.entries[i]->imports, sizeof digest) != 0) {
                cache_entry_free(cached.entries[i]);
                cached.entries[i] = NULL;
                stale++;
            }
        }
        if (stale == 0)
            break;
        cached.reanalysed += stale;
        for (int i = 0; i < job_count; i++) {
            if (!units[i].cached) {
                job_output_free(&pool->outputs[i]);
                job_output_init(&pool->outputs[i]);
            }
            pipeline_unit_free(&units[i]);
        }
        project_table_free(&project);
        project_table_init(&project);
    }
    if (ok) {
        if (report.rounds_exhausted)
            message_add(notes, MESSAGE_VERBOSE,
                        "whole program: summaries still changed after %d rounds; the last "
                        "ones are used",
                        report.rounds);
        if (report.ambiguous > 0)
            message_add(notes, MESSAGE_VERBOSE,
                        "whole program: %d function name%s defined in several units (%s%s), "
                        "not used across units",
                        report.ambiguous, report.ambiguous == 1 ? " is" : "s are",
                        report.ambiguous_example, report.ambiguous > 1 ? ", ..." : "");
    }
    double summarised = seconds_since(&start) - parsed;
    /* What a cache entry keeps of an analysed unit: its final exports and
     * which of them others wanted, before phase 2 frees its memory. */
    struct string_buffer *exports = NULL;
    bool **wanted = NULL;
    if (cached.cache && ok) {
        exports = xcalloc((size_t)job_count + 1, sizeof *exports);
        wanted = xcalloc((size_t)job_count + 1, sizeof *wanted);
        for (int i = 0; i < job_count; i++) {
            string_buffer_init(&exports[i]);
            if (!units[i].analysable || !cached.keyed[i])
                continue;
            put_final_exports(&exports[i], &units[i], i, &project);
            size_t size = sizeof **wanted * (size_t)(units[i].exports.function_count + 1);
            wanted[i] = xmalloc(size);
            memcpy(wanted[i], units[i].wanted, size);
        }
    }
    int count = 0;
    for (int i = 0; i < job_count; i++) {
        if (units[i].cached)
            continue;
        costs[count] = units[i].analysable ? unit_size(&units[i].result.unit) : 0;
        indexes[count++] = i;
    }
    largest_first(order, costs, count);
    for (int k = 0; k < count; k++)
        order[k] = indexes[order[k]];
    pool->project = &project;
    pool->pass = PASS_CHECK;
    pool->indexes = order;
    pool->count = ok ? count : 0;
    ok = ok && run_pass(pool, thread_count);
    message_add(notes, MESSAGE_VERBOSE,
                "whole program: %d units parsed in %.2f s, %d functions exported, summaries "
                "exchanged in %.2f s (%d round%s), checked in %.2f s",
                parsed_count, parsed, project.function_count, summarised, report.rounds,
                report.rounds == 1 ? "" : "s",
                seconds_since(&start) - parsed - summarised);
    if (ok && cached.cache) {
        cached_jobs_results(&cached, pool);
        for (int i = 0; i < job_count; i++)
            if (!units[i].cached)
                store_analysed(&cached, pool, i, &exports[i], wanted[i], &project);
    }
    for (int i = 0; exports && i < job_count; i++) {
        string_buffer_free(&exports[i]);
        free(wanted[i]);
    }
    free(exports);
    free(wanted);
    cached_jobs_close(&cached, job_count);
    for (int i = 0; i < job_count; i++)
        pipeline_unit_free(&units[i]);
    free(order);
    free(costs);
    free(indexes);
    if (pool->settings->project_out)
        *pool->settings->project_out = project; /* the caller's now */
    else
        project_table_free(&project);
    free(units);
    return ok;
}

/* Each unit alone; with the result cache, only those without a valid entry. */
static bool run_units(struct pool *pool, int thread_count)
{
    struct cached_jobs cached;
    cached_jobs_open(&cached, pool, false);
    int *indexes = xcalloc((size_t)pool->job_count + 1, sizeof *indexes);
    int count = 0;
    for (int i = 0; i < pool->job_count; i++)
        if (!cached.cache || !cached.entries[i])
            indexes[count++] = i;
    pool->pass = PASS_UNIT;
    pool->indexes = indexes;
    pool->count = count;
    bool ok = run_pass(pool, thread_count);
    if (ok && cached.cache) {
        cached_jobs_results(&cached, pool);
        for (int k = 0; k < count; k++)
            cached_jobs_store(&cached, pool, indexes[k], NULL, NULL, NULL);
    }
    cached_jobs_close(&cached, pool->job_count);
    free(indexes);
    return ok;
}

/* NULLPROOF_FAIL_ALLOCATIONS_OVER=BYTES makes a worker's allocations above
 * BYTES fail, as if memory had run out: the tests of the path that fails
 * one unit and keeps the others' results use it. */
static size_t allocation_limit(void)
{
    const char *text = getenv("NULLPROOF_FAIL_ALLOCATIONS_OVER");
    if (!text || !*text)
        return 0;
    char *end = NULL;
    unsigned long long bytes = strtoull(text, &end, 10);
    return end && *end == '\0' ? (size_t)bytes : 0;
}

int jobs_run(const struct job *jobs, int job_count, const struct job_settings *settings,
             int thread_count, struct job_output *outputs, char **error)
{
    *error = NULL;
    for (int i = 0; i < job_count; i++)
        job_output_init(&outputs[i]);
    if (job_count == 0)
        return 0;
    struct pool pool;
    memset(&pool, 0, sizeof pool);
    pool.jobs = jobs;
    pool.job_count = job_count;
    pool.settings = settings;
    pool.outputs = outputs;
    pool.progress = settings->progress;
    pool.allocation_limit = allocation_limit();
    bool ok;
    if (settings->whole_program && !settings->dump_ir) {
        /* the run's own notes come after the units' (unit 0's are cached) */
        struct message_list notes;
        message_list_init(&notes);
        ok = run_whole_program(&pool, thread_count, &notes);
        append_messages(&outputs[0].messages, &notes);
        message_list_free(&notes);
    } else if (settings->cache && !settings->dump_ir) {
        ok = run_units(&pool, thread_count);
    } else {
        pool.pass = PASS_UNIT;
        pool.count = job_count;
        ok = run_pass(&pool, thread_count);
    }
    if (!ok) {
        *error = xstrdup("cannot start a worker thread");
        return -1;
    }
    return 0;
}

void job_output_free(struct job_output *output)
{
    message_list_free(&output->messages);
    string_buffer_free(&output->dump);
    arena_free(&output->arena);
    finding_list_init(&output->findings, &output->arena);
}
