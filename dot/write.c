// write.c - turning a libcgraph graph into a file: names, markup, and the
// atomic write as DOT or SVG.
//
// Every picture goes through dot_emit: it opens a temporary file next to
// the target (same directory, so rename(2) is atomic), writes the graph
// there with agwrite or with libgvc's dot layout and SVG renderer, and only
// then renames it over the target; on any failure the temporary file is
// removed and an error diagnostic recorded. An interrupted run can leave a
// hidden ".minigc-*" file behind, never a truncated picture.
//
// Graphviz finds its layout and render plugins either from a configuration
// file written by `dot -c` (demand loading) or from a table of plugin
// libraries handed to gvContextPlugins. minigc always uses a table of the
// two plugins it needs, so neither a configuration file nor a `dot` binary
// matters: the plugin libraries' entry symbols are referenced weakly, and
// when the build links libgvplugin_dot_layout and libgvplugin_core they are
// used directly; otherwise the libraries are opened with dlopen from the
// graphviz/ directory next to libgvc (Debian's layout) or by soname.
//
// File names are made by dot_file_name (mapping documented in dot.h).
#define _GNU_SOURCE     // dladdr
#include "dot/dot.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

// ---------------------------------------------------------------------------
// Arena strings

void dotbuf_init(DotBuf *b, Arena *a) {
    *b = (DotBuf){.arena = a};
    b->cap = 256;
    b->s = arena_alloc(a, b->cap);
}

static void dotbuf_reserve(DotBuf *b, size_t more) {
    if (b->len + more + 1 <= b->cap)
        return;
    size_t ncap = b->cap * 2;
    while (ncap < b->len + more + 1)
        ncap *= 2;
    char *n = arena_alloc(b->arena, ncap);
    memcpy(n, b->s, b->len + 1);
    b->s = n;
    b->cap = ncap;
}

static void dotbuf_putn(DotBuf *b, const char *s, size_t n) {
    dotbuf_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void dotbuf_puts(DotBuf *b, const char *s) { dotbuf_putn(b, s, strlen(s)); }

void dotbuf_printf(DotBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    dotbuf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

// The length of the valid UTF-8 sequence at s (at most n bytes), or 0.
static size_t utf8_seq_len(const unsigned char *s, size_t n) {
    size_t want = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
    if (want == 0 || want > n)
        return 0;
    for (size_t i = 1; i < want; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return want;
}

// Graphviz wants UTF-8: a string constant may hold any bytes, so the ones
// that are not UTF-8 (and control bytes) become visible \xhh text.
void dotbuf_escape(DotBuf *b, const char *s, size_t len) {
    if (len == (size_t)-1)
        len = strlen(s);
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        if (c == '\\') {
            dotbuf_puts(b, "\\\\");
            continue;
        }
        if (c == '&') {
            dotbuf_puts(b, "&amp;");
            continue;
        }
        if (c >= 0x80) {
            size_t n = utf8_seq_len(u + i, len - i);
            if (n) {
                dotbuf_putn(b, s + i, n);
                i += n - 1;
                continue;
            }
        }
        if (c < 0x20 || c >= 0x7f)
            dotbuf_printf(b, "\\\\x%02x", c);
        else
            dotbuf_putn(b, s + i, 1);
    }
}

void dotbuf_line(DotBuf *b, const char *s, size_t len) {
    dotbuf_escape(b, s, len);
    dotbuf_puts(b, "\\l");
}

// ---------------------------------------------------------------------------
// File names

enum { FILE_NAME_MAX = 240 };   // below NAME_MAX (255) with room to spare

static bool is_ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Appends s[0:len] escaped (see dot.h), stopping before the unit that would
// take the name past `limit` bytes. Returns how many bytes of s were taken.
static size_t escape_name_part(DotBuf *b, const char *s, size_t len, bool keep_dots, bool at_start,
                               size_t limit) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        char unit[8];
        size_t n = 1, take = 1;
        bool first = at_start && b->len == 0;
        if (c == '_') {
            memcpy(unit, "__", 2);
            n = 2;
        } else if (c >= 0x80) {
            // A byte that is not UTF-8 stays too: escaping it as _hh (h >= 8)
            // could make "ptr_" ambiguous, and Go names are UTF-8 anyway.
            take = utf8_seq_len(u + i, len - i);
            if (take == 0)
                take = 1;
            memcpy(unit, s + i, take);
            n = take;
        } else if (is_ascii_alnum(c) || (c == '.' && keep_dots && !first) || (c == '-' && !first)) {
            unit[0] = (char)c;
        } else {
            snprintf(unit, sizeof unit, "_%02x", c);
            n = 3;
        }
        if (b->len + n > limit)
            break;
        dotbuf_putn(b, unit, n);
        i += take;
    }
    return i;
}

