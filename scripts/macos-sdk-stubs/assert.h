/* Stand-in for the macOS SDK's header, for the compile check only (scripts/test-platforms). */
#pragma once
#define assert(condition) ((void)0)
