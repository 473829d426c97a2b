// lex.c - the scanner: Go source text to tokens, one token per call.
//
// The scanner walks the NUL-terminated source with a single pointer. Tokens
// are views into the source (text, len), so scanning allocates nothing; only
// error messages go to the arena. The hot paths (white space, identifiers,
// decimal numbers, ASCII string bodies) look at raw bytes; anything that is
// not plain ASCII takes a slow path that decodes UTF-8.
//
// Like gc's source reader, the scanner treats three things as if they were not
// in the text at all, after reporting them: a NUL byte, a byte that does not
// begin valid UTF-8, and a byte order mark anywhere but at the very start.
// They can occur anywhere (inside identifiers, strings, comments), so every
// loop that may meet a NUL or a byte >= 0x80 goes through drop_invisible.
//
// Semicolons are inserted as the spec says: a newline or the end of the file
// becomes a ';' token (with text "newline" or "EOF", which is how gc's syntax
// errors name it) when the previous token can end a statement. A general
// comment spanning lines counts as a newline.
//
// Positions are gc's: 1-based line, 1-based byte column (a tab is one column,
// a leading BOM counts its three bytes). Error texts are gc's scanner's.
//
// Line comments starting with "go:" are compiler directives; the ones minigc
// knows set PRAGMA_* bits that the parser takes for the next declaration.
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>

// ---------------------------------------------------------------------------
// Characters

enum { RUNE_ERROR = 0xFFFD, RUNE_BOM = 0xFEFF, RUNE_MAX = 0x10FFFF };

static bool is_ascii_letter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_decimal(int c) { return c >= '0' && c <= '9'; }

// Whether byte c continues an ASCII identifier (letter, digit, '_'): one
// bit test, for the loop that runs over every byte of every name.
static bool is_ascii_ident(unsigned char c) {
    static const uint64_t bits[4] = {0x03FF000000000000u, 0x07FFFFFE87FFFFFEu, 0, 0};
    return (bits[c >> 6] >> (c & 63)) & 1;
}

static bool is_hex(int c) {
    return is_decimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int lower(int c) { return c | ('a' - 'A'); }

// Decodes one UTF-8 sequence at s (s < end). Returns the code point and sets
// *width; an invalid sequence gives RUNE_ERROR with width 1, as Go does.
static int32_t decode_utf8(const unsigned char *s, const unsigned char *end, int *width) {
    unsigned c = s[0];
    *width = 1;
    if (c < 0x80)
        return (int32_t)c;
    int n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return RUNE_ERROR;
    }
    if (end - s < n)
        return RUNE_ERROR;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return RUNE_ERROR;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > RUNE_MAX || (cp >= 0xD800 && cp <= 0xDFFF))
        return RUNE_ERROR;
    *width = n;
    return (int32_t)cp;
}

typedef struct RuneRange {
    int32_t lo, hi;
} RuneRange;

// go_letters (Unicode category L) and go_digits (Nd), exactly as Go 1.19's
// unicode.IsLetter and unicode.IsDigit decide, generated at build time from
// Go 1.19's own tables by tools/unicode_tables.py.
#include "unicode_tables.h"

static bool in_ranges(int32_t c, const RuneRange *r, size_t n) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static bool is_unicode_digit(int32_t c) { return in_ranges(c, go_digits, sizeof go_digits / sizeof go_digits[0]); }

static bool is_unicode_letter(int32_t c) {
    return in_ranges(c, go_letters, sizeof go_letters / sizeof go_letters[0]);
}

// strconv.IsPrint, which decides how %#U and %q show a rune (Go 1.19's tables).
static bool is_printable(int32_t c) {
    return in_ranges(c, go_printable, sizeof go_printable / sizeof go_printable[0]);
}

