#include "CTerminal.h"
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

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

static void crash_handler(int sig) {
    octopus_terminal_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

void octopus_install_crash_handlers(void) {
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

static volatile sig_atomic_t pending_signal = 0;

static void quit_handler(int sig) { pending_signal = sig; }

void octopus_watch_quit_signals(void) {
    // A parent may have blocked these (some launchers and test runners do); ncurses needs
    // SIGWINCH and we need the quit signals, so unblock them.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    int signals[] = { SIGINT, SIGTERM, SIGHUP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = quit_handler;
        sigemptyset(&sa.sa_mask);
        sigaction(signals[i], &sa, NULL);
    }
}

int octopus_pending_signal(void) { return pending_signal; }

void octopus_clear_pending_signal(int sig) {
    if (pending_signal == sig) pending_signal = 0;
}
