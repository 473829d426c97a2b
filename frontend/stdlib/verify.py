#!/usr/bin/env python3
"""Checks minigc's standard-library models against the real Go 1.19 library.

Usage: frontend/stdlib/verify.py [-v] [PKG...]

It needs the real toolchain (/usr/lib/go-1.19, Debian's golang-1.19-go) and
works under a scratch directory (default /tmp/minigc-stdlib-verify); nothing
is downloaded.

1. Every model is compiled by the real gc with its real import path
   (go tool compile -p PATH -std), so gc recognises the same intrinsics and
   prints the same names. A model that is not valid Go fails here.
2. For every exported function and method of a model, gc's verdicts on the
   model must equal its verdicts on the real package (go build -gcflags=-m=2):
   the signature, whether it can be inlined, its inlining cost if it can, and
   the escape tags of its parameters. With -v, unexported functions that
   exist in both are compared too (differences there are usually deliberate
   stand-ins and are only reported).
3. Go's own tests that import modelled packages (test/escape*.go,
   test/inline*.go) are compiled by gc twice, against the real library and
   against the models, with -m=2: the output must be identical.

Exit status 0 when everything agrees.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOROOT = '/usr/lib/go-1.19'
GO = GOROOT + '/bin/go'
GOTEST = '/usr/share/go-1.19/test'
WORK = os.environ.get('MINIGC_VERIFY_DIR', '/tmp/minigc-stdlib-verify')
ENV = dict(os.environ, GOCACHE=WORK + '/gocache', GOPATH=WORK + '/gopath',
           GOFLAGS='-mod=mod', GO111MODULE='on', GOPROXY='off')

E2E_TESTS = ['escape2.go', 'escape2n.go', 'escape5.go', 'escape_hash_maphash.go',
             'escape_runtime_atomic.go', 'escape_slice.go', 'escape_sync_atomic.go',
             'escape_unsafe.go', 'inline.go', 'inline_caller.go', 'inline_callers.go',
             'inline_endian.go', 'inline_literal.go', 'inline_math_bits_rotate.go',
             'inline_sync.go']


def run(cmd, **kw):
    return subprocess.run(cmd, env=ENV, capture_output=True, text=True, **kw)


def model_packages():
    pkgs = {}
    for root, _, files in os.walk(HERE):
        for f in sorted(files):
            if f.endswith('.go'):
                pkgs.setdefault(os.path.relpath(root, HERE), []).append(os.path.join(root, f))
    return pkgs


def imports_of(files):
    out = set()
    for f in files:
        text = open(f).read()
        for m in re.finditer(r'^import\s+(?:\w+\s+)?"([^"]+)"', text, re.M):
            out.add(m.group(1))
        for blk in re.finditer(r'^import\s*\((.*?)\)', text, re.M | re.S):
            out.update(re.findall(r'"([^"]+)"', blk.group(1)))
    return out - {'unsafe'}


def dependency_order(pkgs):
    order, done = [], set()

    def visit(p, stack):
        if p in done:
            return
        if p in stack:
            sys.exit('import cycle among models: ' + ' -> '.join(stack + [p]))
        for d in sorted(imports_of(pkgs[p])):
            if d not in pkgs:
                sys.exit(f'model {p} imports {d}, which has no model')
            visit(d, stack + [p])
        done.add(p)
        order.append(p)
    for p in sorted(pkgs):
        visit(p, [])
    return order


# --- per-function summaries of gc -m=2 output --------------------------------

FUNC_RE = re.compile(r'^func\s+(?:\(\s*(?:\w+\s+)?(\*?)\s*(\w+)\s*\)\s*)?(\w+)')
LOC_RE = re.compile(r'^(.*\.go):(\d+):(\d+): (.*)$')


def func_decls(path):
    """(gc-style name, file base name, first line, last signature line, signature text)."""
    lines = open(path).read().split('\n')
    out = []
    for i, line in enumerate(lines):
        m = FUNC_RE.match(line)
        if not m:
            continue
        star, recv, name = m.groups()
        if recv:
            name = (f'(*{recv})' if star else recv) + '.' + name
        # The signature ends where the body's brace opens at paren depth 0,
        # or at the end of the line of a declaration without a body.
        depth, j, sig = 0, i, ''
        while True:
            text = lines[j].split('//')[0]
            k = 0
            for k, ch in enumerate(text):
                if ch in '([':
                    depth += 1
                elif ch in ')]':
                    depth -= 1
                elif ch == '{' and depth == 0 and not text[:k].rstrip().endswith(('interface', 'struct')):
                    sig += text[:k]
                    break
            else:
                sig += text + ' '
                if depth == 0:
                    break
                j += 1
                continue
            break
        sig = re.sub(r'\s+', ' ', sig[sig.index(m.group(3)) + len(m.group(3)):]).strip()
        out.append((name, os.path.basename(path), i + 1, j + 1, sig.replace('interface{}', 'any')))
    return out


def summarize(mout, files):
    decls = [d for f in files for d in func_decls(f)]
    summ = {d[0]: {'sig ' + d[4]} for d in decls}
    for line in mout.split('\n'):
        m = LOC_RE.match(line)
        if not m:
            continue
        base, ln, msg = os.path.basename(m.group(1)), int(m.group(2)), m.group(4)
        c = re.match(r'can inline (\S+) with cost (\d+)', msg)
        if c:
            if c.group(1) in summ:
                summ[c.group(1)].add('inline cost ' + c.group(2))
            continue
        c = re.match(r'cannot inline (\S+): ', msg)
        if c:
            if c.group(1) in summ:
                summ[c.group(1)].add('not inlinable')
            continue
        if not (msg.startswith('leaking param') or msg.endswith('does not escape')):
            continue
        for name, fbase, first, last, _ in decls:
            if fbase == base and first <= ln <= last:
                summ[name].add(msg)
    return summ


def is_exported(name):
    return name.split('.')[-1][:1].isupper()


def compare_package(p, files, obj_dir, verbose):
    """Returns the list of differences between the model and the real package."""
    tag = p.replace('/', '_')
    cfg = os.path.join(obj_dir, 'models.importcfg')
    r = run([GO, 'tool', 'compile', '-p', p, '-std', '-m=2', '-importcfg', cfg,
             '-o', os.path.join(obj_dir, tag + '.o')] + files)
    if r.returncode != 0:
        errs = [l for l in (r.stdout + r.stderr).split('\n') if ': ' in l and
                not re.search(r': (can inline|cannot inline|inlining call|leaking|.* does not escape|'
                              r'.* escapes to heap|moved to heap)|flow:|from ', l)]
        return ['does not compile:'] + errs[:20]
    model = summarize(r.stdout + r.stderr, files)
    r = run([GO, 'list', '-f', '{{.Dir}}\n{{join .GoFiles "\\n"}}', p])
    lines = r.stdout.split('\n')
    real_files = [os.path.join(lines[0], f) for f in lines[1:] if f]
    r = run([GO, 'build', '-gcflags=-m=2', p])
    real = summarize(r.stdout + r.stderr, real_files)
    diffs = []
    for name in sorted(model):
        if name not in real or not (verbose or is_exported(name)):
            continue
        for what in sorted(model[name] - real[name]):
            diffs.append(f'{name}: model has "{what}"')
        for what in sorted(real[name] - model[name]):
            diffs.append(f'{name}: real has "{what}"')
    return diffs


def end_to_end(obj_dir, pkgs):
    """Compiles Go's tests against the real library and the models."""
    deps = run([GO, 'list', '-export', '-deps', '-f', 'packagefile {{.ImportPath}}={{.Export}}']
               + sorted(p for p in pkgs if not p.startswith('internal/') and '/internal/' not in p))
    real_cfg = os.path.join(obj_dir, 'real.importcfg')
    with open(real_cfg, 'w') as f:
        f.writelines(l + '\n' for l in deps.stdout.split('\n') if l and not l.endswith('='))
    model_cfg = os.path.join(obj_dir, 'models.importcfg')
    failures = []
    for test in E2E_TESTS:
        path = os.path.join(GOTEST, test)
        head = open(path).read(2000)
        m = re.search(r'^// *errorcheck(?:withauto)? *(.*)$', head, re.M)
        flags = m.group(1).split() if m else ['-m']
        if re.search(r'^// *run -gcflags[= ]-l=4', head, re.M):
            flags = ['-m', '-l=4']
        flags = ['-m=2' if f == '-m' else f for f in flags if f != '-0']
        outs = []
        for cfg in (real_cfg, model_cfg):
            r = run([GO, 'tool', 'compile', '-p', 'p', '-std'] + flags +
                    ['-importcfg', cfg, '-o', os.path.join(obj_dir, 'test.o'), path])
            outs.append(r.stdout + r.stderr + f'exit {r.returncode}\n')
        if outs[0] != outs[1]:
            failures.append(f'{test} {" ".join(flags)}: gc -m differs with the models')
    return failures


def main():
    verbose = '-v' in sys.argv[1:]
    wanted = [a for a in sys.argv[1:] if a != '-v']
    pkgs = model_packages()
    obj_dir = os.path.join(WORK, 'obj')
    os.makedirs(obj_dir, exist_ok=True)
    with open(os.path.join(obj_dir, 'models.importcfg'), 'w') as f:
        for p in pkgs:
            f.write(f'packagefile {p}={obj_dir}/{p.replace("/", "_")}.o\n')
    status = 0
    for p in dependency_order(pkgs):
        diffs = compare_package(p, pkgs[p], obj_dir, verbose)
        if wanted and p not in wanted:
            continue
        print(f'{p}: {"ok" if not diffs else "DIFFERS"}')
        for d in diffs:
            print('    ' + d)
        status |= bool(diffs)
    if not wanted:
        failures = end_to_end(obj_dir, pkgs)
        for f in failures:
            print(f)
        print('end-to-end (Go\'s tests against real library and models): ' + ('ok' if not failures else 'DIFFERS'))
        status |= bool(failures)
    return status


if __name__ == '__main__':
    sys.exit(main())
