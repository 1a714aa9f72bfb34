#ifndef VERNETZT_CHILD_GUARD_H
#define VERNETZT_CHILD_GUARD_H
#include <sys/types.h>

/* While a helper program (Pagefind) runs, a SIGTERM, SIGINT or SIGHUP sent to vernetzt alone
   (a CI job cancelled, `kill PID`) would leave the helper running as an orphan. Guarding
   forwards SIGTERM to the child, then lets the signal end vernetzt as it would have. */
void vernetzt_guard_child(pid_t child);
/* Back to the signal dispositions from before guarding. */
void vernetzt_unguard_child(void);

#endif
