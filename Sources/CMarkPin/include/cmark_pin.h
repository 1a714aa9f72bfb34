#ifndef VERNETZT_CMARK_PIN_H
#define VERNETZT_CMARK_PIN_H
#include <cmark-gfm.h>

/* libcmark-gfm keeps the extensions' special inline characters ('~' for strikethrough, ':' and
   'w' for autolinks) in one process-wide table (inlines.c SPECIAL_CHARS). Every
   cmark_parser_finish adds them at its start and removes them at its end, so a parser that
   finishes on one thread takes them away from a parser still working on another: strikethrough
   and autolinks are dropped at random.

   This target defines cmark_manage_extensions_special_characters, which the library calls
   through its PLT and which this definition therefore replaces. After
   vernetzt_cmark_pin_special_characters has set the characters once (through the library's own
   function), the replacement does nothing, so the table never changes while parsers run.
   Every parser of the process must use the same extensions (vernetzt's always do). */

/* Sets the characters of `parser`'s extensions for good. Returns 1, or 0 when the library's
   own function cannot be found (then nothing is pinned). */
int vernetzt_cmark_pin_special_characters(cmark_parser *parser);

/* How many times the library has called the replacement: 0 after a parse means the library
   does not call it through the PLT and the table is not protected. */
long vernetzt_cmark_replacement_calls(void);

#endif
