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

#include "../frontend/frontend.h"
#include "pipeline.h"
#include "../support/xalloc.h"

/* Lowering and libclang's visitor recurse over the syntax tree, so deeply
 * nested code needs more than the default 8 MiB (more still under ASan).
 * Only touched pages cost memory. */
enum { WORKER_STACK_SIZE = 256 * 1024 * 1024 };

struct pool {
    const struct job *jobs;
    int job_count;
    const struct job_settings *settings;
    struct job_output *outputs;
    pthread_mutex_t lock;
    int next;
};

static int take_job(struct pool *pool)
{
    pthread_mutex_lock(&pool->lock);
    int index = pool->next < pool->job_count ? pool->next++ : -1;
    if (index >= 0 && pool->settings->progress) {
        /* as ninja does: one line, rewritten, naming the unit started */
        fprintf(pool->settings->progress, "\r\033[K[%d/%d] %s", index + 1, pool->job_count,
                pool->jobs[index].display_path);
        fflush(pool->settings->progress);
    }
    pthread_mutex_unlock(&pool->lock);
    return index;
}

static void *work(void *argument)
{
    struct pool *pool = argument;
    struct frontend *frontend = frontend_create();
    for (int index = take_job(pool); index >= 0; index = take_job(pool)) {
        if (!frontend) {
            message_add(&pool->outputs[index].messages, MESSAGE_ERROR,
                        "%s: cannot create a libclang index", pool->jobs[index].display_path);
            continue;
        }
        pipeline_run(frontend, &pool->jobs[index], pool->settings, &pool->outputs[index]);
    }
    if (frontend)
        frontend_destroy(frontend);
    return NULL;
}

int jobs_run(const struct job *jobs, int job_count, const struct job_settings *settings,
             int thread_count, struct job_output *outputs, char **error)
{
    *error = NULL;
    for (int i = 0; i < job_count; i++) {
        memset(&outputs[i], 0, sizeof outputs[i]);
        arena_init(&outputs[i].arena);
        finding_list_init(&outputs[i].findings, &outputs[i].arena);
        message_list_init(&outputs[i].messages);
        string_buffer_init(&outputs[i].dump);
    }
    if (job_count == 0)
        return 0;
    if (thread_count > job_count)
        thread_count = job_count;
    if (thread_count < 1)
        thread_count = 1;

    struct pool pool = {jobs, job_count, settings, outputs, PTHREAD_MUTEX_INITIALIZER, 0};
    pthread_t *threads = xcalloc((size_t)thread_count, sizeof *threads);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, WORKER_STACK_SIZE);
    int started = 0;
    for (int i = 0; i < thread_count; i++) {
        if (pthread_create(&threads[started], &attributes, work, &pool) != 0)
            break;
        started++;
    }
    pthread_attr_destroy(&attributes);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (settings->progress) { /* the summary and the messages take the line */
        fputs("\r\033[K", settings->progress);
        fflush(settings->progress);
    }
    free(threads);
    pthread_mutex_destroy(&pool.lock);
    if (started == 0) {
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