static int encode_utf8(char *buf, uint32_t c) {
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (char)(0xC0 | c >> 6);
        buf[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c >= 0xD800 && c <= 0xDFFF)
        c = RUNE_ERROR;
    if (c < 0x10000) {
        buf[0] = (char)(0xE0 | c >> 12);
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    if (c > RUNE_MAX)
        return encode_utf8(buf, RUNE_ERROR);
    buf[0] = (char)(0xF0 | c >> 18);
    buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

// Go's %#U: "U+0040 '@'", or just "U+0000" when not printable.
static const char *rune_U(char *buf, size_t size, int32_t c) {
    int n = snprintf(buf, size, "U+%04X", (unsigned)c);
    if (is_printable(c) && n > 0 && (size_t)n + 8 < size) {
        buf[n++] = ' ';
        buf[n++] = '\'';
        n += encode_utf8(buf + n, (uint32_t)c);
        buf[n++] = '\'';
        buf[n] = 0;
    }
    return buf;
}

// Go's %q of a rune: 'x', '\n', '\x01', '\u00a0'.
static const char *rune_q(char *buf, size_t size, int32_t c) {
    static const char simple[] = "\a\b\f\n\r\t\v";
    static const char letters[] = "abfnrtv";
    const char *e = c > 0 && c < 0x80 ? strchr(simple, c) : NULL;
    if (c == '\'' || c == '\\')
        snprintf(buf, size, "'\\%c'", (char)c);
    else if (e)
        snprintf(buf, size, "'\\%c'", letters[e - simple]);
    else if (c < 0x80 && !is_printable(c))
        snprintf(buf, size, "'\\x%02x'", (unsigned)c);
    else if (c > RUNE_MAX || (c >= 0xD800 && c <= 0xDFFF))
        snprintf(buf, size, "'\\ufffd'");
    else if (!is_printable(c))
        snprintf(buf, size, c < 0x10000 ? "'\\u%04x'" : "'\\U%08x'", (unsigned)c);
    else {
        int n = 0;
        buf[n++] = '\'';
        n += encode_utf8(buf + n, (uint32_t)c);
        buf[n++] = '\'';
        buf[n] = 0;
    }
    return buf;
}

// ---------------------------------------------------------------------------
// Positions and errors

static Pos pos_at(const Lexer *lx, const char *p) {
    return (Pos){lx->file_index, lx->line, (uint32_t)(p - lx->line_start) + 1};
}

void lex_error(Lexer *lx, Pos pos, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (lx->last_error && lx->last_error_pos.line == pos.line &&
        lx->last_error_pos.file == pos.file && strcmp(lx->last_error, buf) == 0)
        return;
    lx->last_error = arena_strndup(&lx->cc->arena, buf, strlen(buf));
    lx->last_error_pos = pos;
    diag_error(lx->cc, pos, "%s", buf);
}

static void newline_at(Lexer *lx, const char *p) {
    lx->line++;
    lx->line_start = p + 1;
}

// Steps over what the source reader drops at p: NUL bytes, bytes that are
// not valid UTF-8, and BOMs after the start, each reported. Returns the new
// position; *rune and *width describe the character there (rune -1 at end).
static const char *drop_invisible(Lexer *lx, const char *p, int32_t *rune, int *width) {
    for (;;) {
        if (p >= lx->end) {
            *rune = -1;
            *width = 0;
            return p;
        }
        unsigned char c = (unsigned char)*p;
        if (c == 0) {
            lex_error(lx, pos_at(lx, p), "invalid NUL character");
            p++;
            continue;
        }
        if (c < 0x80) {
            *rune = c;
            *width = 1;
            return p;
        }
        int w;
        int32_t r = decode_utf8((const unsigned char *)p, (const unsigned char *)lx->end, &w);
        if (r == RUNE_ERROR && w == 1) {
            lex_error(lx, pos_at(lx, p), "invalid UTF-8 encoding");
            p++;
            continue;
        }
        if (r == RUNE_BOM) {
            if (p != lx->src)
                lex_error(lx, pos_at(lx, p), "invalid BOM in the middle of the file");
            p += w;
            continue;
        }
        *rune = r;
        *width = w;
        return p;
    }
}

// The character at p, or -1 at the end; non-ASCII and NUL take the slow path.
static int32_t char_at(Lexer *lx, const char **pp, int *width) {
    unsigned char c = (unsigned char)**pp;
    if (c != 0 && c < 0x80) {
        *width = 1;
        return c;
    }
    int32_t r;
    *pp = drop_invisible(lx, *pp, &r, width);
    return r;
}

// ---------------------------------------------------------------------------
// Keywords

// One switch on the first letter, then at most three comparisons: a big
// file has a keyword or identifier every few bytes.
static TokKind keyword(const char *s, uint32_t n) {
    if (n < 2 || n > 11)
        return T_IDENT;
#define KW(word, kind) \
    if (n == sizeof(word) - 1 && memcmp(s, word, n) == 0) \
        return kind;
    switch (s[0]) {
    case 'b': KW("break", T_BREAK) break;
    case 'c': KW("case", T_CASE) KW("chan", T_CHAN) KW("const", T_CONST) KW("continue", T_CONTINUE) break;
    case 'd': KW("default", T_DEFAULT) KW("defer", T_DEFER) break;
    case 'e': KW("else", T_ELSE) break;
    case 'f': KW("func", T_FUNC) KW("for", T_FOR) KW("fallthrough", T_FALLTHROUGH) break;
    case 'g': KW("go", T_GO) KW("goto", T_GOTO) break;
    case 'i': KW("if", T_IF) KW("import", T_IMPORT) KW("interface", T_INTERFACE) break;
    case 'm': KW("map", T_MAP) break;
    case 'p': KW("package", T_PACKAGE) break;
    case 'r': KW("return", T_RETURN) KW("range", T_RANGE) break;
    case 's': KW("struct", T_STRUCT) KW("switch", T_SWITCH) KW("select", T_SELECT) break;
    case 't': KW("type", T_TYPE) break;
    case 'v': KW("var", T_VAR) break;
    default: break;
    }
#undef KW
    return T_IDENT;
}

// Tokens after which a newline ends the statement.
static const bool ends_statement_tab[T_COUNT] = {
    [T_IDENT] = true, [T_INT] = true, [T_FLOAT] = true, [T_IMAG] = true, [T_CHAR] = true,
    [T_STRING] = true, [T_RPAREN] = true, [T_RBRACK] = true, [T_RBRACE] = true,
    [T_BREAK] = true, [T_CONTINUE] = true, [T_FALLTHROUGH] = true, [T_RETURN] = true,
    [T_INC] = true, [T_DEC] = true,
};

static bool ends_statement(TokKind k) { return (unsigned)k < T_COUNT && ends_statement_tab[k]; }

// ---------------------------------------------------------------------------
// Identifiers

// Checks a non-ASCII character met in an identifier (at its start if first).
static void check_ident_char(Lexer *lx, const char *p, int32_t r, bool first) {
    char buf[32];
    if (is_unicode_letter(r))
        return;
    if (is_unicode_digit(r)) {
        if (first)
            lex_error(lx, pos_at(lx, p), "identifier cannot begin with digit %s", rune_U(buf, sizeof buf, r));
        return;
    }
    lex_error(lx, pos_at(lx, p), "invalid character %s in identifier", rune_U(buf, sizeof buf, r));
}

// identifier = letter { letter | unicode_digit } .
// Any non-ASCII character continues an identifier (reported if it is not a
// letter or digit), as in gc.
static const char *scan_ident(Lexer *lx, const char *p) {
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (is_ascii_ident(c)) {
            p++;
            continue;
        }
        if (c < 0x80 && (c != 0 || p >= lx->end))
            return p;
        int32_t r;
        int w;
        p = drop_invisible(lx, p, &r, &w);
        if (r < 0x80)
            continue;   // dropped something; look again at what follows
        check_ident_char(lx, p, r, false);
        p += w;
    }
}

// ---------------------------------------------------------------------------
// Numbers

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

// { digit | "_" } in the given base. For bases up to 10 any decimal digit is
// taken, and the offset (from start) of the first one too large for the base
// is recorded in *invalid. Returns bit 0: saw a digit, bit 1: saw a '_'.
static int scan_digits(const char **pp, int base, const char *start, int *invalid) {
    const char *p = *pp;
    int digsep = 0;
    if (base <= 10) {
        for (; is_decimal(*p) || *p == '_'; p++) {
            if (*p == '_') {
                digsep |= 2;
                continue;
            }
            digsep |= 1;
            if (*p >= '0' + base && invalid && *invalid < 0)
                *invalid = (int)(p - start);
        }
    } else {
        for (; is_hex(*p) || *p == '_'; p++)
            digsep |= *p == '_' ? 2 : 1;
    }
    *pp = p;
    return digsep;
}

// The offset of the first '_' in a number literal that does not separate two
// digits (the base prefix counts as a digit), or -1.
static int bad_separator(const char *s, size_t n) {
    bool hex = false;
    char prev = '.';   // '0' after a digit, '_' after a separator, '.' otherwise
    size_t i = 0;
    if (n >= 2 && s[0] == '0') {
        int x = lower(s[1]);
        if (x == 'x' || x == 'o' || x == 'b') {
            hex = x == 'x';
            prev = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_') {
            if (prev != '0')
                return (int)i;
            prev = '_';
        } else if (is_decimal(c) || (hex && is_hex(c))) {
            prev = '0';
        } else {
            if (prev == '_')
                return (int)i - 1;
            prev = '.';
        }
    }
    return prev == '_' ? (int)n - 1 : -1;
}

// int_lit, float_lit, imaginary_lit; `start` is the first character, which
// is a digit, or a '.' already known to be followed by a digit.
static void scan_number(Lexer *lx, Token *t, const char *start) {
    const char *p = start;
    bool ok = true, seen_point = false;
    TokKind kind = T_INT;
    int base = 10, prefix = 0, digsep = 0, invalid = -1;

    if (*p == '.') {
        p++;
        seen_point = true;
    } else {
        if (*p == '0') {
            p++;
            switch (lower(*p)) {
            case 'x': p++, base = 16, prefix = 'x'; break;
            case 'o': p++, base = 8, prefix = 'o'; break;
            case 'b': p++, base = 2, prefix = 'b'; break;
            default: base = 8, prefix = '0', digsep = 1; break;
            }
        }
        digsep |= scan_digits(&p, base, start, &invalid);
        if (*p == '.') {
            if (prefix == 'o' || prefix == 'b') {
                lex_error(lx, pos_at(lx, p), "invalid radix point in %s literal", base_name(base));
                ok = false;
            }
            p++;
            seen_point = true;
        }
    }
    if (seen_point) {
        kind = T_FLOAT;
        digsep |= scan_digits(&p, base, start, &invalid);
    }
    if (!(digsep & 1) && ok) {
        lex_error(lx, pos_at(lx, p), "%s literal has no digits", base_name(base));
        ok = false;
    }

    int e = lower(*p);
    if (e == 'e' || e == 'p') {
        if (ok && e == 'e' && prefix != 0 && prefix != '0') {
            lex_error(lx, pos_at(lx, p), "'%c' exponent requires decimal mantissa", *p);
            ok = false;
        } else if (ok && e == 'p' && prefix != 'x') {
            lex_error(lx, pos_at(lx, p), "'%c' exponent requires hexadecimal mantissa", *p);
            ok = false;
        }
        p++;
        kind = T_FLOAT;
        if (*p == '+' || *p == '-')
            p++;
        digsep = scan_digits(&p, 10, start, NULL) | (digsep & 2);
        if (!(digsep & 1) && ok) {
            lex_error(lx, pos_at(lx, p), "exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == T_FLOAT && ok) {
        lex_error(lx, pos_at(lx, p), "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }
    if (*p == 'i') {
        kind = T_IMAG;
        p++;
    }

    t->kind = kind;
    t->len = (uint32_t)(p - start);
    if (kind == T_INT && invalid >= 0 && ok) {
        char buf[16];
        Pos at = t->pos;
        at.col += (uint32_t)invalid;
        lex_error(lx, at, "invalid digit %s in %s literal", rune_q(buf, sizeof buf, start[invalid]), base_name(base));
        ok = false;
    }
    if ((digsep & 2) && ok) {
        int i = bad_separator(start, t->len);
        if (i >= 0) {
            Pos at = t->pos;
            at.col += (uint32_t)i;
            lex_error(lx, at, "'_' must separate successive digits");
            ok = false;
        }
    }
    t->bad = !ok;
    lx->cur = p;
}

// ---------------------------------------------------------------------------
// Rune and string literals

// After a backslash at *pp (pointing just past it): checks one escape of a
// literal quoted with `quote`. At the end of the source it returns true and
// leaves the complaint to the caller, as gc does.
static bool scan_escape(Lexer *lx, const char **pp, char quote) {
    const char *p = *pp;
    int w;
    int32_t c = char_at(lx, &p, &w);
    int n;
    uint32_t base, max;
    switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        *pp = p + 1;
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x':
        p++, n = 2, base = 16, max = 255;
        break;
    case 'u':
        p++, n = 4, base = 16, max = RUNE_MAX;
        break;
    case 'U':
        p++, n = 8, base = 16, max = RUNE_MAX;
        break;
    default:
        *pp = p;
        if (c == quote) {
            *pp = p + 1;
            return true;
        }
        if (c < 0)
            return true;
        lex_error(lx, pos_at(lx, p), "unknown escape");
        return false;
    }
    uint32_t x = 0;
    for (; n > 0; n--) {
        c = char_at(lx, &p, &w);
        if (c < 0) {
            *pp = p;
            return true;
        }
        uint32_t d = base;
        if (is_decimal(c))
            d = (uint32_t)(c - '0');
        else if (c < 0x80 && lower(c) >= 'a' && lower(c) <= 'f')
            d = (uint32_t)(lower(c) - 'a' + 10);
        if (d >= base) {
            char buf[16];
            lex_error(lx, pos_at(lx, p), "invalid character %s in %s escape", rune_q(buf, sizeof buf, c),
                      base_name((int)base));
            *pp = p;
            return false;
        }
        x = x * base + d;
        p++;
    }
    *pp = p;
    if (x > max && base == 8) {
        lex_error(lx, pos_at(lx, p), "octal escape value %u > 255", x);
        return false;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        char buf[32];
        lex_error(lx, pos_at(lx, p), "escape is invalid Unicode code point %s", rune_U(buf, sizeof buf, (int32_t)x));
        return false;
    }
    return true;
}

// rune_lit = "'" ( unicode_value | byte_value ) "'" .
static void scan_rune(Lexer *lx, Token *t, const char *start) {
    const char *p = start + 1;
    bool ok = true;
    for (int n = 0;; n++) {
        int w;
        int32_t c = char_at(lx, &p, &w);
        if (c == '\'') {
            if (ok && n == 0) {
                lex_error(lx, pos_at(lx, p), "empty rune literal or unescaped '");
                ok = false;
            } else if (ok && n != 1) {
                lex_error(lx, t->pos, "more than one character in rune literal");
                ok = false;
            }
            p++;
            break;
        }
        if (c == '\\') {
            p++;
            if (!scan_escape(lx, &p, '\''))
                ok = false;
            continue;
        }
        if (c == '\n') {
            if (ok) {
                lex_error(lx, pos_at(lx, p), "newline in rune literal");
                ok = false;
            }
            break;
        }
        if (c < 0) {
            if (ok) {
                lex_error(lx, t->pos, "rune literal not terminated");
                ok = false;
            }
            break;
        }
        p += w;
    }
    t->kind = T_CHAR;
    t->len = (uint32_t)(p - start);
    t->bad = !ok;
    lx->cur = p;
}

// interpreted_string_lit = `"` { unicode_value | byte_value } `"` .
static void scan_string(Lexer *lx, Token *t, const char *start) {
    const char *p = start + 1;
    bool ok = true;
    for (;;) {
        unsigned char b = (unsigned char)*p;
        if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
            p++;
            continue;
        }
        int w;
        int32_t c = char_at(lx, &p, &w);
        if (c == '"') {
            p++;
            break;
        }
        if (c == '\\') {
            p++;
            if (!scan_escape(lx, &p, '"'))
                ok = false;
            continue;
        }
        if (c == '\n') {
            lex_error(lx, pos_at(lx, p), "newline in string");
            ok = false;
            break;
        }
        if (c < 0) {
            lex_error(lx, t->pos, "string not terminated");
            ok = false;
            break;
        }
        p += w;
    }
    t->kind = T_STRING;
    t->len = (uint32_t)(p - start);
    t->bad = !ok;
    lx->cur = p;
}

// raw_string_lit = "`" { unicode_char | newline } "`" .
static void scan_raw_string(Lexer *lx, Token *t, const char *start) {
    const char *p = start + 1;
    bool ok = true;
    for (;;) {
        unsigned char b = (unsigned char)*p;
        if (b == '`') {
            p++;
            break;
        }
        if (b == '\n') {
            newline_at(lx, p);
            p++;
            continue;
        }
        if (b != 0 && b < 0x80) {
            p++;
            continue;
        }
        int w;
        int32_t c = char_at(lx, &p, &w);
        if (c < 0) {
            lex_error(lx, t->pos, "string not terminated");
            ok = false;
            break;
        }
        if (c < 0x80)
            continue;   // something was dropped; look again
        p += w;
    }
    t->kind = T_STRING;
    t->len = (uint32_t)(p - start);
    t->bad = !ok;
    lx->cur = p;
}

// ---------------------------------------------------------------------------
// Comments and directives

// Whether only blanks precede p on its line: a directive must stand alone.
static bool alone_on_line(const Lexer *lx, const char *p) {
    for (const char *q = lx->line_start; q < p; q++)
        if (*q != ' ' && *q != '\t' && *q != '\r')
            return false;
    return true;
}

static void add_pragma(Lexer *lx, unsigned bits, Pos pos) {
    if (!(lx->pragmas & ~(unsigned)PRAGMA_LINKNAME) && bits != PRAGMA_LINKNAME)
        lx->pragma_pos = pos;
    lx->pragmas |= bits;
    int n = lx->npragma_sites;
    if (n < (int)(sizeof lx->pragma_sites / sizeof lx->pragma_sites[0])) {
        lx->pragma_sites[n].pos = pos;
        lx->pragma_sites[n].bits = bits;
        lx->npragma_sites = n + 1;
    }
}

// //go:linkname localname [importpath.name]
static void linkname_directive(Lexer *lx, const char *text, size_t len, Pos pos) {
    const char *field[4];
    size_t flen[4];
    int nf = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
            i++;
        if (i == len)
            break;
        size_t j = i;
        while (j < len && text[j] != ' ' && text[j] != '\t' && text[j] != '\r')
            j++;
        if (nf < 4) {
            field[nf] = text + i;
            flen[nf] = j - i;
        }
        nf++;
        i = j;
    }
    if (nf < 2 || nf > 3) {
        lex_error(lx, pos, "usage: //go:linkname localname [linkname]");
        return;
    }
    int target = nf == 3 ? 2 : 1;
    lx->linkname = arena_strndup(&lx->cc->arena, field[target], flen[target]);
    add_pragma(lx, PRAGMA_LINKNAME, pos);
}

// The directives gc knows, with the flags each sets (some imply others).
static const struct {
    const char *verb;
    unsigned bits;
    bool runtime_only;
} known_directives[] = {
    {"go:build", PRAGMA_BUILD, false},
    {"go:noescape", PRAGMA_NOESCAPE, false},
    {"go:norace", PRAGMA_NORACE, false},
    {"go:nosplit", PRAGMA_NOSPLIT | PRAGMA_NOCHECKPTR, false},
    {"go:noinline", PRAGMA_NOINLINE, false},
    {"go:nocheckptr", PRAGMA_NOCHECKPTR, false},
    {"go:systemstack", PRAGMA_SYSTEMSTACK, true},
    {"go:nowritebarrier", PRAGMA_NOWRITEBARRIER, true},
    {"go:nowritebarrierrec", PRAGMA_NOWRITEBARRIERREC | PRAGMA_NOWRITEBARRIER, true},
    {"go:yeswritebarrierrec", PRAGMA_YESWRITEBARRIERREC, true},
    {"go:cgo_unsafe_args", PRAGMA_CGO_UNSAFE_ARGS | PRAGMA_NOCHECKPTR, false},
    {"go:uintptrkeepalive", PRAGMA_UINTPTRKEEPALIVE, false},
    {"go:uintptrescapes", PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE, false},
    {"go:registerparams", PRAGMA_REGISTERPARAMS, false},
    {"go:notinheap", PRAGMA_NOTINHEAP, false},
};

// A //go: line comment; text is what follows "//", without the newline.
static void directive(Lexer *lx, const char *comment, const char *text, size_t len) {
    Pos pos = pos_at(lx, text);
    if (!alone_on_line(lx, comment)) {
        lex_error(lx, pos, "misplaced compiler directive");
        return;
    }
    if (len >= 12 && memcmp(text, "go:linkname ", 12) == 0) {
        linkname_directive(lx, text, len, pos);
        return;
    }
    if (len >= 8 && memcmp(text, "go:embed", 8) == 0 && (len == 8 || text[8] == ' '))
        return;   // only with import "embed", which minigc has no model of
    size_t textlen = len;
    while (textlen > 0 && text[textlen - 1] == '\r')
        textlen--;
    if (len > 7 && memcmp(text, "go:cgo_", 7) == 0 && !lx->file->std_rules)
        lex_error(lx, pos, "//%.*s only allowed in cgo-generated code", (int)textlen, text);
    size_t vlen = 0;
    while (vlen < len && text[vlen] != ' ' && text[vlen] != '\t' && text[vlen] != '\r')
        vlen++;
    bool known = false;
    for (size_t i = 0; i < sizeof known_directives / sizeof known_directives[0]; i++) {
        const char *verb = known_directives[i].verb;
        if (strlen(verb) != vlen || memcmp(verb, text, vlen) != 0)
            continue;
        known = true;
        if (known_directives[i].runtime_only && !lx->file->runtime_rules)
            lex_error(lx, pos, "//%s only allowed in runtime", verb);
        if (known_directives[i].bits == PRAGMA_UINTPTRKEEPALIVE && !lx->file->std_rules)
            lex_error(lx, pos, "//%s is only allowed in the standard library", verb);
        add_pragma(lx, known_directives[i].bits, pos);
    }
    // Under -std, gc refuses directives it does not know, but for the cgo
    // ones (checked above) and go:generate.
    if (!known && lx->file->std_rules && !(len > 7 && memcmp(text, "go:cgo_", 7) == 0) &&
        !(vlen == 11 && memcmp(text, "go:generate", 11) == 0))
        lex_error(lx, pos, "//%.*s is not allowed in the standard library", (int)vlen, text);
}

// The digits after the last ':' of s[0:len], as gc's trailingDigits: *i is
// the index after that colon (0 if none), false if they are not a number.
static bool trailing_digits(const char *s, size_t len, size_t *i, uint64_t *n) {
    *i = 0;
    *n = 0;
    size_t k = len;
    while (k > 0 && s[k - 1] != ':')
        k--;
    if (k == 0)
        return false;
    *i = k;
    if (k == len)
        return false;
    for (size_t j = k; j < len; j++) {
        if (s[j] < '0' || s[j] > '9' || *n > (1u << 30))
            return false;
        *n = *n * 10 + (uint64_t)(s[j] - '0');
    }
    return true;
}

// A line directive's text after "line " (up to the end of the comment);
// `at` is where the new base begins: the next line for //line, the byte
// after the comment for /*line*/.
static void line_directive(Lexer *lx, const char *text, size_t len, Pos dpos, Pos at) {
    size_t i, i2;
    uint64_t n, n2;
    bool ok = trailing_digits(text, len, &i, &n);
    if (i == 0)
        return;     // no colon: not a line directive
    if (!ok) {
        lex_error(lx, dpos, "invalid line number: %.*s", (int)(len - i), text + i);
        return;
    }
    uint64_t line = n, col = 0;
    const char *digits = text + i;
    size_t ndigits = len - i;
    bool ok2 = trailing_digits(text, i - 1, &i2, &n2);
    if (ok2) {
        digits = text + i2;
        ndigits = i - 1 - i2;
        line = n2;
        col = n;
        if (col == 0 || col > (1u << 30)) {
            lex_error(lx, dpos, "invalid column number: %.*s", (int)(len - i), text + i);
            return;
        }
        i = i2;
    }
    if (line == 0 || line > (1u << 30)) {
        lex_error(lx, dpos, "invalid line number: %.*s", (int)ndigits, digits);
        return;
    }
    Compiler *cc = lx->cc;
    const char *filename = arena_strndup(&cc->arena, text, i - 1);
    if (!*filename && ok2) {
        // No file name but a column: the current name stays.
        filename = lx->file->path;
        for (int k = cc->line_bases.len - 1; k >= 0; k--) {
            const LineBase *b = cc->line_bases.items[k];
            if (b->file == lx->file->index) {
                filename = b->filename;
                break;
            }
        }
    }
    LineBase *b = ARENA_NEW(&cc->arena, LineBase);
    *b = (LineBase){at.file, at.line, at.col, filename, (uint32_t)line, (uint32_t)col};
    ptrvec_push(&cc->arena, &cc->line_bases, b);
}

// A line comment from p (at "//") to the end of the line, which it leaves
// for the semicolon logic.
static const char *skip_line_comment(Lexer *lx, const char *p) {
    const char *comment = p;
    p += 2;
    const char *text = p;
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n')
            break;
        if (c != 0 && c < 0x80) {
            p++;
            continue;
        }
        int w;
        int32_t r = char_at(lx, &p, &w);
        if (r < 0 || r == '\n')
            break;
        if (r >= 0x80)
            p += w;
    }
    size_t len = (size_t)(p - text);
    if (len >= 3 && memcmp(text, "go:", 3) == 0)
        directive(lx, comment, text, len);
    // //line only at the start of a line; it renames the next line on.
    if (len > 5 && memcmp(text, "line ", 5) == 0 && comment == lx->line_start) {
        size_t l = len;
        while (l > 5 && text[l - 1] == '\r')
            l--;
        Pos dpos = pos_at(lx, comment);
        line_directive(lx, text + 5, l - 5, dpos, (Pos){lx->file->index, lx->line + 1, 1});
    }
    return p;
}

// A general comment from p (at "/*"). Sets *multiline if it spans lines.
static const char *skip_general_comment(Lexer *lx, const char *p, bool *multiline) {
    Pos start = pos_at(lx, p);
    const char *text = p + 2;
    p += 2;
    bool one_line = true;
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (c == '*' && p[1] == '/') {
            // /*line name:line:col*/ renames from the byte after it on.
            if (one_line && p - text > 5 && memcmp(text, "line ", 5) == 0)
                line_directive(lx, text + 5, (size_t)(p - text - 5), start, pos_at(lx, p + 2));
            return p + 2;
        }
        if (c == '\n')
            one_line = false;
        if (c == '\n') {
            newline_at(lx, p);
            *multiline = true;
            p++;
            continue;
        }
        if (c != 0 && c < 0x80) {
            p++;
            continue;
        }
        int w;
        int32_t r = char_at(lx, &p, &w);
        if (r < 0) {
            lex_error(lx, start, "comment not terminated");
            return p;
        }
        if (r >= 0x80)
            p += w;
    }
}

