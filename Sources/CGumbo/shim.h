#ifndef VERNETZT_GUMBO_SHIM_H
#define VERNETZT_GUMBO_SHIM_H
#include <gumbo.h>
#endif
