#ifndef OCTOPUS_CTERMINAL_H
#define OCTOPUS_CTERMINAL_H
// Saves the terminal state before curses starts and installs handlers for fatal signals
// (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) that restore it, then re-raise the
// signal so the crash is still reported. Needs C storage and async-signal-safe code only.
void octopus_terminal_save(int fd);
void octopus_terminal_restore(void);
void octopus_install_crash_handlers(void);
// The runtime's backtracer also takes SIGQUIT; this gives it back its ordinary meaning.
void octopus_default_quit_signal(void);
#endif

#ifndef OCTOPUS_CTERMINAL_SIGNALS
#define OCTOPUS_CTERMINAL_SIGNALS
// SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE only record which
// signal arrived; the event loop polls it and shuts down cleanly (save, endwin) on the main thread.
void octopus_watch_quit_signals(void);
int octopus_pending_signal(void);
#endif

#ifndef OCTOPUS_CTERMINAL_CLEAR
#define OCTOPUS_CTERMINAL_CLEAR
// Forgets a SIGINT that arrived while a child program (the user's editor) had the terminal.
void octopus_clear_pending_signal(int sig);
// Stops the process as Ctrl-Z does in a shell (the caller has given the terminal back first).
void octopus_stop_self(void);
// Asks the terminal for its background colour (OSC 11, then DA1 so that one that does not know
// OSC 11 ends the wait at once); writes the reply bytes to `out`. -1 when `fd` is not a terminal.
int octopus_query_background(int fd, char *out, int size, int timeout_ms);
#endif
