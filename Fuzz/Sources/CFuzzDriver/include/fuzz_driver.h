#ifndef MENTORMATCH_FUZZ_DRIVER_H
#define MENTORMATCH_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own `main` (LLVM 11 and later): parses the
/// libFuzzer options in argv and runs `callback` on each input. Defined by the -sanitize=fuzzer runtime.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
