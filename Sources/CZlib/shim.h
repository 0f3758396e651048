#ifndef MENTORMATCH_CZLIB_SHIM_H
#define MENTORMATCH_CZLIB_SHIM_H
#include <zlib.h>
#endif
