#!/usr/bin/env python3
"""Subsets the self-hosted web fonts (public/fonts, declared in app/fonts.css, preloaded per
language by lib/fonts.ts) so that a phone downloads only what the pages draw.

- Inter (variable): the weight axis limited to 400-700 (the pages use 400, 500, 600, 700; the
  thin and black masters are half of the variation data) and only the OpenType features that
  running text needs (kerning, contextual forms, locale forms, tabular figures for the annual
  report's tables), not fractions or numerators.
- Noto Sans Arabic 400/700: the Arabic block U+0600-06FF (Arabic, Persian, Urdu letters,
  Arabic-Indic digits) and the presentation forms B (text copied from PDFs), not the
  supplement/extended blocks for other languages and not the presentation forms A (about 470
  precomposed ligatures that no keyboard types). The shaping tables stay complete for what is
  kept. Characters outside the kept ranges are drawn in the fallback face (app/fonts.css
  unicode-range says which).

Needs fontTools with brotli (pip install fonttools brotli). Usage:
  python3 scripts/perf/subset-fonts.py SOURCE_DIR
SOURCE_DIR holds the unsubsetted files of @fontsource-variable/inter 5.3.0 and
@fontsource/noto-sans-arabic 5.3.0 (their "files/" folders; in this repository's history the
files before this script were exactly those). Writes public/fonts/<name>.<sha256[:8]>.woff2 and
prints the names for app/fonts.css and lib/fonts.ts (tests/unit/fonts.test.ts checks hashes and
fallback metrics).
"""
import hashlib
import io
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OUT = os.path.join(ROOT, 'public', 'fonts')

INTER_FEATURES = ['kern', 'calt', 'ccmp', 'locl', 'liga', 'mark', 'mkmk', 'tnum']
ARABIC_KEEP = [(0x0000, 0x00FF), (0x0600, 0x06FF), (0x2000, 0x206F), (0x2E41, 0x2E41), (0xFE70, 0xFEFC)]


def woff2(font: TTFont) -> bytes:
    font.flavor = 'woff2'
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def subsetted(font: TTFont, unicodes, features) -> TTFont:
    options = subset.Options()
    options.layout_features = features
    options.name_IDs = ['*']
    options.notdef_outline = True
    options.flavor = 'woff2'
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def write(stem: str, data: bytes) -> None:
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:8]}.woff2"
    with open(os.path.join(OUT, name), 'wb') as handle:
        handle.write(data)
    print(f"{name}\t{len(data)} bytes")


def main(source: str) -> None:
    for file in sorted(os.listdir(source)):
        match = re.match(r'(inter-[a-z-]+-wght-normal|noto-sans-arabic-arabic-(?:400|700)-normal)(?:\.[0-9a-f]{8})?\.woff2$', file)
        if not match:
            continue
        stem = match.group(1)
        font = TTFont(os.path.join(source, file))
        unicodes = list(font.getBestCmap().keys())
        if stem.startswith('inter'):
            # Instancing first, then subsetting the re-read result (the instancer leaves lazy tables).
            limited = TTFont(io.BytesIO(woff2(instancer.instantiateVariableFont(font, {'wght': (400, 700)}))))
            write(stem, woff2(subsetted(limited, unicodes, INTER_FEATURES)))
        else:
            kept = [code for code in unicodes if any(low <= code <= high for low, high in ARABIC_KEEP)]
            write(stem, woff2(subsetted(font, kept, ['*'])))


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
