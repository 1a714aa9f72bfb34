#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include "child_guard.h"

/* The children guarded now (several threads may each wait for one), a slot each; 0 is free.
   Written under the mutex, read by the signal handler (which may not lock). */
#define SLOTS 64
static volatile sig_atomic_t guarded[SLOTS];
static int guarded_count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const int signals[] = {SIGTERM, SIGINT, SIGHUP};
static struct sigaction previous[3];

static void forward(int signal_number) {
  for (int i = 0; i < SLOTS; i++) {
    pid_t child = (pid_t)guarded[i];
    if (child > 0) kill(child, SIGTERM);
  }
  // The disposition from before, then the same signal again: vernetzt ends as it would have.
  for (int i = 0; i < 3; i++) {
    if (signals[i] == signal_number) sigaction(signal_number, &previous[i], NULL);
  }
  raise(signal_number);
}

void vernetzt_guard_child(pid_t child) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i < SLOTS; i++) {
    if (guarded[i] == 0) {
      guarded[i] = child;
      break;
    }
  }
  if (guarded_count++ == 0) {
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
  pthread_mutex_unlock(&lock);
}

void vernetzt_unguard_child(pid_t child) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i < SLOTS; i++) {
    if (guarded[i] == child) {
      guarded[i] = 0;
      break;
    }
  }
  if (--guarded_count == 0) {
    for (int i = 0; i < 3; i++) sigaction(signals[i], &previous[i], NULL);
  }
  pthread_mutex_unlock(&lock);
}
