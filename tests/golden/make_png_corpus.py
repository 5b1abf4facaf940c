#!/usr/bin/env python3
"""Writes the PNG corpus of tests/core/test_png.cpp: small images of every colour type and bit depth.

Run:  python3 tests/golden/make_png_corpus.py > /tmp/png_corpus.inc
It writes each image to tests/data/png/NAME.png with its expected gray values in NAME.txt (width,
height, then one value per pixel, row-major), and prints the C++ source that test_png.cpp embeds
between its "corpus" markers (the tests also run under node, without a filesystem).

The encoder is written here with zlib and struct only. Rows cycle through the five filter types
(None, Sub, Up, Average, Paeth), so every filter is exercised at every pixel width; two images are
Adam7-interlaced and one splits its data over several IDAT chunks. Expected gray values follow the
decoder's documented rule: luminance 0.299 R + 0.587 G + 0.114 B for colour (plain value for gray),
multiplied by alpha (composited on black). Deterministic: no timestamps, no randomness.
"""
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "data", "png")

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(samples, depth):
    """Packs a row of samples (ints) at `depth` bits, most significant first, padded to a byte."""
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_row(kind, row, prev, bpp):
    out = bytearray()
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out.append((x - pred) & 0xFF)
    return bytes([kind]) + bytes(out)


def scanlines(pixels, width, height, color_type, depth, interlaced, first_filter):
    """pixels[y][x] is a tuple of samples. Returns the filtered scanline bytes."""
    channels = CHANNELS[color_type]
    bpp = max(1, channels * depth // 8)
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    out = bytearray()
    filt = first_filter
    for x0, y0, dx, dy in passes:
        xs = list(range(x0, width, dx))
        ys = list(range(y0, height, dy))
        if not xs or not ys:
            continue
        prev = None
        for y in ys:
            samples = [s for x in xs for s in pixels[y][x]]
            row = pack_row(samples, depth)
            if prev is None:
                prev = bytes(len(row))
            out += filter_row(filt % 5, row, prev, bpp)
            filt += 1
            prev = row
    return bytes(out)


def make_png(width, height, color_type, depth, pixels, palette=None, trns=None, interlaced=False,
             idat_pieces=1, first_filter=0):
    raw = scanlines(pixels, width, height, color_type, depth, interlaced, first_filter)
    data = zlib.compress(raw, 9)
    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 1 if interlaced else 0))
    out += chunk(b"tEXt", b"Comment\x00ML Playground test image")  # an ancillary chunk to skip
    if palette is not None:
        out += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    if trns is not None:
        out += chunk(b"tRNS", trns)
    step = (len(data) + idat_pieces - 1) // idat_pieces
    for i in range(0, len(data), step):
        out += chunk(b"IDAT", data[i:i + step])
    out += chunk(b"IEND", b"")
    return out


def expected_gray(width, height, color_type, depth, pixels, palette=None, trns=None):
    top = (1 << depth) - 1
    values = []
    for y in range(height):
        for x in range(width):
            s = pixels[y][x]
            alpha = 1.0
            if color_type == 3:
                r, g, b = (v / 255.0 for v in palette[s[0]])
                if trns is not None and s[0] < len(trns):
                    alpha = trns[s[0]] / 255.0
                value = 0.299 * r + 0.587 * g + 0.114 * b
            elif color_type in (0, 4):
                value = s[0] / top
                if color_type == 4:
                    alpha = s[1] / top
                if trns is not None and s[0] == struct.unpack(">H", trns)[0]:
                    alpha = 0.0
            else:
                r, g, b = (v / top for v in s[:3])
                value = 0.299 * r + 0.587 * g + 0.114 * b
                if color_type == 6:
                    alpha = s[3] / top
                if trns is not None and tuple(s[:3]) == struct.unpack(">HHH", trns):
                    alpha = 0.0
            values.append(min(1.0, value * alpha))
    return values


