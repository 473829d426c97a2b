#!/usr/bin/env python3
"""svg_check.py DIR FUNC NBLOCKS - the SVG pictures minigc wrote into DIR for
function FUNC parse as XML, and the CFG picture has one node per block."""
import os
import sys
import xml.etree.ElementTree as ET

d, func, nblocks = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.listdir(d)) if os.path.isdir(d) else []
svgs = [f for f in files if f.endswith('.svg')]
if not svgs:
    sys.exit('no SVG written for %s' % func)
if len(svgs) != len(files):
    sys.exit('stray files beside the pictures: %s' % files)
ns = '{http://www.w3.org/2000/svg}'
for name in svgs:
    root = ET.parse(os.path.join(d, name)).getroot()
    if root.tag != ns + 'svg':
        sys.exit('%s: root element is %s' % (name, root.tag))
    if '.build.' in name:
        nodes = [g for g in root.iter(ns + 'g') if g.get('class') == 'node']
        if len(nodes) != nblocks:
            sys.exit('%s: %d nodes, the dump has %d blocks' % (name, len(nodes), nblocks))
