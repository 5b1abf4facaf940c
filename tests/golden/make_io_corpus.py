#!/usr/bin/env python3
"""Prints the byte-array corpus that tests/core/test_io_{inflate,npy,npz,idx}.cpp embed.

Run with Debian's python3-numpy:  /usr/bin/python3 tests/golden/make_io_corpus.py SECTION
where SECTION is inflate, npy, npz or idx. The output (C++ source) is pasted into the matching test
between the "corpus" markers; the tests run without a filesystem (also under node), so the bytes
live in the source. Everything is deterministic (gzip mtime 0, fixed seeds) except the npz section:
zipfile stamps each entry with the current time, so its bytes differ from run to run in those fields
only (the tests do not look at them).
"""
import gzip
import io
import struct
import sys
import zipfile
import zlib

import numpy as np


def literal(name, data):
    rows = [", ".join("0x%02x" % b for b in data[i:i + 20]) for i in range(0, len(data), 20)]
    body = ",\n    ".join(rows)
    return "const unsigned char %s[] = {\n    %s};\n" % (name, body)


def lcg_text(count, seed):
    """Pseudo-random letters a..p; tests/core/test_io_inflate.cpp regenerates the same sequence."""
    out = bytearray()
    state = seed
    for _ in range(count):
        state = (state * 1103515245 + 12345) & 0xFFFFFFFF
        out.append(ord("a") + ((state >> 16) & 15))
    return bytes(out)


