#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cmark_arena.h"

/* Every block starts 16-aligned and is preceded by its size, which realloc needs. */
enum { ALIGNMENT = 16, HEADER = 16, CHUNK = 1 << 20 };

typedef struct chunk {
  struct chunk *previous;
  size_t size;  /* usable bytes after the header of the chunk */
  size_t used;
  size_t padding;  /* keeps the data that follows 16-aligned */
} chunk;

static __thread chunk *current;
static __thread int depth;
static __thread unsigned char *last_block;  /* the newest block: realloc may grow it in place */

static unsigned char *data_of(chunk *c) { return (unsigned char *)(c + 1); }

static size_t rounded(size_t size) {
  if (size > SIZE_MAX - HEADER - ALIGNMENT) abort();
  return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
}

static size_t size_of_block(const unsigned char *block) { return *(const size_t *)(block - HEADER); }

static unsigned char *take(size_t size) {
  size_t need = HEADER + rounded(size);
  if (!current || current->size - current->used < need) {
    size_t chunk_size = need > CHUNK ? need : CHUNK;
    chunk *fresh = malloc(sizeof(chunk) + chunk_size);
    if (!fresh) abort();  /* as cmark's own allocator does */
    fresh->previous = current;
    fresh->size = chunk_size;
    fresh->used = 0;
    current = fresh;
  }
  unsigned char *block = data_of(current) + current->used + HEADER;
  *(size_t *)(block - HEADER) = size;
  current->used += need;
  last_block = block;
  return block;
}

static void *arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) abort();
  unsigned char *block = take(count * size);
  memset(block, 0, count * size);
  return block;
}

static void *arena_realloc(void *pointer, size_t size) {
  unsigned char *old = pointer;
  if (!old) return take(size);
  size_t old_size = size_of_block(old);
  /* The newest block of the chunk grows where it is, as a buffer being appended to does. */
  if (old == last_block) {
    size_t start = (size_t)(old - HEADER - data_of(current));
    if (HEADER + rounded(size) <= current->size - start) {
      current->used = start + HEADER + rounded(size);
      *(size_t *)(old - HEADER) = size;
      return old;
    }
  }
  unsigned char *block = take(size);
  memcpy(block, old, old_size < size ? old_size : size);
  return block;
}

static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *vernetzt_arena_mem(void) { return &allocator; }

void vernetzt_arena_begin(void) { depth += 1; }

void vernetzt_arena_end(void) {
  if (--depth > 0) return;
  depth = 0;
  if (!current) return;
  /* The newest chunk stays for the next document, unless one huge document made it. */
  chunk *kept = current->size <= CHUNK ? current : NULL;
  chunk *c = current;
  while (c) {
    chunk *previous = c->previous;
    if (c != kept) free(c);
    c = previous;
  }
  current = kept;
  if (kept) {
    kept->previous = NULL;
    kept->used = 0;
  }
  last_block = NULL;
}

unsigned long vernetzt_arena_held(void) {
  unsigned long held = 0;
  for (chunk *c = current; c; c = c->previous) held += c->size;
  return held;
}
