#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "cmark_pin.h"

typedef void (*manage_function)(cmark_parser *, int);

static atomic_int pinned;
static atomic_long replacement_calls;

static manage_function library_function(void) {
  return (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  atomic_fetch_add(&replacement_calls, 1);
  if (atomic_load(&pinned)) return;
  manage_function original = library_function();
  if (original) original(parser, add);
}

int vernetzt_cmark_pin_special_characters(cmark_parser *parser) {
  manage_function original = library_function();
  if (!original) return 0;
  original(parser, 1);
  atomic_store(&pinned, 1);
  return 1;
}

long vernetzt_cmark_replacement_calls(void) {
  return atomic_load(&replacement_calls);
}
