/* Stand-in for the macOS SDK's header, for the compile check only (scripts/test-platforms). */
#pragma once
#include <stddef.h>
void abort(void);
