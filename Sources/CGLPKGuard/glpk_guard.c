#include "glpk_guard.h"

#include <setjmp.h>
#include <stddef.h>
#include <string.h>

/* ---- per-thread guard state ---- */

enum { MM_OUTPUT_TAIL = 4096 };

typedef struct {
    jmp_buf *active;            /* the running guarded call's setjmp target, or NULL */
    unsigned long generation;   /* bumped when a fatal error freed the environment */
    mm_glpk_output_sink sink;
    void *sink_context;
    size_t output_length;
    char output[MM_OUTPUT_TAIL];
} mm_guard_state;

static _Thread_local mm_guard_state mm_state;

unsigned long mm_glpk_generation(void) { return mm_state.generation; }

const char *mm_glpk_last_output(void) { return mm_state.output; }

void mm_glpk_set_output(mm_glpk_output_sink sink, void *context) {
    mm_state.sink = sink;
    mm_state.sink_context = context;
}

/* Keeps the tail of the text; forwards it; never lets GLPK print itself. */
static int mm_term_hook(void *info, const char *text) {
    (void)info;
    size_t n = strlen(text);
    if (n >= MM_OUTPUT_TAIL) {
        text += n - (MM_OUTPUT_TAIL - 1);
        n = MM_OUTPUT_TAIL - 1;
    }
    if (mm_state.output_length + n >= MM_OUTPUT_TAIL) {
        size_t keep = MM_OUTPUT_TAIL - 1 - n;
        if (keep > mm_state.output_length) keep = mm_state.output_length;
        memmove(mm_state.output, mm_state.output + mm_state.output_length - keep, keep);
        mm_state.output_length = keep;
    }
    memcpy(mm_state.output + mm_state.output_length, text, n);
    mm_state.output_length += n;
    mm_state.output[mm_state.output_length] = '\0';
    if (mm_state.sink != NULL && !glp_at_error()) mm_state.sink(mm_state.sink_context, text);
    return 1;
}

/* Called by glp_error just before abort(): free everything of this thread and jump back. */
static void mm_error_hook(void *info) {
    (void)info;
    jmp_buf *target = mm_state.active;
    if (target == NULL) return; /* not inside a guarded call: GLPK aborts */
    mm_state.active = NULL;
    glp_free_env();
    mm_state.generation += 1;
    longjmp(*target, 1);
}

static void mm_enter(jmp_buf *target) {
    mm_state.active = target;
    mm_state.output_length = 0;
    mm_state.output[0] = '\0';
    /* Re-installed on every call: a freed environment forgets its hooks. */
    glp_error_hook(mm_error_hook, NULL);
    glp_term_hook(mm_term_hook, NULL);
}

/* The body of every wrapper. `call` runs between setjmp and the return; no
   Swift frame is ever between the two. */
#define MM_GUARDED(call)                                   \
    do {                                                   \
        jmp_buf target;                                    \
        if (mm_state.active != NULL) return MM_GLPK_REENTRANT; \
        mm_enter(&target);                                 \
        if (setjmp(target) != 0) return MM_GLPK_FATAL;     \
        call;                                              \
        mm_state.active = NULL;                            \
        return MM_GLPK_OK;                                 \
    } while (0)

/* ---- problem object ---- */