// FNV-1a, 64 bits: stable across runs, enough to keep long names apart.
static uint64_t name_hash(const char *s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

// "(*R).rest" with a receiver name R that could be a Go identifier:
// *recv_len is R's length and the return value points at rest.
static const char *pointer_method_rest(const char *name, size_t *recv_len) {
    if (strncmp(name, "(*", 2) != 0)
        return NULL;
    const char *r = name + 2;
    const char *close = strchr(r, ')');
    if (!close || close == r || close[1] != '.' || (*r >= '0' && *r <= '9'))
        return NULL;
    if (memchr(r, '(', (size_t)(close - r)))
        return NULL;
    *recv_len = (size_t)(close - r);
    return close + 2;
}

// The function part of a file name, at most `limit` bytes.
static void escape_func_name(DotBuf *b, const char *name, size_t limit) {
    size_t full = strlen(name);
    if (full == 0) {
        dotbuf_puts(b, "_e");
        return;
    }
    size_t recv_len = 0;
    const char *rest = pointer_method_rest(name, &recv_len);
    size_t hashed = 2 + 16;     // "_z" and the hash
    size_t budget = limit > hashed ? limit - hashed : 0;
    size_t taken;
    if (rest) {
        dotbuf_puts(b, "ptr_");
        taken = escape_name_part(b, name + 2, recv_len, true, false, budget);
        bool whole = taken == recv_len && b->len + 1 <= budget;
        if (whole) {
            dotbuf_puts(b, ".");
            size_t rest_len = strlen(rest);
            whole = escape_name_part(b, rest, rest_len, true, false, budget) == rest_len;
        }
        if (whole)
            return;
    } else {
        taken = escape_name_part(b, name, full, true, true, budget);
        if (taken == full)
            return;
    }
    dotbuf_printf(b, "_z%016llx", (unsigned long long)name_hash(name));
}

const char *dot_file_name(Arena *a, const char *func_name, const char *pass, const char *ext) {
    DotBuf b;
    dotbuf_init(&b, a);
    // Escape the suffix first to know how much room the function name has.
    DotBuf suffix;
    dotbuf_init(&suffix, a);
    if (pass) {
        dotbuf_puts(&suffix, ".");
        escape_name_part(&suffix, pass, strlen(pass), false, false, FILE_NAME_MAX / 2);
    }
    if (ext) {
        dotbuf_puts(&suffix, ".");
        escape_name_part(&suffix, ext, strlen(ext), false, false, FILE_NAME_MAX / 4);
    }
    escape_func_name(&b, func_name ? func_name : "", FILE_NAME_MAX - suffix.len);
    dotbuf_puts(&b, suffix.s);
    return b.s;
}

// ---------------------------------------------------------------------------
// Graphs

void dot_set(void *obj, const char *name, const char *value) {
    // libcgraph copies both strings; its prototypes just lack the const.
    agsafeset(obj, (char *)name, (char *)value, "");
}

// Courier, not a generic "monospace": without a text-layout plugin libgvc
// sizes text from built-in metrics, which it has for Courier (and SVG then
// names the font "Courier,monospace", so viewers still fall back well).
Agraph_t *dot_graph_new(const char *name, const char *title) {
    Agraph_t *g = agopen((char *)name, Agdirected, NULL);
    if (!g)
        return NULL;
    agattr(g, AGRAPH, "rankdir", "TB");
    agattr(g, AGRAPH, "fontname", "Courier");
    agattr(g, AGRAPH, "fontsize", "14");
    agattr(g, AGNODE, "fontname", "Courier");
    agattr(g, AGNODE, "fontsize", "12");
    agattr(g, AGEDGE, "fontname", "Courier");
    agattr(g, AGEDGE, "fontsize", "11");
    if (title) {
        Arena a;
        arena_init(&a);
        DotBuf t;
        dotbuf_init(&t, &a);
        dotbuf_escape(&t, title, (size_t)-1);
        agattr(g, AGRAPH, "labelloc", "t");
        agattr(g, AGRAPH, "labeljust", "l");
        agattr(g, AGRAPH, "label", t.s);
        arena_free(&a);
    }
    return g;
}

// ---------------------------------------------------------------------------
// Directories and files

static int report(Compiler *cc, const char *what, const char *path, int err) {
    diag_error(cc, (Pos){0}, "%s %s: %s", what, path, strerror(err));
    return -1;
}

int dot_make_dir(Compiler *cc, const char *dir) {
    size_t n = strlen(dir);
    char *p = malloc(n + 1);
    if (!p)
        return report(cc, "cannot create directory", dir, ENOMEM);
    memcpy(p, dir, n + 1);
    // Each prefix ending before a '/', then the whole path.
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != 0)
            continue;
        char saved = p[i];
        p[i] = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int err = errno;
            free(p);
            return report(cc, "cannot create directory", dir, err);
        }
        p[i] = saved;
    }
    free(p);
    struct stat st;
    if (stat(dir, &st) != 0)
        return report(cc, "cannot create directory", dir, errno);
    if (!S_ISDIR(st.st_mode))
        return report(cc, "cannot create directory", dir, ENOTDIR);
    return 0;
}

