#ifndef OCTOPUS_CNCURSES_SHIM_H
#define OCTOPUS_CNCURSES_SHIM_H
// Wide-character ncurses. Must be defined before curses.h.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot import directly, as inline getters.
static inline WINDOW *octopus_stdscr(void) { return stdscr; }
static inline FILE *octopus_stdout(void) { return stdout; }
static inline FILE *octopus_stdin(void) { return stdin; }
static inline int octopus_lines(void) { return LINES; }
static inline int octopus_cols(void) { return COLS; }
static inline int octopus_err(void) { return ERR; }
static inline int octopus_key_resize(void) { return KEY_RESIZE; }
static inline int octopus_key_code_yes(void) { return KEY_CODE_YES; }
static inline attr_t octopus_a_bold(void) { return A_BOLD; }
static inline attr_t octopus_a_reverse(void) { return A_REVERSE; }
static inline attr_t octopus_a_underline(void) { return A_UNDERLINE; }
static inline attr_t octopus_a_dim(void) { return A_DIM; }
static inline attr_t octopus_a_normal(void) { return A_NORMAL; }
static inline int octopus_color_pair(int n) { return COLOR_PAIR(n); }
static inline bool octopus_has_colors(void) { return has_colors(); }
static inline int octopus_colors(void) { return COLORS; }
static inline unsigned long octopus_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline unsigned long octopus_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline unsigned long octopus_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline unsigned long octopus_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }

// Draw one cell: a wide-character string (one grapheme cluster) with attributes.
static inline int octopus_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

// Columns the C library (and so ncurses) gives a character.
static inline int octopus_wcwidth(wchar_t c) { return wcwidth(c); }

// Draw plain characters (a replacement for a cell the C library cannot draw).
static inline int octopus_put_text(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    int r = mvaddwstr(y, x, text);
    attr_set(A_NORMAL, 0, NULL);
    return r;
}
#endif
