#include "CTerminal.h"
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <poll.h>
#include <time.h>

static struct termios saved_termios;
static int saved_fd = -1;

void octopus_terminal_save(int fd) {
    if (tcgetattr(fd, &saved_termios) == 0) saved_fd = fd;
}

void octopus_terminal_restore(void) {
    if (saved_fd < 0) return;
    tcsetattr(saved_fd, TCSANOW, &saved_termios);
    // Leave the alternate screen, show the cursor, reset attributes, disable mouse reporting.
    static const char reset[] = "\033[?1000l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    case SIGTRAP: return "SIGTRAP";
    default: return "a fatal signal";
    }
}

// Async-signal-safe: write(2) of fixed strings only.
static void crash_handler(int sig) {
    octopus_terminal_restore();
    static const char head[] = "octopus: internal error (";
    static const char tail[] = "); the terminal was restored. Please report what you were doing when it happened.\n";
    const char *name = signal_name(sig);
    ssize_t ignored = write(STDERR_FILENO, head, sizeof head - 1);
    ignored = write(STDERR_FILENO, name, strlen(name));
    ignored = write(STDERR_FILENO, tail, sizeof tail - 1);
    (void)ignored;
    signal(sig, SIG_DFL);
    raise(sig);
}

void octopus_install_crash_handlers(void) {
    // These replace the Swift runtime's backtracer, which would otherwise print pages of stack
    // over the screen and wait for a key with the terminal still in raw mode.
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = crash_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &sa, NULL);
    }
}

void octopus_default_quit_signal(void) { signal(SIGQUIT, SIG_DFL); }

static volatile sig_atomic_t pending_signal = 0;

static void quit_handler(int sig) { pending_signal = sig; }

// Every signal whose default action ends the process, apart from the fatal ones above: each
// is turned into a clean shutdown by the event loop.
static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE };

void octopus_watch_quit_signals(void) {
    // A parent may have blocked these (some launchers and test runners do); ncurses needs
    // SIGWINCH and SIGTSTP/SIGCONT, and we need the quit signals, so unblock them.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) sigaddset(&wanted, quit_signals[i]);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = quit_handler;
        sigemptyset(&sa.sa_mask);
        sigaction(quit_signals[i], &sa, NULL);
    }
}

int octopus_pending_signal(void) { return pending_signal; }

void octopus_clear_pending_signal(int sig) {
    if (pending_signal == sig) pending_signal = 0;
}

void octopus_stop_self(void) {
    // SIGSTOP cannot be caught, so neither ncurses' handler nor ours runs; the shell sees a
    // stopped job, and `fg` continues right after this call.
    kill(getpid(), SIGSTOP);
}

// Asks the terminal on `fd` for its background colour (OSC 11), then for its attributes (DA1,
// which every terminal answers), and collects what comes back for up to `timeout_ms`: a terminal
// that does not know OSC 11 answers DA1 alone, so the wait ends at once rather than at the
// timeout. The terminal is in raw mode only for the exchange. Returns the bytes read (NUL-ended),
// or -1 when `fd` is not a terminal.
int octopus_query_background(int fd, char *out, int size, int timeout_ms) {
    if (size < 1 || !isatty(fd)) return -1;
    struct termios saved, raw;
    if (tcgetattr(fd, &saved) != 0) return -1;
    raw = saved;
    cfmakeraw(&raw);
    if (tcsetattr(fd, TCSANOW, &raw) != 0) return -1;
    static const char ask[] = "\033]11;?\033\\\033[c";
    int n = 0;
    if (write(fd, ask, sizeof ask - 1) == (ssize_t)(sizeof ask - 1)) {
        struct timespec start, now;
        clock_gettime(CLOCK_MONOTONIC, &start);
        for (;;) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            long elapsed = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
            if (elapsed >= timeout_ms || n >= size - 1) break;
            struct pollfd p = {fd, POLLIN, 0};
            if (poll(&p, 1, (int)(timeout_ms - elapsed)) <= 0) break;
            ssize_t got = read(fd, out + n, (size_t)(size - 1 - n));
            if (got <= 0) break;
            n += (int)got;
            out[n] = 0;
            // The DA1 answer, ESC [ ? … c, comes last: everything is in.
            char *da = strstr(out, "\033[?");
            if (da && strchr(da, 'c')) break;
        }
    }
    out[n] = 0;
    tcsetattr(fd, TCSANOW, &saved);
    return n;
}
