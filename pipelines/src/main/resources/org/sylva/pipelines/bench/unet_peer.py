"""PyTorch peer of `sylva bench unet`: the same U-Net, tiling and training step as Sylva's, in python3-torch.

Usage: unet_peer.py infer|train --threads N [options]; prints one JSON object as its last stdout line.

Architecture (mirrors org.sylva.models.unet.UNet): encoder level l = two (3x3 conv without bias, batch norm,
ReLU) with base_width * 2^l channels, then 2x2 max pooling; bottleneck base_width * 2^depth; decoder level l =
1x1 conv to base_width * 2^l at the coarse resolution, bilinear x2 (align_corners=False), concatenation with
the encoder features, two (conv, BN, ReLU); head 1x1 conv, softplus. Tiling mirrors TiledPredictor: tiles on a
stride grid from the origin, NaN padding past the edge (0 after normalisation), raised-cosine blend weights
with a zero margin, normalised by the weight sum; NaN out where any band is NaN.
"""
import argparse
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
        self.norm1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.norm2 = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu(self.norm2(self.conv2(F.relu(self.norm1(self.conv1(x))))))


class UNet(nn.Module):
    def __init__(self, channels, depth, width):
        super().__init__()
        self.depth = depth
        self.encoders = nn.ModuleList()
        c = channels
        for level in range(depth):
            self.encoders.append(ConvBlock(c, width << level))
            c = width << level
        self.bottleneck = ConvBlock(c, width << depth)
        c = width << depth
        self.projections = nn.ModuleList()
        self.decoders = nn.ModuleList()
        for level in reversed(range(depth)):
            self.projections.append(nn.Conv2d(c, width << level, 1))
            self.decoders.append(ConvBlock(2 * (width << level), width << level))
            c = width << level
        self.head = nn.Conv2d(c, 1, 1)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

    def forward(self, x):
        h, w = x.shape[-2:]
        multiple = 1 << self.depth
        pad_h, pad_w = (-h) % multiple, (-w) % multiple
        if pad_h or pad_w:
            x = F.pad(x, (0, pad_w, 0, pad_h))
        skips = []
        for encoder in self.encoders:
            x = encoder(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottleneck(x)
        for projection, decoder in zip(self.projections, self.decoders):
            x = F.interpolate(projection(x), scale_factor=2, mode="bilinear", align_corners=False)
            x = decoder(torch.cat([skips.pop(), x], 1))
        return F.softplus(self.head(x))[..., :h, :w]


def trainable_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def ramp(d, overlap, margin):
    span = overlap - 2 * margin
    if d < margin:
        return 0.0
    if d >= overlap - margin:
        return 1.0
    return math.sin(0.5 * math.pi * (d - margin + 0.5) / span) ** 2


def window(size, overlap, margin, before, after):
    return np.array([(ramp(i, overlap, margin) if before else 1.0) * (ramp(size - 1 - i, overlap, margin) if after else 1.0)
                     for i in range(size)], dtype=np.float32)


def tiles(size, tile, stride):
    return 1 if size <= tile else (size - tile + stride - 1) // stride + 1


def smooth_raster(bands, size, seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32)
    data = np.empty((bands, size, size), dtype=np.float32)
    for b in range(bands):
        fx, fy, phase = rng.uniform(0.005, 0.05), rng.uniform(0.005, 0.05), rng.uniform(0, 6)
        data[b] = 1000 + 500 * np.sin(fx * x + phase) * np.cos(fy * y) + rng.normal(0, 50, (size, size)).astype(np.float32)
    return data


def tiled_predict(model, raster, mean, std, tile, overlap, margin, batch):
    bands, height, width = raster.shape
    stride = tile - overlap
    rows, cols = tiles(height, tile, stride), tiles(width, tile, stride)
    out = np.zeros((height, width), dtype=np.float32)
    wsum = np.zeros((height, width), dtype=np.float32)
    col_w = [window(tile, overlap, margin, c > 0, c < cols - 1) for c in range(cols)]
    row_w = [window(tile, overlap, margin, r > 0, r < rows - 1) for r in range(rows)]
    mean_t = torch.from_numpy(mean).view(1, -1, 1, 1)
    inv_std_t = torch.from_numpy(1 / std).view(1, -1, 1, 1)
    positions = [(r, c) for r in range(rows) for c in range(cols)]
    with torch.no_grad():
        for first in range(0, len(positions), batch):
            group = positions[first:first + batch]
            block = np.full((len(group), bands, tile, tile), np.nan, dtype=np.float32)
            for i, (r, c) in enumerate(group):
                y0, x0 = r * stride, c * stride
                h, w = min(tile, height - y0), min(tile, width - x0)
                block[i, :, :h, :w] = raster[:, y0:y0 + h, x0:x0 + w]
            x = (torch.from_numpy(block) - mean_t) * inv_std_t
            x = torch.nan_to_num(x, nan=0.0)
            pred = model(x)[:, 0].numpy()
            for i, (r, c) in enumerate(group):
                y0, x0 = r * stride, c * stride
                h, w = min(tile, height - y0), min(tile, width - x0)
                weights = np.outer(row_w[r], col_w[c])[:h, :w]
                out[y0:y0 + h, x0:x0 + w] += weights * pred[i, :h, :w]
                wsum[y0:y0 + h, x0:x0 + w] += weights
    out /= wsum
    out[np.isnan(raster).any(axis=0)] = np.nan
    return out


def infer(args):
    model = UNet(args.bands, args.depth, args.base_width).eval()
    raster = smooth_raster(args.bands, args.size, 1)
    mean = raster.reshape(args.bands, -1).mean(axis=1).astype(np.float32)
    std = raster.reshape(args.bands, -1).std(axis=1).astype(np.float32)
    tiled_predict(model, raster[:, :args.tile, :args.tile], mean, std, args.tile, args.overlap, args.margin, args.batch)
    start = time.perf_counter()
    out = tiled_predict(model, raster, mean, std, args.tile, args.overlap, args.margin, args.batch)
    seconds = time.perf_counter() - start
    assert np.isfinite(out).all()
    return {"seconds": seconds, "megapixels_per_second": args.size * args.size / 1e6 / seconds,
            "parameters": trainable_parameters(model)}


def masked_l1(pred, target, mask):
    diff = torch.where(mask > 0, pred - target, torch.zeros_like(pred))
    total = mask.sum()
    return (diff.abs() * mask).sum() / torch.where(total > 0, total, torch.ones_like(total))


def train(args):
    torch.manual_seed(args.seed)
    model = UNet(args.bands, args.depth, args.base_width).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    generator = torch.Generator().manual_seed(args.seed)
    n, p = args.train_batch, args.patch
    x = torch.randn(n, args.bands, p, p, generator=generator)
    target = 30 * torch.rand(n, 1, p, p, generator=generator)
    mask = (torch.rand(n, 1, p, p, generator=generator) < 0.3).float()
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=False)
        loss = masked_l1(model(x), target, mask)
        loss.backward()
        optimizer.step()
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    seconds = sum(times)
    return {"seconds": seconds, "patches_per_second": args.steps * n / seconds, "loss": float(loss),
            "parameters": trainable_parameters(model)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["infer", "train"])
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--bands", type=int, default=14)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--base-width", type=int, default=32)
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--overlap", type=int, default=32)
    parser.add_argument("--margin", type=int, default=8)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--patch", type=int, default=128)
    parser.add_argument("--train-batch", type=int, default=16)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    result = infer(args) if args.mode == "infer" else train(args)
    result.update({"torch": torch.__version__, "threads": torch.get_num_threads(),
                   "interop_threads": torch.get_num_interop_threads()})
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