// The two plugins minigc needs: dot's layout and the core renderers (SVG).
enum { NPLUGINS = 2 };
static const char *const plugin_files[NPLUGINS] = {"libgvplugin_dot_layout.so.6", "libgvplugin_core.so.6"};
// libgvc installs a table entry only if its name is the library's symbol.
static const char *const plugin_symbols[NPLUGINS] = {"gvplugin_dot_layout_LTX_library",
                                                     "gvplugin_core_LTX_library"};

// Their entry points, present when the build links the plugin libraries.
extern gvplugin_library_t gvplugin_dot_layout_LTX_library __attribute__((weak));
extern gvplugin_library_t gvplugin_core_LTX_library __attribute__((weak));

// A libgvc context and what it was made from: libgvc keeps a pointer to the
// plugin table, so the table lives as long as the context.
typedef struct Graphviz {
    GVC_t *gvc;
    lt_symlist_t table[NPLUGINS + 1];
} Graphviz;

// The directory libgvc was loaded from, where Debian keeps graphviz/.
static bool libgvc_dir(char *dir, size_t size) {
    GVC_t *(*fn)(void) = gvContext;
    void *addr;
    memcpy(&addr, &fn, sizeof addr);
    Dl_info info;
    if (!dladdr(addr, &info) || !info.dli_fname)
        return false;
    const char *slash = strrchr(info.dli_fname, '/');
    if (!slash || (size_t)(slash - info.dli_fname) >= size)
        return false;
    memcpy(dir, info.dli_fname, (size_t)(slash - info.dli_fname));
    dir[slash - info.dli_fname] = 0;
    return true;
}

// Not linked in: open the plugin libraries next to libgvc, or wherever the
// dynamic linker finds them. They stay loaded (dlopen of a loaded library is
// cheap): dot's layout keeps buffers in static variables across layouts, and
// unloading it would turn them into leaks.
static bool open_plugins(Graphviz *gv) {
    char dir[4096], path[4200];
    bool have_dir = libgvc_dir(dir, sizeof dir);
    for (int i = 0; i < NPLUGINS; i++) {
        void *h = NULL;
        if (have_dir) {
            snprintf(path, sizeof path, "%s/graphviz/%s", dir, plugin_files[i]);
            h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        }
        if (!h)
            h = dlopen(plugin_files[i], RTLD_NOW | RTLD_LOCAL);
        void *lib = h ? dlsym(h, plugin_symbols[i]) : NULL;
        if (!lib)
            return false;
        gv->table[i] = (lt_symlist_t){plugin_symbols[i], lib};
    }
    return true;
}