// ---------------------------------------------------------------------------
// Tokens

void lex_init(Lexer *lx, Compiler *cc, const SourceFile *file) {
    memset(lx, 0, sizeof *lx);
    lx->cc = cc;
    lx->file = file;
    lx->file_index = file->index;
    lx->src = file->text;
    lx->end = file->text + file->len;
    lx->cur = lx->src;
    lx->line_start = lx->src;
    lx->line = 1;
    lx->last = T_SEMICOLON;
    // A leading BOM is skipped, but its bytes still count in columns.
    if (file->len >= 3 && memcmp(lx->src, "\xEF\xBB\xBF", 3) == 0)
        lx->cur += 3;
}

unsigned lex_take_pragmas(Lexer *lx) {
    unsigned bits = lx->pragmas;
    lx->pragmas = 0;
    lx->npragma_sites = 0;
    return bits;
}

static Token semicolon(Lexer *lx, const char *at, const char *word, uint32_t len) {
    Token t = {T_SEMICOLON, pos_at(lx, at), word, len, false};
    return t;
}

// One of op or op= (e.g. + and +=), chosen by whether '=' follows.
static TokKind op_or_assign(const char **pp, TokKind op, TokKind assign) {
    if (**pp == '=') {
        (*pp)++;
        return assign;
    }
    return op;
}

