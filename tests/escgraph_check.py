#!/usr/bin/env python3
"""escgraph_check.py MINIGC FILE.go - the escape-graph pictures tell the same
story as -m: the nodes drawn as escaping (red outline) are exactly the
locations -m reports as "moved to heap" or "escapes to heap".

Runs `MINIGC -m -l -svg=TMP FILE.go` from FILE's directory, reads every
*.escgraph.svg written, and compares the positions (file:line:col, the last
line of a node's label) of the escaping nodes with the positions of those
messages. Prints what differs; exit status 1 if anything does."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ESCAPING_STROKE = '#c0392b'
NS = '{http://www.w3.org/2000/svg}'

tool, path = os.path.abspath(sys.argv[1]), sys.argv[2]
d, name = os.path.dirname(os.path.abspath(path)), os.path.basename(path)
with tempfile.TemporaryDirectory() as tmp:
    out = subprocess.run([tool, '-m', '-l', '-svg=' + tmp, name], cwd=d, capture_output=True,
                         text=True, timeout=60)
    if out.returncode != 0:
        sys.exit('%s: minigc exit status %d: %s' % (name, out.returncode, out.stderr[:300]))
    said = set()
    for line in out.stdout.splitlines():
        m = re.match(r'([^:\s]+:\d+:\d+): (moved to heap: .*|.* escapes to heap)$', line)
        if m:
            said.add(m.group(1))
    drawn = set()
    graphs = [f for f in os.listdir(tmp) if f.endswith('.escgraph.svg')]
    if not graphs:
        sys.exit('%s: no escape graph written' % name)
    for g in graphs:
        root = ET.parse(os.path.join(tmp, g)).getroot()
        for node in root.iter(NS + 'g'):
            if node.get('class') != 'node':
                continue
            shapes = [e for e in node if e.tag in (NS + 'polygon', NS + 'ellipse', NS + 'path')]
            texts = [t.text or '' for t in node.iter(NS + 'text')]
            if any(s.get('stroke') == ESCAPING_STROKE for s in shapes) and texts:
                drawn.add(texts[-1])
bad = False
for p in sorted(said - drawn):
    print('%s: -m reports %s as escaping, the picture does not' % (name, p))
    bad = True
for p in sorted(drawn - said):
    print('%s: the picture draws %s as escaping, -m does not' % (name, p))
    bad = True
sys.exit(1 if bad else 0)
