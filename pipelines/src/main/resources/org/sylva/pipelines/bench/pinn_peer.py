"""PyTorch peer of `sylva bench pinn`: the same Burgers PINN as Sylva's (tanh MLP, inputs mapped to [-1, 1],
Xavier-normal weights, zero biases), trained on the same points (read from the CSV files Sylva wrote) with
the same optimisers: Adam, then torch.optim.LBFGS with a strong-Wolfe line search. Derivatives by
torch.autograd.grad(create_graph=True), the usual PINN recipe. Prints one JSON line last.

usage: pinn_peer.py DATA_DIR --width 20 --depth 8 --threads 1 --adam-steps 200 --lbfgs-iterations 0
                    [--warmup 10] [--seconds 60] [--learning-rate 1e-3] [--seed 42] [--viscosity 0.00318...]
Steps/s are timed after the first --warmup Adam steps.
DATA_DIR holds collocation.csv (x,t), initial.csv and boundary.csv (x,t,u) and evaluation.csv (x,t,u_ref).
"""
import argparse
import json
import math
import sys
import time

import numpy as np
import torch


def load(path):
    return torch.tensor(np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2), dtype=torch.float32)


class Mlp(torch.nn.Module):
    def __init__(self, width, depth, lower, upper):
        super().__init__()
        sizes = [2] + [width] * depth + [1]
        self.layers = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        for layer in self.layers:
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
        self.register_buffer("lower", torch.tensor(lower, dtype=torch.float32))
        self.register_buffer("upper", torch.tensor(upper, dtype=torch.float32))

    def forward(self, xt):
        a = 2 * (xt - self.lower) / (self.upper - self.lower) - 1
        for layer in self.layers[:-1]:
            a = torch.tanh(layer(a))
        return self.layers[-1](a)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--width", type=int, default=20)
    p.add_argument("--depth", type=int, default=8)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--adam-steps", type=int, default=200)
    p.add_argument("--lbfgs-iterations", type=int, default=0)
    p.add_argument("--learning-rate", type=float, default=1e-3)
    p.add_argument("--seconds", type=float, default=0)
    p.add_argument("--warmup", type=int, default=0)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--viscosity", type=float, default=0.01 / math.pi)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    xt = load(a.data + "/collocation.csv").requires_grad_(True)
    initial = load(a.data + "/initial.csv")
    boundary = load(a.data + "/boundary.csv")
    evaluation = load(a.data + "/evaluation.csv")
    net = Mlp(a.width, a.depth, [-1.0, 0.0], [1.0, 1.0])

    def loss_fn():
        u = net(xt)
        du = torch.autograd.grad(u, xt, torch.ones_like(u), create_graph=True)[0]
        u_x, u_t = du[:, 0:1], du[:, 1:2]
        u_xx = torch.autograd.grad(u_x, xt, torch.ones_like(u_x), create_graph=True)[0][:, 0:1]
        residual = torch.mean((u_t + u * u_x - a.viscosity * u_xx) ** 2)
        init = torch.mean((net(initial[:, :2]) - initial[:, 2:3]) ** 2)
        bound = torch.mean((net(boundary[:, :2]) - boundary[:, 2:3]) ** 2)
        total = residual + init + bound
        if not torch.isfinite(total):
            raise SystemExit("peer: loss is not finite")
        return total

    start = time.perf_counter()
    deadline = start + a.seconds if a.seconds > 0 else float("inf")
    adam = torch.optim.Adam(net.parameters(), lr=a.learning_rate)
    adam_steps = 0
    adam_start = time.perf_counter()
    timed_start = adam_start
    loss = float("nan")
    for step in range(a.adam_steps):
        adam.zero_grad()
        total = loss_fn()
        total.backward()
        adam.step()
        loss = total.item()
        adam_steps += 1
        if adam_steps == a.warmup:
            timed_start = time.perf_counter()
        if step % 50 == 0:
            print(f"peer adam {step} loss {loss:.4e}", file=sys.stderr)
        if time.perf_counter() > deadline:
            break
    adam_seconds = time.perf_counter() - adam_start
    timed_steps = adam_steps - min(a.warmup, adam_steps)
    adam_steps_per_second = timed_steps / (time.perf_counter() - timed_start) if timed_steps > 0 else None

    lbfgs_iterations = 0
    lbfgs_start = time.perf_counter()
    if a.lbfgs_iterations > 0 and time.perf_counter() <= deadline:
        chunk = 20
        lbfgs = torch.optim.LBFGS(net.parameters(), lr=1, max_iter=chunk, history_size=50,
                                  tolerance_grad=1e-9, tolerance_change=1e-12, line_search_fn="strong_wolfe")

        def closure():
            lbfgs.zero_grad()
            total = loss_fn()
            total.backward()
            return total

        # step() re-evaluates the loss when it starts, so it runs 20 iterations per call (one extra
        # evaluation per 20) and the time budget is checked between calls; the optimiser keeps its
        # history and iteration count between calls.
        while lbfgs_iterations < a.lbfgs_iterations and time.perf_counter() <= deadline:
            wanted = min(chunk, a.lbfgs_iterations - lbfgs_iterations)
            lbfgs.param_groups[0]["max_iter"] = wanted
            before = lbfgs.state[lbfgs._params[0]].get("n_iter", 0)
            loss = lbfgs.step(closure).item()
            done = lbfgs.state[lbfgs._params[0]]["n_iter"] - before
            lbfgs_iterations += done
            if done < wanted:
                break  # converged (tolerances met)
    lbfgs_seconds = time.perf_counter() - lbfgs_start

    with torch.no_grad():
        u = net(evaluation[:, :2])[:, 0]
        ref = evaluation[:, 2]
        rel_l2 = (torch.linalg.norm(u - ref) / torch.linalg.norm(ref)).item()
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(),
        "adamSteps": adam_steps, "adamSeconds": adam_seconds, "adamStepsPerSecond": adam_steps_per_second,
        "lbfgsIterations": lbfgs_iterations, "lbfgsSeconds": lbfgs_seconds,
        "loss": loss, "relativeL2": rel_l2, "seconds": time.perf_counter() - start,
    }))


if __name__ == "__main__":
    main()