// Operators and delimiters; returns T_ILLEGAL for a character that starts
// no token. Advances *pp past the token.
static TokKind scan_operator(const char **pp) {
    const char *p = *pp;
    TokKind k;
    switch (*p++) {
    case '(': k = T_LPAREN; break;
    case ')': k = T_RPAREN; break;
    case '[': k = T_LBRACK; break;
    case ']': k = T_RBRACK; break;
    case '{': k = T_LBRACE; break;
    case '}': k = T_RBRACE; break;
    case ',': k = T_COMMA; break;
    case ';': k = T_SEMICOLON; break;
    case '~': k = T_TILDE; break;
    case ':': k = op_or_assign(&p, T_COLON, T_DEFINE); break;
    case '=': k = op_or_assign(&p, T_ASSIGN, T_EQL); break;
    case '!': k = op_or_assign(&p, T_NOT, T_NEQ); break;
    case '*': k = op_or_assign(&p, T_MUL, T_MUL_ASSIGN); break;
    case '/': k = op_or_assign(&p, T_QUO, T_QUO_ASSIGN); break;
    case '%': k = op_or_assign(&p, T_REM, T_REM_ASSIGN); break;
    case '^': k = op_or_assign(&p, T_XOR, T_XOR_ASSIGN); break;
    case '.':
        k = T_PERIOD;
        if (p[0] == '.' && p[1] == '.') {
            p += 2;
            k = T_ELLIPSIS;
        }
        break;
    case '+':
        if (*p == '+') {
            p++;
            k = T_INC;
        } else {
            k = op_or_assign(&p, T_ADD, T_ADD_ASSIGN);
        }
        break;
    case '-':
        if (*p == '-') {
            p++;
            k = T_DEC;
        } else {
            k = op_or_assign(&p, T_SUB, T_SUB_ASSIGN);
        }
        break;
    case '&':
        if (*p == '&') {
            p++;
            k = T_LAND;
        } else if (*p == '^') {
            p++;
            k = op_or_assign(&p, T_AND_NOT, T_AND_NOT_ASSIGN);
        } else {
            k = op_or_assign(&p, T_AND, T_AND_ASSIGN);
        }
        break;
    case '|':
        if (*p == '|') {
            p++;
            k = T_LOR;
        } else {
            k = op_or_assign(&p, T_OR, T_OR_ASSIGN);
        }
        break;
    case '<':
        if (*p == '-') {
            p++;
            k = T_ARROW;
        } else if (*p == '<') {
            p++;
            k = op_or_assign(&p, T_SHL, T_SHL_ASSIGN);
        } else {
            k = op_or_assign(&p, T_LSS, T_LEQ);
        }
        break;
    case '>':
        if (*p == '>') {
            p++;
            k = op_or_assign(&p, T_SHR, T_SHR_ASSIGN);
        } else {
            k = op_or_assign(&p, T_GTR, T_GEQ);
        }
        break;
    default:
        return T_ILLEGAL;
    }
    *pp = p;
    return k;
}

