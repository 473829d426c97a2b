#!/usr/bin/env python3
"""bench_shapes.py - the worst cases `make bench` times as K doubles.

Usage: bench_shapes.py SHAPE K > file.go

Each shape makes one package whose work for a compiler grows with K in a way
a straightforward implementation gets superlinear:

  chain   one function with K pointer variables, each the address of a new
          node pointing at the one before (a flow chain of length K)
  scc     K mutually recursive functions passing pointers around the cycle
          (one strongly connected component for escape analysis)
  loops   K loops nested in one function, a statement in each (Phis at
          every level)
  calls   K small functions, each calling the next (inlining into each
          other, call graph of depth K)
"""
import sys


def chain(k):
    out = ["package bench", "", "type node struct{ next *node }", "",
           "var sink *node", "", "func chain(p *node) *node {", "\tq0 := p"]
    for i in range(1, k + 1):
        out.append(f"\tq{i} := &node{{next: q{i - 1}}}")
    out.append(f"\tsink = q{k // 2}")
    out.append(f"\treturn q{k}")
    out.append("}")
    return out


def scc(k):
    out = ["package bench", "", "var sink *int", ""]
    for i in range(k):
        nxt = (i + 1) % k
        out += [f"func f{i}(p, q *int, n int) *int {{",
                "\tif n == 0 {",
                "\t\treturn p",
                "\t}",
                "\tr := new(int)",
                "\t*r = n",
                f"\tif n == {i} {{",
                "\t\tsink = q",
                "\t}",
                f"\treturn f{nxt}(q, r, n-1)",
                "}", ""]
    return out


def loops(k):
    out = ["package bench", "", "func loops(n int, p *int) int {", "\ts := 0"]
    for i in range(k):
        ind = "\t" * (i + 1)
        out.append(f"{ind}for i{i} := 0; i{i} < n; i{i}++ {{")
        out.append(f"{ind}\ts += i{i} + *p")
    for i in reversed(range(k)):
        out.append("\t" * (i + 1) + "}")
    out.append("\treturn s")
    out.append("}")
    return out


def calls(k):
    out = ["package bench", "", "type pair struct{ a, b *int }", ""]
    for i in range(k):
        if i + 1 < k:
            body = f"\treturn f{i + 1}(pair{{x.b, x.a}}, n+1)"
        else:
            body = "\treturn x.a"
        out += [f"func f{i}(x pair, n int) *int {{", body, "}", ""]
    return out


SHAPES = {"chain": chain, "scc": scc, "loops": loops, "calls": calls}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES:
        sys.stderr.write(__doc__)
        return 2
    print("\n".join(SHAPES[sys.argv[1]](int(sys.argv[2]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