def pattern(width, height, channels, top, seed):
    """Deterministic samples covering 0 and the maximum, varied enough for every filter to matter."""
    pixels = []
    state = seed
    for y in range(height):
        row = []
        for x in range(width):
            px = []
            for c in range(channels):
                state = (state * 1103515245 + 12345) & 0x7FFFFFFF
                if (x + y + c) % 7 == 0:
                    px.append(top)
                elif (x * 3 + y + c) % 5 == 0:
                    px.append(0)
                else:
                    px.append((state >> 8) % (top + 1))
            row.append(tuple(px))
        pixels.append(row)
    return pixels


def corpus():
    cases = []
    seed = 1
    for color_type, depths in [(0, [1, 2, 4, 8, 16]), (2, [8, 16]), (3, [1, 2, 4, 8]), (4, [8, 16]), (6, [8, 16])]:
        for depth in depths:
            seed += 1
            width, height = 7, 6  # odd width: packed rows end mid-byte
            palette = trns = None
            if color_type == 3:
                entries = min(1 << depth, 6)
                palette = [((37 * i) % 256, (91 * i + 20) % 256, (53 * i + 200) % 256) for i in range(entries)]
                pixels = pattern(width, height, 1, entries - 1, seed)
                if depth == 8:
                    trns = bytes([0, 128])  # entry 0 transparent, entry 1 half, others opaque
            else:
                pixels = pattern(width, height, CHANNELS[color_type], (1 << depth) - 1, seed)
            name = "ct%d_d%d" % (color_type, depth)
            cases.append((name, width, height, color_type, depth, pixels, palette, trns, False, 1, seed % 5))
    # Transparency keys for gray and RGB, Adam7 images (one 1×1: six empty passes), several IDATs.
    px = pattern(5, 4, 1, 255, 99)
    cases.append(("gray_trns", 5, 4, 0, 8, px, None, struct.pack(">H", px[0][1][0]), False, 1, 0))
    px = pattern(5, 4, 3, 65535, 98)
    cases.append(("rgb16_trns", 5, 4, 2, 16, px, None, struct.pack(">HHH", *px[1][2]), False, 1, 2))
    cases.append(("adam7_gray8", 11, 10, 0, 8, pattern(11, 10, 1, 255, 7), None, None, True, 1, 0))
    cases.append(("adam7_rgba16", 9, 9, 6, 16, pattern(9, 9, 4, 65535, 8), None, None, True, 1, 3))
    cases.append(("adam7_gray1_1x1", 1, 1, 0, 1, [[(1,)]], None, None, True, 1, 0))
    cases.append(("split_idat", 16, 12, 2, 8, pattern(16, 12, 3, 255, 9), None, None, False, 4, 4))
    return cases


def literal(name, data):
    rows = [", ".join("0x%02x" % b for b in data[i:i + 20]) for i in range(0, len(data), 20)]
    return "const unsigned char %s[] = {\n    %s};\n" % (name, ",\n    ".join(rows))


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    cpp = ["// ---- corpus (generated by: python3 tests/golden/make_png_corpus.py) ----\n"]
    table = []
    for name, w, h, ct, depth, pixels, palette, trns, interlaced, pieces, first in corpus():
        png = make_png(w, h, ct, depth, pixels, palette, trns, interlaced, pieces, first)
        gray = expected_gray(w, h, ct, depth, pixels, palette, trns)
        with open(os.path.join(OUT_DIR, name + ".png"), "wb") as f:
            f.write(png)
        with open(os.path.join(OUT_DIR, name + ".txt"), "w") as f:
            f.write("%d %d\n" % (w, h))
            f.write(" ".join("%.7f" % v for v in gray) + "\n")
        ident = "k_" + name
        cpp.append(literal(ident, png))
        cpp.append("const float %s_gray[] = {%s};\n" % (ident, ", ".join("%.7ff" % v for v in gray)))
        table.append('    {"%s", %s, sizeof %s, %d, %d, %d, %d, %s, %s_gray},\n'
                     % (name, ident, ident, w, h, ct, depth, "true" if interlaced else "false", ident))
    cpp.append("const PngCase kPngCases[] = {\n" + "".join(table) + "};\n")
    cpp.append("// ---- end of corpus ----\n")
    sys.stdout.write("".join(cpp))


if __name__ == "__main__":
    main()
