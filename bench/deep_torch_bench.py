#!/usr/bin/env python3
"""PyTorch's side of the deep-learning benchmark (issue 5 §6): training samples per second of the
three networks of core/bench/deep_tasks.h, built with the same shapes, batch sizes and optimisers,
on random seeded data, timed like ours (5 warm-up steps, then steps until `--seconds` have passed).
Figures only; nothing passes or fails.

  mlp  784-128-10 relu; cross-entropy; SGD 0.1; batch 64
  cnn  SimpleClassifier: conv16 3x3 pad 1, relu, max-pool 2, conv32 3x3 pad 1, relu, max-pool 2,
       dense 128 relu, dense 10; cross-entropy; Adam 1e-3; batch 32
  vae  conv-VAE, 2-D latent: conv32 3x3 s2 relu, conv64 3x3 s2 relu, flatten, dense 4 (mean and
       log-variance); z = mean + exp(logvar / 2) * eps; dense 7*7*32 relu, reshape, convT32 3x3 s2
       same relu, convT64 3x3 s2 same relu, convT1 3x3 s1 same; Bernoulli (sigmoid cross-entropy)
       reconstruction summed per image + KL, averaged over the batch; Adam 1e-3; batch 64

Prints one JSON line per task and thread count:
  {"task": "cnn", "threads": 1, "batch": 32, "steps": ..., "seconds": ..., "samples_per_second": ...,
   "final_loss": ..., "torch": "1.13.1", "blas": "/usr/lib/.../libblas.so.3"}
Usage: python3 bench/deep_torch_bench.py [--seconds 3] [--threads 1,2] [task ...]
Needs Debian's python3-torch (scripts/setup.sh --bench installs it). Debian builds torch against the
generic libblas.so.3, which is the slow reference BLAS unless OpenBLAS is the system's choice: its
dense layers (and the transposed convolutions' GEMMs) then run far below PyTorch's usual speed.
scripts/setup.sh --bench unpacks Debian's OpenBLAS into bench/openblas/ without installing it;
bench/deep_web_bench.mjs puts it first on LD_LIBRARY_PATH. The "blas" field names the library used.
"""
import argparse
import ctypes
import json
import time

import torch
from torch import nn
import torch.nn.functional as F

WARMUP_STEPS = 5
BATCH_POOL = 8  # distinct random batches, cycled


class Vae(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.ReLU(),   # 14x14x32
            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),  # 7x7x64
            nn.Flatten(), nn.Linear(7 * 7 * 64, 4))
        # "same" transposed convolutions with stride 2: output = 2 x input (TF's padding='same').
        self.decoder = nn.Sequential(
            nn.Linear(2, 7 * 7 * 32), nn.ReLU(), nn.Unflatten(1, (32, 7, 7)),
            nn.ConvTranspose2d(32, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),  # 14x14
            nn.ConvTranspose2d(32, 64, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),  # 28x28
            nn.ConvTranspose2d(64, 1, 3, stride=1, padding=1))

    def loss(self, x):
        mean, logvar = self.encoder(x).chunk(2, dim=1)
        z = mean + torch.exp(0.5 * logvar) * torch.randn_like(mean)
        logits = self.decoder(z)
        reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction='sum') / x.shape[0]
        kl = -0.5 * torch.sum(1 + logvar - mean.pow(2) - logvar.exp()) / x.shape[0]
        return reconstruction + kl


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(7 * 7 * 32, 128), nn.ReLU(), nn.Linear(128, 10))


# task -> (model factory, batch, optimiser factory, supervised)
TASKS = {
    'mlp': (mlp, 64, lambda p: torch.optim.SGD(p, lr=0.1), True),
    'cnn': (cnn, 32, lambda p: torch.optim.Adam(p, lr=1e-3), True),
    'vae': (Vae, 64, lambda p: torch.optim.Adam(p, lr=1e-3), False),
}


def blas_library():
    """Path of the libblas.so.3 this process loaded (torch links it)."""
    with open('/proc/self/maps') as maps:
        paths = {line.split()[-1] for line in maps if 'libblas' in line or 'openblas' in line}
    return ', '.join(sorted(p for p in paths if p.startswith('/'))) or '?'


def set_blas_threads(threads):
    """OpenBLAS keeps its own thread count (torch only sets OpenMP's for a generic BLAS)."""
    try:
        ctypes.CDLL('libblas.so.3').openblas_set_num_threads(threads)
    except (OSError, AttributeError):
        pass  # reference BLAS: single-threaded anyway


def run(task, threads, seconds):
    make, batch, make_optimizer, supervised = TASKS[task]
    torch.set_num_threads(threads)
    set_blas_threads(threads)
    torch.manual_seed(1234)
    model = make()
    model.train()
    optimizer = make_optimizer(model.parameters())
    x = torch.rand(BATCH_POOL, batch, 1, 28, 28)
    y = torch.randint(0, 10, (BATCH_POOL, batch))
    state = {'next': 0}

    def step():
        i = state['next']
        state['next'] = (i + 1) % BATCH_POOL
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x[i]), y[i]) if supervised else model.loss(x[i])
        loss.backward()
        optimizer.step()
        return loss

    for _ in range(WARMUP_STEPS):
        step()
    steps, start = 0, time.perf_counter()
    while True:
        loss = step()
        steps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    return {'task': task, 'threads': torch.get_num_threads(), 'batch': batch, 'steps': steps,
            'seconds': elapsed, 'samples_per_second': steps * batch / elapsed,
            'final_loss': float(loss.item()), 'torch': torch.__version__, 'blas': blas_library()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seconds', type=float, default=3.0)
    parser.add_argument('--threads', default='1,2')
    parser.add_argument('tasks', nargs='*', default=list(TASKS))
    args = parser.parse_args()
    torch.set_num_interop_threads(1)  # one pool of workers, as ours
    for task in args.tasks:
        if task not in TASKS:
            parser.error(f'unknown task {task} (known: {", ".join(TASKS)})')
        for n in (int(t) for t in args.threads.split(',') if t):
            print(json.dumps(run(task, n, args.seconds)), flush=True)


if __name__ == '__main__':
    main()