int mm_glp_create_prob(glp_prob **out) { MM_GUARDED(*out = glp_create_prob()); }
int mm_glp_delete_prob(glp_prob *P) { MM_GUARDED(glp_delete_prob(P)); }
int mm_glp_set_prob_name(glp_prob *P, const char *name) { MM_GUARDED(glp_set_prob_name(P, name)); }
int mm_glp_set_obj_dir(glp_prob *P, int dir) { MM_GUARDED(glp_set_obj_dir(P, dir)); }
int mm_glp_add_rows(glp_prob *P, int count, int *first) { MM_GUARDED(*first = glp_add_rows(P, count)); }
int mm_glp_add_cols(glp_prob *P, int count, int *first) { MM_GUARDED(*first = glp_add_cols(P, count)); }
int mm_glp_set_row_name(glp_prob *P, int i, const char *name) { MM_GUARDED(glp_set_row_name(P, i, name)); }
int mm_glp_set_col_name(glp_prob *P, int j, const char *name) { MM_GUARDED(glp_set_col_name(P, j, name)); }
int mm_glp_set_row_bnds(glp_prob *P, int i, int type, double lb, double ub) {
    MM_GUARDED(glp_set_row_bnds(P, i, type, lb, ub));
}
int mm_glp_set_col_bnds(glp_prob *P, int j, int type, double lb, double ub) {
    MM_GUARDED(glp_set_col_bnds(P, j, type, lb, ub));
}
int mm_glp_set_col_kind(glp_prob *P, int j, int kind) { MM_GUARDED(glp_set_col_kind(P, j, kind)); }
int mm_glp_set_obj_coef(glp_prob *P, int j, double coef) { MM_GUARDED(glp_set_obj_coef(P, j, coef)); }
int mm_glp_get_obj_coef(glp_prob *P, int j, double *out) { MM_GUARDED(*out = glp_get_obj_coef(P, j)); }
int mm_glp_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]) {
    MM_GUARDED(glp_load_matrix(P, ne, ia, ja, ar));
}
int mm_glp_get_num_rows(glp_prob *P, int *out) { MM_GUARDED(*out = glp_get_num_rows(P)); }
int mm_glp_get_num_cols(glp_prob *P, int *out) { MM_GUARDED(*out = glp_get_num_cols(P)); }
int mm_glp_get_num_int(glp_prob *P, int *out) { MM_GUARDED(*out = glp_get_num_int(P)); }
int mm_glp_get_obj_dir(glp_prob *P, int *out) { MM_GUARDED(*out = glp_get_obj_dir(P)); }
int mm_glp_get_row_name(glp_prob *P, int i, const char **out) { MM_GUARDED(*out = glp_get_row_name(P, i)); }
int mm_glp_get_col_name(glp_prob *P, int j, const char **out) { MM_GUARDED(*out = glp_get_col_name(P, j)); }

static void mm_load_model(glp_prob *P, const mm_glpk_model *m) {
    glp_set_obj_dir(P, m->direction);
    glp_set_obj_coef(P, 0, m->objective_constant);
    if (m->rows > 0) glp_add_rows(P, m->rows);
    if (m->columns > 0) glp_add_cols(P, m->columns);
    for (int i = 0; i < m->rows; i++) {
        glp_set_row_bnds(P, i + 1, m->row_type[i], m->row_lb[i], m->row_ub[i]);
        if (m->row_names != NULL && m->row_names[i] != NULL) glp_set_row_name(P, i + 1, m->row_names[i]);
    }
    for (int j = 0; j < m->columns; j++) {
        glp_set_col_kind(P, j + 1, m->col_kind[j]);
        glp_set_col_bnds(P, j + 1, m->col_type[j], m->col_lb[j], m->col_ub[j]);
        if (m->objective[j] != 0.0) glp_set_obj_coef(P, j + 1, m->objective[j]);
        if (m->col_names != NULL && m->col_names[j] != NULL) glp_set_col_name(P, j + 1, m->col_names[j]);
    }
    if (m->ne > 0) glp_load_matrix(P, m->ne, m->ia, m->ja, m->ar);
}
int mm_glpk_load_model(glp_prob *P, const mm_glpk_model *model) { MM_GUARDED(mm_load_model(P, model)); }

/* ---- basis ---- */

static void mm_set_basis(glp_prob *P, const int row_stat[], const int col_stat[]) {
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    for (int i = 0; i < m; i++) glp_set_row_stat(P, i + 1, row_stat[i]);
    for (int j = 0; j < n; j++) glp_set_col_stat(P, j + 1, col_stat[j]);
}
int mm_glpk_set_basis(glp_prob *P, const int row_stat[], const int col_stat[]) {
    MM_GUARDED(mm_set_basis(P, row_stat, col_stat));
}
int mm_glp_cpx_basis(glp_prob *P) { MM_GUARDED(glp_cpx_basis(P)); }
int mm_glp_adv_basis(glp_prob *P) { MM_GUARDED(glp_adv_basis(P, 0)); }
int mm_glp_std_basis(glp_prob *P) { MM_GUARDED(glp_std_basis(P)); }
int mm_glp_warm_up(glp_prob *P, int *ret) { MM_GUARDED(*ret = glp_warm_up(P)); }

/* ---- simplex ---- */

int mm_glp_init_smcp(glp_smcp *parm) { MM_GUARDED(glp_init_smcp(parm)); }
int mm_glp_simplex(glp_prob *P, const glp_smcp *parm, int *ret) { MM_GUARDED(*ret = glp_simplex(P, parm)); }
int mm_glp_get_status(glp_prob *P, int *out) { MM_GUARDED(*out = glp_get_status(P)); }
int mm_glp_get_prim_stat(glp_prob *P, int *out) { MM_GUARDED(*out = glp_get_prim_stat(P)); }
int mm_glp_get_obj_val(glp_prob *P, double *out) { MM_GUARDED(*out = glp_get_obj_val(P)); }

