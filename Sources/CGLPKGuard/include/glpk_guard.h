#ifndef MENTORMATCH_GLPK_GUARD_H
#define MENTORMATCH_GLPK_GUARD_H
/*
 * Every GLPK call of the project runs through one of these wrappers.
 *
 * GLPK reports a fatal error (out-of-range index, invalid argument, ...) by
 * calling glp_error, which prints a message and calls abort(). Each wrapper
 * runs its GLPK call under setjmp with glp_error_hook installed; the hook
 * frees the thread's GLPK environment (glp_free_env) and longjmps back, so
 * the wrapper returns MM_GLPK_FATAL instead of the process dying.
 *
 * After a fatal error every GLPK object of that thread is gone: the
 * per-thread generation (mm_glpk_generation) is incremented, and a handle
 * made under an older generation must not be used or freed.
 *
 * Terminal output: a term hook is always installed. It never lets GLPK print;
 * it keeps the tail of what the current guarded call printed (for error
 * messages) and forwards text to the thread's output sink, if one is set.
 *
 * Everything here is per thread (GLPK is built with thread-local storage).
 */
#include <glpk.h>

/* What a wrapper returns; GLPK's own return value, if any, goes to an out-pointer. */
enum {
    MM_GLPK_OK = 0,
    /* glp_error was called; the thread's GLPK environment has been freed. */
    MM_GLPK_FATAL = 1,
    /* A wrapper was entered from inside another (e.g. from a search callback): refused. */
    MM_GLPK_REENTRANT = 2,
};

/* Incremented every time a fatal error freed this thread's GLPK environment. */
unsigned long mm_glpk_generation(void);

/* What GLPK printed during the last guarded call on this thread (its tail; NUL-terminated). */
const char *mm_glpk_last_output(void);

/* Where this thread's GLPK terminal output goes (NULL: nowhere). Not a GLPK call. */
typedef void (*mm_glpk_output_sink)(void *context, const char *text);
void mm_glpk_set_output(mm_glpk_output_sink sink, void *context);

/* ---- problem object ---- */
int mm_glp_create_prob(glp_prob **out);
int mm_glp_delete_prob(glp_prob *P);
int mm_glp_set_prob_name(glp_prob *P, const char *name);
int mm_glp_set_obj_dir(glp_prob *P, int dir);
int mm_glp_add_rows(glp_prob *P, int count, int *first);
int mm_glp_add_cols(glp_prob *P, int count, int *first);
int mm_glp_set_row_name(glp_prob *P, int i, const char *name);
int mm_glp_set_col_name(glp_prob *P, int j, const char *name);
int mm_glp_set_row_bnds(glp_prob *P, int i, int type, double lb, double ub);
int mm_glp_set_col_bnds(glp_prob *P, int j, int type, double lb, double ub);
int mm_glp_set_col_kind(glp_prob *P, int j, int kind);
int mm_glp_set_obj_coef(glp_prob *P, int j, double coef);
int mm_glp_get_obj_coef(glp_prob *P, int j, double *out);
int mm_glp_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]);
int mm_glp_get_num_rows(glp_prob *P, int *out);
int mm_glp_get_num_cols(glp_prob *P, int *out);
int mm_glp_get_num_int(glp_prob *P, int *out);
int mm_glp_get_obj_dir(glp_prob *P, int *out);
int mm_glp_get_row_name(glp_prob *P, int i, const char **out);
int mm_glp_get_col_name(glp_prob *P, int j, const char **out);

/* The whole model in one call: rows, columns, bounds, kinds, objective, matrix.
   Arrays are 0-based with `rows` / `columns` entries; the matrix arrays are
   1-based as glp_load_matrix wants them (element 0 ignored, ne entries after it).
   row_names / col_names may be NULL (no names); a NULL entry means no name. */
typedef struct {
    int rows, columns;
    const int *row_type; const double *row_lb; const double *row_ub;
    const int *col_type; const double *col_lb; const double *col_ub;
    const int *col_kind; const double *objective; double objective_constant;
    int direction;
    int ne; const int *ia; const int *ja; const double *ar;
    const char *const *row_names; const char *const *col_names;
} mm_glpk_model;
int mm_glpk_load_model(glp_prob *P, const mm_glpk_model *model);

