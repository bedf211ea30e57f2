"""Peer of `sylva bench tsc`: the FCN of Wang et al. / dl-4-tsc trained in PyTorch (Debian python3-torch),
the same way Sylva trains it, on the same CBF training file, with the same thread count.

Same network (Conv1D 128/8, 256/5, 128/3 with TensorFlow 'same' padding, BatchNorm momentum 0.99 / eps 1e-3
in Keras terms, ReLU, global average pooling, dense), same initialisation scheme (Glorot uniform weights, zero
biases), same optimiser (Adam lr 1e-3, eps 1e-7), same loss (Keras' clipped categorical cross-entropy), same
batch size and per-epoch shuffling, same reduce-on-plateau schedule and best-loss weight copy. Prints one JSON
line with the measured epochs per second.

usage: tsc_peer.py TRAIN_TSV --epochs N --warmup W --threads T --batch B --seed S
"""
import argparse
import copy
import json
import time

import numpy as np
import torch
import torch.nn.functional as F


class SameConv1d(torch.nn.Module):
    """Conv1d with TensorFlow/Keras 'same' padding: (k-1)//2 zeros on the left, the rest on the right."""

    def __init__(self, cin, cout, k):
        super().__init__()
        self.left = (k - 1) // 2
        self.right = k - 1 - self.left
        self.conv = torch.nn.Conv1d(cin, cout, k)

    def forward(self, x):
        return self.conv(F.pad(x, (self.left, self.right)))


class Fcn(torch.nn.Module):
    def __init__(self, channels, classes):
        super().__init__()
        layers = []
        for cin, cout, k in ((channels, 128, 8), (128, 256, 5), (256, 128, 3)):
            layers += [SameConv1d(cin, cout, k), torch.nn.BatchNorm1d(cout, eps=1e-3, momentum=0.01), torch.nn.ReLU()]
        self.features = torch.nn.Sequential(*layers)
        self.dense = torch.nn.Linear(128, classes)
        for m in self.modules():
            if isinstance(m, (torch.nn.Conv1d, torch.nn.Linear)):
                torch.nn.init.xavier_uniform_(m.weight)
                torch.nn.init.zeros_(m.bias)

    def forward(self, x):
        return self.dense(self.features(x).mean(dim=2))


def keras_cross_entropy(logits, onehot):
    p = torch.softmax(logits, dim=1).clamp(1e-7, 1 - 1e-7)
    return -(onehot * torch.log(p)).sum(dim=1).mean()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("train")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    a = parser.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    data = np.loadtxt(a.train, delimiter="\t", ndmin=2)
    labels = np.unique(data[:, 0], return_inverse=True)[1]
    x = data[:, 1:]
    std = x.std(axis=1, keepdims=True)
    std[std == 0] = 1
    x = (x - x.mean(axis=1, keepdims=True)) / std
    xs = torch.tensor(x[:, None, :], dtype=torch.float32)
    classes = int(labels.max()) + 1
    onehot = torch.nn.functional.one_hot(torch.tensor(labels), classes).float()

    model = Fcn(1, classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=50, min_lr=1e-4,
                                                         threshold=1e-4, threshold_mode="abs")
    best_loss, best_state = float("inf"), None
    n = len(xs)
    timed_start = None
    for epoch in range(a.epochs + a.warmup):
        if epoch == a.warmup:
            timed_start = time.perf_counter()
        model.train()
        order = rng.permutation(n)
        total = 0.0
        for start in range(0, n, a.batch):
            idx = torch.from_numpy(order[start:start + a.batch])
            loss = keras_cross_entropy(model(xs[idx]), onehot[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        epoch_loss = total / n
        if epoch_loss < best_loss:
            best_loss, best_state = epoch_loss, copy.deepcopy(model.state_dict())
        plateau.step(epoch_loss)
    seconds = time.perf_counter() - timed_start
    model.load_state_dict(best_state)
    print(json.dumps({"epochs_per_second": a.epochs / seconds, "epochs": a.epochs, "seconds": seconds,
                      "threads": torch.get_num_threads(), "torch": torch.__version__, "best_loss": best_loss,
                      "train_size": n, "batch_size": a.batch}))


if __name__ == "__main__":
    main()