static void mm_get_col_prims(glp_prob *P, int n, double out[]) {
    for (int j = 0; j < n; j++) out[j] = glp_get_col_prim(P, j + 1);
}
int mm_glpk_get_col_prims(glp_prob *P, int n, double out[]) { MM_GUARDED(mm_get_col_prims(P, n, out)); }

/* ---- branch and cut ---- */

static void mm_search_callback(glp_tree *T, void *info) {
    mm_glpk_search *search = info;
    int reason = glp_ios_reason(T);
    if (reason == GLP_IHEUR && search->start != NULL) {
        const double *start = search->start;
        search->start = NULL; /* offered once */
        search->start_accepted = glp_ios_heur_sol(T, start) == 0;
    }
    mm_glpk_progress progress;
    memset(&progress, 0, sizeof progress);
    progress.reason = reason;
    int best = glp_ios_best_node(T);
    if (best != 0) {
        progress.has_bound = 1;
        progress.bound = glp_ios_node_bound(T, best);
        search->has_bound = 1;
        search->bound = progress.bound;
    }
    glp_prob *P = glp_ios_get_prob(T);
    if (glp_mip_status(P) == GLP_FEAS) {
        progress.has_incumbent = 1;
        progress.incumbent = glp_mip_obj_val(P);
        progress.gap = glp_ios_mip_gap(T);
    }
    if (search->progress != NULL && search->progress(search->context, &progress) != 0) glp_ios_terminate(T);
}

int mm_glp_init_iocp(glp_iocp *parm) { MM_GUARDED(glp_init_iocp(parm)); }
int mm_glpk_intopt(glp_prob *P, glp_iocp *parm, mm_glpk_search *search, int *ret) {
    parm->cb_func = mm_search_callback;
    parm->cb_info = search;
    MM_GUARDED(*ret = glp_intopt(P, parm));
}
int mm_glp_mip_status(glp_prob *P, int *out) { MM_GUARDED(*out = glp_mip_status(P)); }
int mm_glp_mip_obj_val(glp_prob *P, double *out) { MM_GUARDED(*out = glp_mip_obj_val(P)); }

static void mm_mip_col_vals(glp_prob *P, int n, double out[]) {
    for (int j = 0; j < n; j++) out[j] = glp_mip_col_val(P, j + 1);
}
int mm_glpk_mip_col_vals(glp_prob *P, int n, double out[]) { MM_GUARDED(mm_mip_col_vals(P, n, out)); }

/* ---- files ---- */

int mm_glp_write_lp(glp_prob *P, const char *fname, int *ret) { MM_GUARDED(*ret = glp_write_lp(P, NULL, fname)); }
int mm_glp_read_lp(glp_prob *P, const char *fname, int *ret) { MM_GUARDED(*ret = glp_read_lp(P, NULL, fname)); }
int mm_glp_write_mps(glp_prob *P, int fmt, const char *fname, int *ret) {
    MM_GUARDED(*ret = glp_write_mps(P, fmt, NULL, fname));
}
int mm_glp_read_mps(glp_prob *P, int fmt, const char *fname, int *ret) {
    MM_GUARDED(*ret = glp_read_mps(P, fmt, NULL, fname));
}

/* ---- GNU MathProg ---- */

int mm_glp_mpl_alloc_wksp(glp_tran **out) { MM_GUARDED(*out = glp_mpl_alloc_wksp()); }
int mm_glp_mpl_free_wksp(glp_tran *tran) { MM_GUARDED(glp_mpl_free_wksp(tran)); }
int mm_glp_mpl_read_model(glp_tran *tran, const char *fname, int skip, int *ret) {
    MM_GUARDED(*ret = glp_mpl_read_model(tran, fname, skip));
}
int mm_glp_mpl_read_data(glp_tran *tran, const char *fname, int *ret) {
    MM_GUARDED(*ret = glp_mpl_read_data(tran, fname));
}
int mm_glp_mpl_generate(glp_tran *tran, const char *fname, int *ret) {
    MM_GUARDED(*ret = glp_mpl_generate(tran, fname));
}
int mm_glp_mpl_build_prob(glp_tran *tran, glp_prob *P) { MM_GUARDED(glp_mpl_build_prob(tran, P)); }
int mm_glp_mpl_postsolve(glp_tran *tran, glp_prob *P, int sol, int *ret) {
    MM_GUARDED(*ret = glp_mpl_postsolve(tran, P, sol));
}
