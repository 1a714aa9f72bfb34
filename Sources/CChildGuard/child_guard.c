#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include "child_guard.h"

static volatile sig_atomic_t guarded_child;
static const int signals[] = {SIGTERM, SIGINT, SIGHUP};
static struct sigaction previous[3];

static void forward(int signal_number) {
  pid_t child = (pid_t)guarded_child;
  if (child > 0) kill(child, SIGTERM);
  // The disposition from before, then the same signal again: vernetzt ends as it would have.
  for (int i = 0; i < 3; i++) {
    if (signals[i] == signal_number) sigaction(signal_number, &previous[i], NULL);
  }
  raise(signal_number);
}

void vernetzt_guard_child(pid_t child) {
  guarded_child = child;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = forward;
  sigemptyset(&action.sa_mask);
  for (int i = 0; i < 3; i++) {
    sigaction(signals[i], NULL, &previous[i]);
    // A signal vernetzt was told to ignore (nohup) stays ignored.
    if (previous[i].sa_handler != SIG_IGN) sigaction(signals[i], &action, NULL);
  }
}

void vernetzt_unguard_child(void) {
  for (int i = 0; i < 3; i++) sigaction(signals[i], &previous[i], NULL);
  guarded_child = 0;
}
