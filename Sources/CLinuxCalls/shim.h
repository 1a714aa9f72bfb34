#ifndef VERNETZT_CSYSTEM_SHIM_H
#define VERNETZT_CSYSTEM_SHIM_H
/* System calls the Swift overlay does not offer. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

/* Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): whoever looks sees the
   one or the other, never neither. Returns 0, or -1 with errno set. */
static inline int vernetzt_exchange_paths(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

/* A pipe whose ends are closed on exec (pipe2 with O_CLOEXEC), so that no other child started
   meanwhile inherits them. Returns 0, or -1 with errno set. */
static inline int vernetzt_pipe_closed_on_exec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}
#endif