/* ---- basis ---- */
/* Sets every row's and column's basis status (0-based arrays, GLP_BS / GLP_NL / ...). */
int mm_glpk_set_basis(glp_prob *P, const int row_stat[], const int col_stat[]);
int mm_glp_cpx_basis(glp_prob *P);
int mm_glp_adv_basis(glp_prob *P);
int mm_glp_std_basis(glp_prob *P);
int mm_glp_warm_up(glp_prob *P, int *ret);

/* ---- simplex ---- */
int mm_glp_init_smcp(glp_smcp *parm);
int mm_glp_simplex(glp_prob *P, const glp_smcp *parm, int *ret);
int mm_glp_get_status(glp_prob *P, int *out);
int mm_glp_get_prim_stat(glp_prob *P, int *out);
int mm_glp_get_obj_val(glp_prob *P, double *out);
/* Primal values of columns 1...n into out[0...n-1]. */
int mm_glpk_get_col_prims(glp_prob *P, int n, double out[]);

/* ---- branch and cut ---- */
/* What the search callback reports, at most once per GLPK callback. */
typedef struct {
    int reason;              /* glp_ios_reason */
    int has_incumbent;       /* glp_mip_status == GLP_FEAS */
    double incumbent;        /* glp_mip_obj_val, when has_incumbent */
    int has_bound;           /* an active node exists */
    double bound;            /* its LP bound (best node) */
    double gap;              /* glp_ios_mip_gap, when has_incumbent */
} mm_glpk_progress;

/* Returns nonzero to stop the search (glp_ios_terminate). Called from inside
   glp_intopt: it must not call GLPK (a wrapper would refuse, MM_GLPK_REENTRANT). */
typedef int (*mm_glpk_progress_func)(void *context, const mm_glpk_progress *progress);

typedef struct {
    mm_glpk_progress_func progress;  /* may be NULL */
    void *context;
    /* A feasible point offered to the search at the first heuristic call
       (1-based, n+1 entries; NULL: none). Only with the MIP presolver off. */
    const double *start;
    /* Out: the last best-node bound seen (valid when has_bound). */
    int has_bound;
    double bound;
    /* Out: whether the start point was accepted as an incumbent. */
    int start_accepted;
} mm_glpk_search;

int mm_glp_init_iocp(glp_iocp *parm);
/* glp_intopt with `search` as callback (its cb_func / cb_info are set here). */
int mm_glpk_intopt(glp_prob *P, glp_iocp *parm, mm_glpk_search *search, int *ret);
int mm_glp_mip_status(glp_prob *P, int *out);
int mm_glp_mip_obj_val(glp_prob *P, double *out);
/* MIP values of columns 1...n into out[0...n-1]. */
int mm_glpk_mip_col_vals(glp_prob *P, int n, double out[]);

/* ---- files ---- */
int mm_glp_write_lp(glp_prob *P, const char *fname, int *ret);
int mm_glp_read_lp(glp_prob *P, const char *fname, int *ret);
int mm_glp_write_mps(glp_prob *P, int fmt, const char *fname, int *ret);
int mm_glp_read_mps(glp_prob *P, int fmt, const char *fname, int *ret);

/* ---- GNU MathProg ---- */
int mm_glp_mpl_alloc_wksp(glp_tran **out);
int mm_glp_mpl_free_wksp(glp_tran *tran);
int mm_glp_mpl_read_model(glp_tran *tran, const char *fname, int skip, int *ret);
int mm_glp_mpl_read_data(glp_tran *tran, const char *fname, int *ret);
int mm_glp_mpl_generate(glp_tran *tran, const char *fname, int *ret);
int mm_glp_mpl_build_prob(glp_tran *tran, glp_prob *P);
int mm_glp_mpl_postsolve(glp_tran *tran, glp_prob *P, int sol, int *ret);

#endif
