// libFuzzer's entry point for programs that have their own main().
// The definition comes from the libFuzzer runtime linked in by -sanitize=fuzzer.
#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
