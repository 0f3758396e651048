// Only a header: LLVMFuzzerRunDriver is defined by the libFuzzer runtime that -sanitize=fuzzer links.
#include "fuzz_driver.h"
