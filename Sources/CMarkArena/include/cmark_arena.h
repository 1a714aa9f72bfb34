#ifndef VERNETZT_CMARK_ARENA_H
#define VERNETZT_CMARK_ARENA_H
#include <cmark-gfm.h>

/* A cmark allocator for one document at a time on each thread: allocations are cut from
   per-thread chunks, `free` does nothing, and everything goes at once when the thread's last
   document is done. cmark-gfm allocates every node, text and buffer separately and frees the
   tree node by node; a parse spends a tenth of its time in the allocator that way.

   cmark-gfm's own arena (cmark_get_arena_mem_allocator) is one per process and cannot serve
   parsers on several threads. Everything cmark allocates for a document uses the parser's or
   the node's allocator (nodes of two allocators cannot even be joined), so a tree, its
   iterators and its rendered HTML all live here; the HTML must not be given to free(). */

/* The allocator: every parser and node made with it belongs to the current thread's arena. */
cmark_mem *vernetzt_arena_mem(void);

/* Opens a document on this thread (documents may nest: a field's Markdown inside a file's). */
void vernetzt_arena_begin(void);

/* Closes it: when no document is open on this thread any more, all its memory is released
   (one chunk is kept for the next). Nothing allocated since the outermost begin may be used
   after this. */
void vernetzt_arena_end(void);

/* Bytes the current thread's arena holds in chunks (tests). */
unsigned long vernetzt_arena_held(void);

#endif
