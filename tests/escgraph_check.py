#!/usr/bin/env python3
"""escgraph_check.py MINIGC FILE.go - the escape-graph pictures tell the same
story as -m=2, for every function of FILE:

  - the nodes drawn on the heap (red outline, class "escapes") are exactly
    the locations -m reports as "moved to heap" or "escapes to heap";
  - from every such node a thick red path (edges of class "why") leads to
    the heap, or to a location whose edge says why it outlives the node;
  - the reasons on that path are, flow by flow, among the reasons -m=2
    gives in its explanation of the node ("from sink = &x (assign)");
  - each heap node's tooltip holds its -m=2 explanation;
  - every SVG written parses as XML.

Runs `MINIGC -m=2 -l -svg=TMP FILE.go` from FILE's directory, reads every
*.escgraph.svg written. Prints what differs; exit status 1 if anything does."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}'

tool, path = os.path.abspath(sys.argv[1]), sys.argv[2]
d, name = os.path.dirname(os.path.abspath(path)), os.path.basename(path)
problems = []


def explanations(lines):
    """-m=2 text -> {pos: [flows]}, each flow a list of note reasons, for
    the 'X escapes to heap:' explanations; and the set of heap positions."""
    said, expl = set(), {}
    cur = None
    for line in lines:
        m = re.match(r'([^:\s]+:\d+:\d+): (moved to heap: .*|.* escapes to heap)$', line)
        if m:
            said.add(m.group(1))
            cur = None
            continue
        m = re.match(r'([^:\s]+:\d+:\d+): (.*) escapes to heap:$', line)
        if m:
            cur = expl.setdefault(m.group(1), [])
            if cur:     # explained twice: keep the first
                cur = None
            continue
        m = re.match(r'([^:\s]+:\d+:\d+):   flow: ', line)
        if m and cur is not None:
            cur.append([])
            continue
        m = re.match(r'([^:\s]+:\d+:\d+):     from .* \(([^()]*)\) at \S+$', line)
        if m and cur is not None and cur:
            cur[-1].append(m.group(2))
            continue
        cur = None if not line.startswith(' ') and ': ' in line and '  ' not in line else cur
    return said, expl


def texts(g):
    return [t.text or '' for t in g.iter(NS + 'text')]


with tempfile.TemporaryDirectory() as tmp:
    out = subprocess.run([tool, '-m=2', '-l', '-svg=' + tmp, name], cwd=d, capture_output=True,
                         text=True, timeout=120)
    if out.returncode != 0:
        sys.exit('%s: minigc exit status %d: %s' % (name, out.returncode, out.stderr[:300]))
    said, expl = explanations(out.stdout.splitlines())
    drawn = set()
    svgs = [f for f in os.listdir(tmp) if f.endswith('.svg')]
    graphs = [f for f in svgs if f.endswith('.escgraph.svg')]
    if not graphs:
        sys.exit('%s: no escape graph written' % name)
    for f in svgs:
        try:
            ET.parse(os.path.join(tmp, f))
        except ET.ParseError as e:
            problems.append('%s: %s is not well-formed XML: %s' % (name, f, e))
    for f in graphs:
        try:
            root = ET.parse(os.path.join(tmp, f)).getroot()
        except ET.ParseError:
            continue
        nodes, edges_into = {}, {}
        for g in root.iter(NS + 'g'):
            cls = (g.get('class') or '').split()
            title = g.find(NS + 'title')
            if title is None:
                continue
            if 'node' in cls:
                tip = ''
                for a in g.iter(NS + 'a'):
                    tip = a.get(XLINK + 'title') or tip
                nodes[title.text] = (cls, texts(g), tip)
            elif 'edge' in cls:
                src, dst = title.text.split('->')
                edges_into.setdefault(src, []).append((dst, 'why' in cls, texts(g)))
        for nid, (cls, tx, tip) in nodes.items():
            if 'escapes' not in cls or not tx:
                continue
            pos = tx[-1]
            drawn.add(pos)
            # Follow the red path to the heap.
            reasons, at, seen, ended = [], nid, set(), False
            while at not in seen:
                seen.add(at)
                red = [e for e in edges_into.get(at, []) if e[1]]
                if not red:
                    break
                dst, _, label = red[0]
                first = label[0] if label else ''
                reasons.append(re.sub(r'^[&*]+ ?', '', first).split(':')[0])
                if nodes.get(dst, ([],))[0][:3] == ['node', 'loc', 'heap'] or any(
                        l.startswith('outlives') or l.startswith('returned') for l in label[1:]):
                    ended = True
                    break
                at = dst
            if not ended:
                problems.append('%s: %s (%s): no red path to the heap' % (f, pos, nid))
            flows = expl.get(pos)
            if flows is None:
                continue
            got = reasons[:len(flows)]
            if len(got) != len(flows) or any(fl and r not in fl for r, fl in zip(got, flows)):
                problems.append('%s: %s: path reasons %s, -m=2 gives %s' % (f, pos, got, flows))
            if 'escapes to heap:' not in tip or 'flow:' not in tip:
                problems.append('%s: %s: tooltip lacks the -m=2 explanation' % (f, pos))
for p in sorted(said - drawn):
    problems.append('%s: -m reports %s as escaping, the picture does not' % (name, p))
for p in sorted(drawn - said):
    problems.append('%s: the picture draws %s as escaping, -m does not' % (name, p))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
