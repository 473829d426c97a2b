#!/usr/bin/env python3
"""compare_inline.py - what `minigc -compare-inline FILE.go` must print,
derived from gc 1.19's own output: `go tool compile -m -l` (no inlining) and
`go tool compile -m` (inlining), read side by side.

Usage: tests/compare_inline.py [--go GO] FILE.go   prints the expectation

The rules (README, -compare-inline): a verdict is a note "X escapes to heap",
"X does not escape", "moved to heap: x" or "leaking param...: p" at a
position. With inlining, gc prints a verdict about an inlined copy at the
call site where it printed "inlining call to F"; it pairs with the verdict
about the same X inside F's text without inlining. Any other verdict pairs
with the one at the same position. A variable gc is silent about stays on
the stack. Functions are found by the `func` lines of the source.
"""
import argparse, os, re, subprocess, sys, tempfile

POS = re.compile(r'^(.*?):(\d+):(\d+): (.*)$')


def gc(go, path, flags):
    fd, out = tempfile.mkstemp()
    os.close(fd)
    try:
        r = subprocess.run([go, 'tool', 'compile'] + flags + ['-o', out, path],
                           capture_output=True, text=True)
    finally:
        os.unlink(out)
    if r.returncode != 0:
        sys.exit('gc failed on %s:\n%s%s' % (path, r.stdout, r.stderr))
    return r.stdout.splitlines()


def verdict(msg):
    """(subject, verdict, is_var) or None."""
    if msg.startswith('moved to heap: '):
        return msg[len('moved to heap: '):], 'moved to heap', True
    m = re.match(r'^(leaking param(?: content)?): (\S+)(.*)$', msg)
    if m:
        return m.group(2), m.group(1) + m.group(3), True
    for tail in (' escapes to heap', ' does not escape'):
        if msg.endswith(tail) and len(msg) > len(tail):
            return msg[:-len(tail)], tail[1:], False
    return None


def collect(lines):
    notes, calls = [], []
    for line in lines:
        m = POS.match(line)
        if not m:
            continue
        at, key, msg = '%s:%s:%s' % m.group(1, 2, 3), (int(m.group(2)), int(m.group(3))), m.group(4)
        if msg.startswith('inlining call to '):
            calls.append((key, msg[len('inlining call to '):]))
            continue
        v = verdict(msg)
        if not v:
            continue
        subj, verd, is_var = v
        if is_var and notes and notes[-1]['key'] == key and notes[-1]['subject'] == subj:
            notes[-1]['verdict'] += ', ' + verd
            continue
        notes.append(dict(key=key, at=at, subject=subj, verdict=verd, is_var=is_var, used=False))
    return notes, calls


def funcs(path):
    out = []
    rx = re.compile(r'^func\s*(?:\(\s*(?:\w+\s+)?(\*?)\s*(\w+)[^)]*\)\s*)?(\w+)')
    with open(path) as f:
        for i, line in enumerate(f, 1):
            m = rx.match(line)
            if m:
                star, recv, name = m.groups()
                out.append(((i, 1), name if not recv else ('(*%s).%s' % (recv, name) if star else '%s.%s' % (recv, name))))
    return out


def enclosing(fs, key):
    best = -1
    for i, (k, _) in enumerate(fs):
        if k <= key:
            best = i
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--go', default='/usr/lib/go-1.19/bin/go')
    ap.add_argument('file')
    a = ap.parse_args()
    without, _ = collect(gc(a.go, a.file, ['-m', '-l']))
    with_, calls = collect(gc(a.go, a.file, ['-m']))
    fs = funcs(a.file)
    silent = lambda n: 'stays on the stack' if n['is_var'] else 'not reported'
    changes, same = [], 0
    for w in with_:
        n = next((c for c in without if not c['used'] and c['key'] == w['key'] and c['subject'] == w['subject']), None)
        site = None
        if n:
            n['used'] = True
        else:
            for key, callee in calls:
                if key != w['key']:
                    continue
                n = next((c for c in without if c['subject'] == w['subject'] and
                          enclosing(fs, c['key']) >= 0 and fs[enclosing(fs, c['key'])][1] == callee), None)
                if n:
                    site = w['at']
                    break
        if n and n['verdict'] == w['verdict']:
            same += 1
            continue
        changes.append((enclosing(fs, w['key']), w['key'], (n or w)['key'], (n or w)['at'], w['subject'],
                        n['verdict'] if n else silent(w), w['verdict'], site))
    for n in without:
        if not n['used']:
            changes.append((enclosing(fs, n['key']), n['key'], n['key'], n['at'], n['subject'],
                            n['verdict'], silent(n), None))
    changes.sort(key=lambda c: c[:3])
    for i, (fn, _, _, at, subj, wo, wi, site) in enumerate(changes):
        if i == 0 or fn != changes[i - 1][0]:
            print('%s:' % (fs[fn][1] if fn >= 0 else '(package level)'))
        print('\t%s: %s: %s without inlining; %s with inlining%s' % (
            at, subj, wo, wi, ' (inlined at %s)' % site if site else ''))
    n = len(changes)
    print('%d verdict%s changed, %d stayed the same' % (n, '' if n == 1 else 's', same))


main()
