#ifndef VERNETZT_CHILD_GUARD_H
#define VERNETZT_CHILD_GUARD_H
#include <sys/types.h>

/* While a helper program (Pagefind) runs, a SIGTERM, SIGINT or SIGHUP sent to vernetzt alone
   (a CI job cancelled, `kill PID`) would leave the helper running as an orphan. Guarding
   forwards SIGTERM to the child, then lets the signal end vernetzt as it would have. */
void vernetzt_guard_child(pid_t child);
/* Ends guarding `child`; with no child left, the signal dispositions from before come back.
   Both are safe to call from several threads at once. */
void vernetzt_unguard_child(pid_t child);

#endif
