#!/usr/bin/env python3
"""Fit and predict times of our classic models next to scikit-learn 1.2.1's on the same arrays.

  /usr/bin/python3 bench/classic_bench.py [--bench build/native/bench/bench_classic] [--json]

Draws each task's arrays (NumPy RandomState(0)), times scikit-learn on them in this process, saves
them to a temporary folder and runs our native bench_classic, which draws the same arrays in C++
(core/bench/classic_tasks, also used by the web builds) and reports how far they are from NumPy's.
Prints a table with the ratios (ours / scikit-learn; below 1 is faster) and whether the arrays were
identical; --json prints one JSON object instead (used by bench/classic_web_bench.mjs).
Not a test: figures vary with the machine. The BLAS/LAPACK NumPy loaded is printed: Debian's is the
slow reference BLAS, which makes scikit-learn's BLAS-bound tasks (PCA, GP, kernel ridge fit) look
much slower than with pip's OpenBLAS wheels.
"""
import argparse, json, os, subprocess, sys, tempfile, time
import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestRegressor
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel
from sklearn.kernel_ridge import KernelRidge
from sklearn.linear_model import LogisticRegression
from sklearn.mixture import GaussianMixture


def tasks():
    rng = np.random.RandomState(0)
    x = rng.randn(1599, 11); y = np.clip(np.round(5.6 + x[:, :3].sum(1) * 0.4 + rng.randn(1599) * 0.6), 3, 8)
    yield "forest", "random forest 100 trees depth 8, 1599×11", x, y, RandomForestRegressor(100, max_depth=8, random_state=0)
    centres = rng.uniform(-10, 10, (4, 2)); x = np.vstack([c + rng.randn(1250, 2) for c in centres])
    yield "kmeans", "k-means k=4, 10 inits, 5000×2", x, np.zeros(len(x)), KMeans(4, n_init=10, random_state=0)
    x = rng.rand(5000, 784)
    yield "pca", "PCA (50 components) of 5000×784", x, np.zeros(5000), PCA(50, svd_solver="full")
    x = np.vstack([c + rng.randn(1250, 2) for c in centres])
    yield "gmm", "Gaussian mixture k=4, 5000×2", x, np.zeros(len(x)), GaussianMixture(4, random_state=0)
    x = rng.rand(2000, 1) * 4; y = np.sin(3 * x[:, 0]) + 0.1 * rng.randn(2000)
    yield "gp", "Gaussian process (fixed kernel), N=2000", x, y, GaussianProcessRegressor(ConstantKernel(1.0) * RBF(1.0), alpha=1e-2, optimizer=None)
    yield "krr", "kernel ridge RBF, N=2000", x, y, KernelRidge(alpha=1.0, kernel="rbf", gamma=1.0)
    x = rng.randn(10000, 20); y = (x[:, :5].sum(1) + rng.randn(10000) > 0).astype(float)
    yield "logistic", "logistic regression, 10000×20", x, y, LogisticRegression()


def blas_libraries():
    """The BLAS/LAPACK libraries NumPy and SciPy loaded (Debian's default is the slow reference BLAS)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line or "lapack" in line}
        return sorted({os.path.realpath(p) for p in paths if p.startswith("/") and ".cpython-" not in p})
    except OSError:
        return []


def time_sklearn(folder):
    """Saves each task's arrays to `folder` and times scikit-learn on them: {task: (title, fit_s, predict_s)}."""
    reference = {}
    for name, title, x, y, model in tasks():
        np.save(os.path.join(folder, name + "_x.npy"), x)
        np.save(os.path.join(folder, name + "_y.npy"), y)
        start = time.perf_counter(); model.fit(x, y) if name not in ("kmeans", "pca", "gmm") else model.fit(x)
        fit = time.perf_counter() - start
        start = time.perf_counter(); (model.transform(x) if name == "pca" else model.predict(x))
        reference[name] = (title, fit, time.perf_counter() - start)
    return reference


def run_native(bench, folder):
    """Our native timings, one dict per task (with x_max_diff / y_max_diff against the saved arrays)."""
    output = subprocess.run([bench, "--compare", folder], check=True, capture_output=True, text=True).stdout
    return {line["task"]: line for line in map(json.loads, output.splitlines())}


def identical(ours):
    return ours.get("x_max_diff") == 0 and ours.get("y_max_diff") == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", default="build/native/bench/bench_classic")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (sklearn's and, when --bench exists, our native timings) instead of the table")
    args = parser.parse_args()
    import sklearn
    have_native = os.path.exists(args.bench)
    with tempfile.TemporaryDirectory() as folder:
        reference = time_sklearn(folder)
        if not have_native and not args.json:
            sys.exit("no %s: build it (cmake --build build/native --target bench_classic) or pass --bench" % args.bench)
        native = run_native(args.bench, folder) if have_native else {}
    if args.json:
        rows = []
        for name, (title, sk_fit, sk_pred) in reference.items():
            row = {"task": name, "title": title, "sklearn_fit_s": sk_fit, "sklearn_predict_s": sk_pred}
            if name in native:
                row.update(native_fit_s=native[name]["fit_s"], native_predict_s=native[name]["predict_s"],
                           arrays_identical=identical(native[name]), x_max_diff=native[name].get("x_max_diff"),
                           y_max_diff=native[name].get("y_max_diff"))
            rows.append(row)
        print(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "blas": blas_libraries(), "tasks": rows}))
        return 0
    print("scikit-learn %s, NumPy %s, BLAS/LAPACK: %s" % (sklearn.__version__, np.__version__, ", ".join(blas_libraries()) or "?"))
    print("%-44s %10s %10s %7s | %10s %10s %7s" % ("task", "ours fit", "sk fit", "ratio", "ours pred", "sk pred", "ratio"))
    for name, ours in native.items():
        title, sk_fit, sk_pred = reference[name]
        print("%-44s %9.4fs %9.4fs %7.2f | %9.4fs %9.4fs %7.2f" % (
            title, ours["fit_s"], sk_fit, ours["fit_s"] / sk_fit, ours["predict_s"], sk_pred,
            ours["predict_s"] / max(sk_pred, 1e-9)))
    different = ["%s (x %s, y %s)" % (n, o.get("x_max_diff"), o.get("y_max_diff")) for n, o in native.items() if not identical(o)]
    print("arrays: C++ (core/bench/classic_tasks) and NumPy " +
          ("identical for every task" if not different else "differ: max |diff| " + ", ".join(different)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