def repetitive(count):
    """64 KiB of a sentence repeated; the test regenerates it."""
    sentence = b"The quick brown fox jumps over the lazy dog. "
    return (sentence * (count // len(sentence) + 1))[:count]


class BitWriter:
    """LSB-first bit packing as in RFC 1951 section 3.1.1, for hand-made (broken) streams."""

    def __init__(self):
        self.bits = []

    def put(self, value, count):
        self.bits += [(value >> i) & 1 for i in range(count)]

    def put_code(self, code, length):  # Huffman codes go most significant bit first
        self.bits += [(code >> (length - 1 - i)) & 1 for i in range(length)]

    def data(self):
        padded = self.bits + [0] * (-len(self.bits) % 8)
        return bytes(sum(padded[i + j] << j for j in range(8)) for i in range(0, len(padded), 8))


def block_type(raw_deflate):
    return (raw_deflate[0] >> 1) & 3


def raw_deflate(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def section_inflate():
    out = []
    fixed = zlib.compress(b"hello hello hello hello, deflate!", 9)
    assert block_type(fixed[2:]) == 1
    out.append(literal("kZlibFixed", fixed))  # "hello hello hello hello, deflate!"
    stored = zlib.compress(b"stored block: bytes kept as they are", 0)
    assert block_type(stored[2:]) == 0
    out.append(literal("kZlibStored", stored))
    text = b"".join(b"line %d: the value is %d\n" % (i, i * i % 97) for i in range(60))
    dynamic = zlib.compress(text, 9)
    assert block_type(dynamic[2:]) == 2
    out.append(literal("kZlibDynamic", dynamic))  # lines "line i: the value is (i*i%97)\n", i < 60
    random_raw = raw_deflate(lcg_text(20 * 1024, 2024))
    assert block_type(random_raw) == 2
    out.append(literal("kRawRandom20K", random_raw))  # lcg_text(20480, seed 2024), raw DEFLATE
    out.append(literal("kGzipRepetitive64K", gzip.compress(repetitive(65536), 9, mtime=0)))
    named = io.BytesIO()
    with gzip.GzipFile(filename="notes.txt", mode="wb", fileobj=named, mtime=0) as f:
        f.write(b"gzip member with a file name")
    out.append(literal("kGzipWithName", named.getvalue()))
    two = gzip.compress(b"first member, ", mtime=0) + gzip.compress(b"second member", mtime=0)
    out.append(literal("kGzipTwoMembers", two))

    # Broken streams. Block type 3 (reserved):
    out.append(literal("kRawBadBlockType", bytes([0x07, 0x00])))
    # Dynamic block whose 19 code-length codes all have length 1 (over-subscribed):
    w = BitWriter()
    w.put(1, 1); w.put(2, 2); w.put(0, 5); w.put(0, 5); w.put(15, 4)
    for _ in range(19):
        w.put(1, 3)
    out.append(literal("kRawOversubscribedLengths", w.data()))
    # Dynamic block whose literal/length code lacks the end-of-block symbol 256: code-length code
    # gives symbols 0 and 8 one bit each; all 257 literal lengths are 8... except 256, which is 0.
    w = BitWriter()
    w.put(1, 1); w.put(2, 2); w.put(0, 5); w.put(0, 5); w.put(14, 4)  # HCLEN 18 covers symbol 8
    order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
    for sym in order:
        w.put(1 if sym in (0, 8) else 0, 3)
    for i in range(257 + 1):  # symbol 0 -> code 0, symbol 8 -> code 1
        w.put_code(0 if i == 256 else 1, 1)
    out.append(literal("kRawMissingEndOfBlock", w.data()))
    # Fixed block: literal 'a', then a match of length 3 at distance 5 (only 1 byte written so far):
    w = BitWriter()
    w.put(1, 1); w.put(1, 2)
    w.put_code(0x30 + ord("a"), 8)
    w.put_code(0b0000001, 7)  # length symbol 257 = length 3
    w.put_code(4, 5)          # distance symbol 4 = distances 5..6, one extra bit
    w.put(0, 1)
    w.put_code(0, 7)          # end of block
    out.append(literal("kRawDistanceTooFar", w.data()))
    # Stored block whose NLEN is not the complement of LEN:
    out.append(literal("kRawStoredBadLength", bytes([0x01, 0x05, 0x00, 0x00, 0x00]) + b"abcde"))
    return "".join(out)


def npy_bytes(array, version=None):
    f = io.BytesIO()
    if version is None:
        np.save(f, array, allow_pickle=True)
    else:
        np.lib.format.write_array(f, array, version=version, allow_pickle=False)
    return f.getvalue()


DTYPE_NAMES = {"b1": "kBool", "i1": "kInt8", "u1": "kUInt8", "i2": "kInt16", "u2": "kUInt16", "i4": "kInt32",
               "u4": "kUInt32", "i8": "kInt64", "u8": "kUInt64", "f4": "kFloat32", "f8": "kFloat64"}
DTYPE_VALUES = {
    "b1": [True, False, True, True, False, False],
    "i1": [-128, -1, 0, 1, 100, 127],
    "u1": [0, 1, 2, 128, 254, 255],
    "i2": [-32768, -1, 0, 1, 1000, 32767],
    "u2": [0, 1, 255, 256, 40000, 65535],
    "i4": [-2147483648, -1, 0, 1, 123456789, 2147483647],
    "u4": [0, 1, 65536, 3000000000, 4294967294, 4294967295],
    "i8": [-2 ** 53, -1, 0, 1, 2 ** 40 + 3, 2 ** 53],
    "u8": [0, 1, 2 ** 32, 2 ** 53, 2 ** 60, 2 ** 63],
    "f4": [-1.5, 0.0, 3.25, 1e-3, 65504.0, -7.0e-20],
    "f8": [-1.5, 0.0, 3.141592653589793, 1e-300, 1e300, -2.5],
}


def case(label, name, data, dtype, array):
    shape = ", ".join(str(d) for d in array.shape)
    values = ", ".join(repr(float(v)) for v in np.ascontiguousarray(array).reshape(-1))
    return ('    {"%s", %s, sizeof(%s), mlp::io::DType::%s, {%s}, {%s}},\n'
            % (label, name, name, dtype, shape, values))


def section_npy():
    out, cases = [], []
    for code, values in DTYPE_VALUES.items():
        for order, tag in (("<", "le"), (">", "be")):
            if code in ("b1", "i1", "u1") and order == ">":
                continue
            descr = ("|" if code in ("b1", "i1", "u1") else order) + code
            array = np.array(values, dtype=descr).reshape(2, 3)
            name = "kNpy_%s_%s" % (code, tag)
            out.append(literal(name, npy_bytes(array)))
            cases.append(case(descr, name, None, DTYPE_NAMES[code], array))
    shapes = {"rank0": np.array(2.5), "rank1": np.arange(5, dtype="<f8") / 4,
              "rank4": np.arange(12, dtype="<i2").reshape(2, 1, 3, 2), "empty": np.zeros((0, 3), dtype="<f4")}
    dt = {"rank0": "kFloat64", "rank1": "kFloat64", "rank4": "kInt16", "empty": "kFloat32"}
    for label, array in shapes.items():
        out.append(literal("kNpy_" + label, npy_bytes(array)))
        cases.append(case(label, "kNpy_" + label, None, dt[label], array))
    fortran = {"fortran_i4_2x3x4": np.asfortranarray(np.arange(24, dtype="<i4").reshape(2, 3, 4)),
               "fortran_f8_be_3x2": np.asfortranarray(np.array([[1.5, -2], [3, 4.25], [5, 6e10]], dtype=">f8"))}
    for label, array in fortran.items():
        data = npy_bytes(array)
        assert b"'fortran_order': True" in data
        out.append(literal("kNpy_" + label, data))
        cases.append(case(label, "kNpy_" + label, None, "kInt32" if "i4" in label else "kFloat64", array))
    versioned = np.array([[1.0, -2.0], [0.5, 8.0]], dtype="<f8")
    for major in (1, 2, 3):
        data = npy_bytes(versioned, (major, 0))
        assert data[6] == major
        out.append(literal("kNpy_v%d" % major, data))
        cases.append(case("version %d.0" % major, "kNpy_v%d" % major, None, "kFloat64", versioned))
    out.append("const NpyCase kNpyCases[] = {\n" + "".join(cases) + "};\n")
    out.append(literal("kNpyNanInf", npy_bytes(np.array([np.nan, np.inf, -np.inf, 1.0], dtype="<f8"))))
    out.append(literal("kNpyNanInfF4", npy_bytes(np.array([np.nan, np.inf, -np.inf, 1.0], dtype=">f4"))))
    out.append(literal("kNpyObject", npy_bytes(np.array([1, "two", None], dtype=object))))
    out.append(literal("kNpyStructured", npy_bytes(np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))))
    out.append(literal("kNpyComplex", npy_bytes(np.array([1 + 2j, 3 - 1j]))))
    out.append(literal("kNpyText", npy_bytes(np.array(["ab", "c"]))))
    out.append(literal("kNpyFloat16", npy_bytes(np.array([1.0, 2.0], dtype="<f2"))))
    return "".join(out)


class Unseekable:
    """A write-only stream: zipfile then writes data descriptors after each entry."""

    def __init__(self):
        self.buffer = io.BytesIO()

    def write(self, data):
        return self.buffer.write(data)

    def flush(self):
        pass


def section_npz():
    out = []
    a = np.arange(6, dtype="<f8").reshape(2, 3) / 2
    b = np.array([3, 1, 4, 1, 5], dtype="<i4")
    for label, save in (("kNpzStored", np.savez), ("kNpzDeflated", np.savez_compressed)):
        f = io.BytesIO()
        save(f, features=a, labels=b)
        out.append(literal(label, f.getvalue()))
    f = io.BytesIO()
    np.savez_compressed(f, big=np.tile(np.arange(100, dtype="<f4"), 50).reshape(50, 100))
    out.append(literal("kNpzDeflatedBig", f.getvalue()))  # big[r][c] = c, shape 50x100
    stream = Unseekable()
    with zipfile.ZipFile(stream, mode="w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("weights.npy", npy_bytes(np.array([0.25, -1.0, 2.0], dtype="<f4")))
    data = stream.buffer.getvalue()
    assert struct.unpack("<H", data[6:8])[0] & 8, "expected a data descriptor"
    out.append(literal("kNpzDataDescriptor", data))
    f = io.BytesIO()
    with zipfile.ZipFile(f, mode="w") as z:
        z.writestr("readme.txt", b"not an array")
    out.append(literal("kZipNotNpy", f.getvalue()))
    return "".join(out)


def idx_bytes(array, code):
    header = bytes([0, 0, code, array.ndim]) + b"".join(struct.pack(">I", d) for d in array.shape)
    return header + array.astype(array.dtype.newbyteorder(">")).tobytes()


def section_idx():
    out = []
    images = (np.arange(60) * 37 % 256).astype(np.uint8).reshape(3, 4, 5)
    out.append(literal("kIdxImages", idx_bytes(images, 0x08)))  # value[i] = i * 37 % 256, shape 3x4x5
    out.append(literal("kIdxImagesGz", gzip.compress(idx_bytes(images, 0x08), 9, mtime=0)))
    out.append(literal("kIdxLabels", idx_bytes(np.array([7, 2, 1, 0, 4], dtype=np.uint8), 0x08)))
    out.append(literal("kIdxInt8", idx_bytes(np.array([-128, -1, 0, 127], dtype=np.int8), 0x09)))
    out.append(literal("kIdxInt16", idx_bytes(np.array([[-32768, 1], [2, 32767]], dtype=np.int16), 0x0B)))
    out.append(literal("kIdxInt32", idx_bytes(np.array([-2147483648, 65536, 2147483647], dtype=np.int32), 0x0C)))
    out.append(literal("kIdxFloat32", idx_bytes(np.array([1.5, -0.25, 1e-3], dtype=np.float32), 0x0D)))
    out.append(literal("kIdxFloat64", idx_bytes(np.array([[np.pi, -1e300], [np.nan, np.inf]]), 0x0E)))
    return "".join(out)


if __name__ == "__main__":
    sections = {"inflate": section_inflate, "npy": section_npy, "npz": section_npz, "idx": section_idx}
    if len(sys.argv) != 2 or sys.argv[1] not in sections:
        sys.exit("usage: make_io_corpus.py {%s}" % ",".join(sections))
    sys.stdout.write(sections[sys.argv[1]]())
