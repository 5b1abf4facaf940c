#!/usr/bin/env python3
"""Fit and predict times of our classic models next to scikit-learn 1.2.1's on the same arrays.

  /usr/bin/python3 bench/classic_bench.py [--bench build/native/bench/bench_classic]

Writes each task's arrays (NumPy RandomState, fixed seeds) to a temporary folder, runs our native
bench_classic on them, times scikit-learn on the same arrays in this process, and prints a table
with the ratios (ours / scikit-learn; below 1 is faster). Not a test: figures vary with the machine.
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", default="build/native/bench/bench_classic")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        reference = {}
        names = {}
        for name, title, x, y, model in tasks():
            np.save(os.path.join(folder, name + "_x.npy"), x)
            np.save(os.path.join(folder, name + "_y.npy"), y)
            start = time.perf_counter(); model.fit(x, y) if name not in ("kmeans", "pca", "gmm") else model.fit(x)
            fit = time.perf_counter() - start
            start = time.perf_counter(); (model.transform(x) if name == "pca" else model.predict(x))
            reference[name] = (fit, time.perf_counter() - start)
            names[name] = title
        output = subprocess.run([args.bench, folder], check=True, capture_output=True, text=True).stdout
    print("%-44s %10s %10s %7s | %10s %10s %7s" % ("task", "ours fit", "sk fit", "ratio", "ours pred", "sk pred", "ratio"))
    for line in output.splitlines():
        ours = json.loads(line)
        sk_fit, sk_pred = reference[ours["task"]]
        print("%-44s %9.4fs %9.4fs %7.2f | %9.4fs %9.4fs %7.2f" % (
            names[ours["task"]], ours["fit_s"], sk_fit, ours["fit_s"] / sk_fit, ours["predict_s"], sk_pred,
            ours["predict_s"] / max(sk_pred, 1e-9)))


if __name__ == "__main__":
    sys.exit(main())