// Scans the token at p (not white space, not the end). Returns false if
// there was none after all (a comment, an invalid character): scan again.
static bool scan_token(Lexer *lx, Token *t, const char *p, bool nlsemi) {
    unsigned char c = (unsigned char)*p;
    t->pos = pos_at(lx, p);
    t->text = p;
    t->bad = false;
    if (is_ascii_letter(c)) {
        const char *q = scan_ident(lx, p + 1);
        t->len = (uint32_t)(q - p);
        t->kind = keyword(p, t->len);
        lx->cur = q;
        return true;
    }
    if (is_decimal(c) || (c == '.' && is_decimal(p[1]))) {
        scan_number(lx, t, p);
        return true;
    }
    switch (c) {
    case '"':
        scan_string(lx, t, p);
        return true;
    case '`':
        scan_raw_string(lx, t, p);
        return true;
    case '\'':
        scan_rune(lx, t, p);
        return true;
    case '/':
        if (p[1] == '/') {
            lx->cur = skip_line_comment(lx, p);
            return false;
        }
        if (p[1] == '*') {
            bool multiline = false;
            lx->cur = skip_general_comment(lx, p, &multiline);
            if (multiline && nlsemi) {
                *t = (Token){T_SEMICOLON, t->pos, "newline", 7, false};
                return true;
            }
            return false;
        }
        break;
    case '\n':
        *t = semicolon(lx, p, "newline", 7);
        newline_at(lx, p);
        lx->cur = p + 1;
        return true;
    }
    if (c >= 0x80 || c == 0) {
        int32_t r;
        int w;
        const char *q = drop_invisible(lx, p, &r, &w);
        if (q != p) {
            lx->cur = q;
            return false;
        }
        // Any other non-ASCII character starts an identifier, as in gc.
        check_ident_char(lx, p, r, true);
        q = scan_ident(lx, p + w);
        t->kind = T_IDENT;
        t->len = (uint32_t)(q - p);
        lx->cur = q;
        return true;
    }
    const char *q = p;
    t->kind = scan_operator(&q);
    if (t->kind == T_ILLEGAL) {
        char buf[32];
        lex_error(lx, t->pos, "invalid character %s", rune_U(buf, sizeof buf, c));
        lx->cur = p + 1;
        return false;
    }
    t->len = (uint32_t)(q - p);
    lx->cur = q;
    return true;
}

