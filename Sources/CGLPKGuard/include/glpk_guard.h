#ifndef MENTORMATCH_GLPK_GUARD_H
#define MENTORMATCH_GLPK_GUARD_H
/* placeholder: filled in by the GLPK binding work */
int mm_glpk_guard_placeholder(void);
#endif