// A context with exactly the two plugins and no demand loading: libgvc then
// reads no configuration file and loads nothing else (in particular not the
// pango text layout, whose cached state does not survive a second context).
static bool graphviz_open(Graphviz *gv) {
    *gv = (Graphviz){0};
    if (&gvplugin_dot_layout_LTX_library && &gvplugin_core_LTX_library) {
        gv->table[0] = (lt_symlist_t){plugin_symbols[0], &gvplugin_dot_layout_LTX_library};
        gv->table[1] = (lt_symlist_t){plugin_symbols[1], &gvplugin_core_LTX_library};
    } else if (!open_plugins(gv)) {
        return false;
    }
    gv->gvc = gvContextPlugins(gv->table, 0);
    return gv->gvc != NULL;
}

static void graphviz_close(Graphviz *gv) {
    if (gv->gvc)
        gvFreeContext(gv->gvc);
}

// Lays g out with dot and writes it as SVG. 0, or -1 with *why set.
static int render_svg(Agraph_t *g, FILE *out, const char **why) {
    Graphviz gv;
    int rc = -1;
    if (!graphviz_open(&gv)) {
        *why = "Graphviz's dot layout and core render plugins cannot be loaded";
    } else if (gvLayout(gv.gvc, g, "dot") != 0) {
        *why = "Graphviz's dot layout failed";
    } else {
        rc = gvRender(gv.gvc, g, "svg", out) == 0 ? 0 : -1;
        if (rc != 0)
            *why = "Graphviz's SVG renderer failed";
        gvFreeLayout(gv.gvc, g);
    }
    graphviz_close(&gv);
    return rc;
}

// "DIR/.minigc-XXXXXX" for the directory that holds path.
static char *temp_template(const char *path) {
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    static const char base[] = ".minigc-XXXXXX";
    char *t = malloc(dirlen + sizeof base);
    if (!t)
        return NULL;
    memcpy(t, path, dirlen);
    memcpy(t + dirlen, base, sizeof base);
    return t;
}

int dot_emit(Compiler *cc, Agraph_t *g, const char *path, bool svg) {
    char *tmp = temp_template(path);
    if (!tmp)
        return report(cc, "cannot write", path, ENOMEM);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return report(cc, "cannot write", path, err);
    }
    FILE *out = fdopen(fd, "w");
    if (!out) {
        int err = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return report(cc, "cannot write", path, err);
    }
    // mkstemp makes the file private; a picture is as readable as any output.
    fchmod(fd, 0644);
    const char *why = NULL;
    int rc = svg ? render_svg(g, out, &why) : (agwrite(g, out) == 0 ? 0 : -1);
    int err = rc != 0 && !why ? EIO : 0;
    if (fflush(out) != 0 && rc == 0)
        err = errno, rc = -1;
    if (ferror(out) && rc == 0)
        err = EIO, rc = -1;
    if (fclose(out) != 0 && rc == 0)
        err = errno, rc = -1;
    if (rc == 0 && rename(tmp, path) != 0)
        err = errno, rc = -1;
    if (rc != 0) {
        unlink(tmp);
        if (why)
            diag_error(cc, (Pos){0}, "cannot render %s: %s", path, why);
        else
            report(cc, "cannot write", path, err);
    }
    free(tmp);
    return rc;
}

int dot_write_graph(Compiler *cc, Agraph_t *g, const char *dir, const char *func_name, const char *pass,
                    bool svg, const char **path_out) {
    if (dot_make_dir(cc, dir) != 0)
        return -1;
    const char *name = dot_file_name(&cc->arena, func_name, pass, svg ? "svg" : "dot");
    size_t dl = strlen(dir);
    const char *path = dl && dir[dl - 1] == '/' ? arena_sprintf(&cc->arena, "%s%s", dir, name)
                                                 : arena_sprintf(&cc->arena, "%s/%s", dir, name);
    if (path_out)
        *path_out = path;
    return dot_emit(cc, g, path, svg);
}