// The parser's entry: the token is written in place (a Token is 40 bytes,
// and a big file has millions of them).
void lex_scan(Lexer *lx, Token *t) {
    bool nlsemi = ends_statement(lx->last);
    const char *p = lx->cur;
    for (;;) {
        for (;;) {
            char c = *p;
            if (c == ' ' || c == '\t' || c == '\r') {
                p++;
            } else if (c == '\n' && !nlsemi) {
                newline_at(lx, p);
                p++;
            } else {
                break;
            }
        }
        lx->cur = p;
        if (p >= lx->end) {
            if (nlsemi)
                *t = semicolon(lx, p, "EOF", 3);
            else
                *t = (Token){T_EOF, pos_at(lx, p), "EOF", 3, false};
            break;
        }
        if (scan_token(lx, t, p, nlsemi))
            break;
        p = lx->cur;
    }
    lx->last = t->kind;
}

Token lex_next(Lexer *lx) {
    Token t;
    lex_scan(lx, &t);
    return t;
}

// ---------------------------------------------------------------------------
// Literal values

// Decodes the escape after the backslash at s[*i]; appends its bytes to out.
// In a string \xhh and \ooo are single bytes; in a rune literal (quote '\'')
// they are code points and are appended UTF-8 encoded like \u escapes.
static bool unescape(const char *s, size_t len, size_t *i, char quote, char *out, size_t *n, uint32_t *value,
                     const char **err) {
    char c = s[*i];
    static const char simple[] = "abfnrtv\\";
    static const char values[] = "\a\b\f\n\r\t\v\\";
    const char *e = c ? strchr(simple, c) : NULL;
    if (e || c == quote) {
        char v = e ? values[e - simple] : c;
        out[(*n)++] = v;
        *value = (unsigned char)v;
        (*i)++;
        return true;
    }
    int digits, base;
    switch (c) {
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        digits = 3, base = 8;
        break;
    case 'x': digits = 2, base = 16, (*i)++; break;
    case 'u': digits = 4, base = 16, (*i)++; break;
    case 'U': digits = 8, base = 16, (*i)++; break;
    default:
        *err = "unknown escape";
        return false;
    }
    uint32_t x = 0;
    for (int k = 0; k < digits; k++, (*i)++) {
        int d = *i < len && is_hex(s[*i]) ? (is_decimal(s[*i]) ? s[*i] - '0' : lower(s[*i]) - 'a' + 10) : 99;
        if (d >= base) {
            *err = "invalid escape";
            return false;
        }
        x = x * (uint32_t)base + (uint32_t)d;
    }
    if (c != 'u' && c != 'U') {
        if (x > 255) {
            *err = "octal escape value > 255";
            return false;
        }
        *value = x;
        if (quote == '\'')
            *n += (size_t)encode_utf8(out + *n, x);
        else
            out[(*n)++] = (char)x;
        return true;
    }
    if (x > RUNE_MAX || (x >= 0xD800 && x < 0xE000)) {
        *err = "escape is invalid Unicode code point";
        return false;
    }
    *n += (size_t)encode_utf8(out + *n, x);
    *value = x;
    return true;
}

