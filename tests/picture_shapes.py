#!/usr/bin/env python3
"""picture_shapes.py SHAPE K > x.go - a Go file whose function f is a shape
that is hard to lay out, of size K:

  switch   a switch of K cases (one wide rank of K blocks)
  ifs      K consecutive ifs (a chain of 3K blocks)
  loops    K nested for loops (K back edges)
  chain    K pointer variables each taking the previous one's address
           (an escape graph of K locations, the last one escaping)
  calls    K calls passing &x to a leaking function (K call edges)

Used by tests/bench_pictures.sh (the worst-case layout time) and by the
picture tests. Deterministic."""
import sys


def switch(k):
    out = ['func f(x int) int {', '\tr := 0', '\tswitch x {']
    for i in range(k):
        out += ['\tcase %d:' % i, '\t\tr = %d' % (i * 3)]
    out += ['\t}', '\treturn r', '}']
    return out


def ifs(k):
    out = ['func f(x int) int {', '\tr := 0']
    for i in range(k):
        out += ['\tif x == %d {' % i, '\t\tr += %d' % i, '\t}']
    out += ['\treturn r', '}']
    return out


def loops(k):
    out = ['func f(n int) int {', '\tr := 0']
    for i in range(k):
        out.append('\t' * (i + 1) + 'for i%d := 0; i%d < n; i%d++ {' % (i, i, i))
    out.append('\t' * (k + 1) + 'r++')
    for i in reversed(range(k)):
        out.append('\t' * (i + 1) + '}')
    out += ['\treturn r', '}']
    return out


def chain(k):
    # x_i has i stars, so each takes the previous one's address.
    typed = ['var sink interface{}', '', 'func f() {', '\tvar x0 int']
    for i in range(1, k):
        typed.append('\tvar x%d %sint = &x%d' % (i, '*' * i, i - 1))
    typed += ['\tsink = x%d' % (k - 1), '}']
    return typed


def calls(k):
    out = ['var sink *int', '', 'func leak(p *int) { sink = p }', '', 'func f() {']
    for i in range(k):
        out += ['\tx%d := %d' % (i, i), '\tleak(&x%d)' % i]
    out.append('}')
    return out


SHAPES = {'switch': switch, 'ifs': ifs, 'loops': loops, 'chain': chain, 'calls': calls}

if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES:
        sys.exit('usage: picture_shapes.py %s K' % '|'.join(sorted(SHAPES)))
    lines = ['package main', ''] + SHAPES[sys.argv[1]](int(sys.argv[2]))
    lines += ['', 'func main() {}']
    print('\n'.join(lines))
