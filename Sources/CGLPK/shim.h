#ifndef MENTORMATCH_CGLPK_SHIM_H
#define MENTORMATCH_CGLPK_SHIM_H
#include <glpk.h>
#endif