bool lit_unquote(Arena *a, const char *text, size_t len, char **out, size_t *outlen, const char **err) {
    *err = NULL;
    if (len < 2 || text[0] != text[len - 1] || (text[0] != '"' && text[0] != '`' && text[0] != '\'')) {
        *err = "invalid quoted literal";
        return false;
    }
    char quote = text[0];
    const char *s = text + 1;
    size_t n = len - 2, m = 0;
    char *buf = arena_alloc(a, n * 4 + 1);   // \xhh is 4 bytes in, 1 out; \u00ff is 6 in, 2 out
    if (quote == '`') {
        for (size_t i = 0; i < n; i++)
            if (s[i] != '\r')
                buf[m++] = s[i];
    } else {
        int chars = 0;
        for (size_t i = 0; i < n;) {
            uint32_t value;
            chars++;
            if (s[i] == '\\') {
                i++;
                if (i >= n || !unescape(s, n, &i, quote, buf, &m, &value, err)) {
                    if (!*err)
                        *err = "unknown escape";
                    return false;
                }
                continue;
            }
            if (s[i] == '\n') {
                *err = quote == '"' ? "newline in string" : "newline in rune literal";
                return false;
            }
            int w = 1;
            if ((unsigned char)s[i] >= 0x80)
                decode_utf8((const unsigned char *)s + i, (const unsigned char *)s + n, &w);
            memcpy(buf + m, s + i, (size_t)w);
            m += (size_t)w;
            i += (size_t)w;
        }
        if (quote == '\'' && chars != 1) {
            *err = chars == 0 ? "empty rune literal or unescaped '" : "more than one character in rune literal";
            return false;
        }
    }
    buf[m] = 0;
    *out = buf;
    *outlen = m;
    return true;
}

bool lit_rune(const char *text, size_t len, int32_t *value) {
    if (len < 3 || text[0] != '\'' || text[len - 1] != '\'')
        return false;
    const char *s = text + 1;
    size_t n = len - 2, i = 0;
    if (s[0] == '\\') {
        char out[8];
        size_t m = 0;
        uint32_t v;
        const char *err = NULL;
        i = 1;
        if (!unescape(s, n, &i, '\'', out, &m, &v, &err) || i != n)
            return false;
        *value = (int32_t)v;
        return true;
    }
    int w;
    int32_t r = decode_utf8((const unsigned char *)s, (const unsigned char *)s + n, &w);
    if ((size_t)w != n)
        return false;
    *value = r;
    return true;
}
