#!/usr/bin/python3
"""
Trains, evaluates and exports ClaimLens's neural detector of AI-generated images
(`model.npr`, models/claimlens-npr.onnx), from the labelled development corpus only.

One command does everything (see models/README.md):

    /usr/bin/python3 models/train.py --corpus ../shared/corpus

1. Reads manifest.csv, labels each file (AI = 1, real = 0, other C2PA files excluded) and
   splits by source repository: the held-out sources are listed in
   models/held-out-sources.json, which `claimlens eval` reads too (they stay out of the
   calibration's counted weights), so no held-out number of the engine was seen by the model
   either. Writes models/split.json.
2. Trains a small NPR-style ResNet on native-resolution 96 px crops. Both classes go through
   the same pipeline: random region → (sometimes) an extra JPEG pass → (sometimes) a mild
   0.9–1.1 rescale → JPEG at a random quality 60–100 → random crop → random horizontal flip.
   No image is upsampled; images smaller than a crop are dropped.
3. Scores the held-out files exactly like the TypeScript detector (crop_grid below mirrors
   lib/detectors/model/npr.ts): as they are, after a JPEG q75 re-encode, after a 50%
   downscale. Writes models/metrics.json.
4. Exports ONNX (input `crops` [N,3,96,96] RGB in 0..1, output `scores` [N] in 0..1) and
   stores reference scores that the Node tests compare against.

Architecture ("NPR", Tan et al., CVPR 2024): the network sees the neighbouring-pixel
residual r = x − up(down(x)) (nearest-neighbour, factor 2), which keeps the traces that the
up-sampling layers of generators leave between neighbouring pixels and removes most of the
picture's content, followed by the first stages of a small ResNet. It takes the residual of
the luma (BT.601 Y, computed inside the model from the RGB input) only: JPEG decoders
differ in how they up-sample the chroma planes (libjpeg's "fancy" triangle filter in
browsers and Pillow, plain repetition in jpeg-js), which shows up precisely at the 2×2 scale
NPR looks at, while the luma they decode is the same up to rounding. For the same reason,
half of the training crops are decoded with repeated chroma (replicated_chroma).
"""
import argparse
import csv
import hashlib
import io
import json
import math
import os
import random
import sys
import time

# Idle OpenMP threads sleep instead of spinning: on a busy 2-core machine spinning threads
# wait on each other and training runs several times slower. Must be set before torch loads.
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402

CROP = 96
MAX_CROPS = 16
GRID_ALIGN = 8
REGION = 144
MODEL_FILE = 'claimlens-npr.onnx'
MODEL_VERSION = 'npr-small-2026-11-25'
METRICS_DATE = '2026-11-25'

# The held-out source repositories, shared with `claimlens eval` (cli/eval.ts reads the same file).
HELD_OUT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'held-out-sources.json')
with open(HELD_OUT_FILE) as _f:
    HELD_OUT_SOURCES = list(json.load(_f)['sources'])

# PNG files in this repository whose scores the Node tests reproduce (lossless, so both
# decoders give the same pixels).
PARITY_FILES = [
    'samples/ai-comfyui-hypernetwork.png',
    'samples/ai-invokeai-banana-sushi.png',
    'tests/fixtures/watermark/sdxl-watermarked.png',
    'samples/screenshot-chat-1170x2532.png',
]


# ---------------------------------------------------------------------------------------
# Labels and split


def label_of(row):
    """1 = AI, 0 = real, None = excluded (C2PA files that claim neither)."""
    label = row['label']
    if label in ('ai-generated', 'ai-edited'):
        return 1
    if label in ('real-camera', 'real-photo-stripped'):
        return 0
    if label == 'c2pa':
        claim = row.get('c2pa_claim', '')
        if claim.startswith('AI-'):
            return 1
        if claim == 'camera capture':
            return 0
    return None


def load_rgb(path):
    with Image.open(path) as im:
        im.load()
        return np.asarray(im.convert('RGB'), dtype=np.uint8).copy()


def read_corpus(corpus):
    rows = list(csv.DictReader(open(os.path.join(corpus, 'manifest.csv'), newline='', encoding='utf-8')))
    items, excluded = [], []
    for row in rows:
        y = label_of(row)
        if y is None:
            excluded.append({'file': row['file'], 'reason': f"c2pa claim '{row.get('c2pa_claim', '')}' is neither AI nor camera capture"})
            continue
        try:
            pixels = load_rgb(os.path.join(corpus, row['file']))
        except Exception as err:  # HEIC and AVIF: Debian's Pillow has no decoder for them
            excluded.append({'file': row['file'], 'reason': f'not readable by Pillow ({type(err).__name__})'})
            continue
        h, w = pixels.shape[:2]
        if min(w, h) < CROP:
            excluded.append({'file': row['file'], 'reason': f'smaller than one {CROP} px crop ({w}x{h})'})
            continue
        items.append({'file': row['file'], 'label': y, 'source': row['source_repo'], 'corpus_label': row['label'],
                      'format': row['format'], 'pixels': pixels})
    return items, excluded


# ---------------------------------------------------------------------------------------
# Model


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.shortcut is None else self.shortcut(x)))


class NprNet(nn.Module):
    """Luma → NPR residual → stem → four residual stages → global average → one logit per crop."""

    def __init__(self, widths=(24, 48, 96, 192)):
        super().__init__()
        # BT.601 luma, fixed: the same in every decoder (see the module docstring).
        self.register_buffer('luma', torch.tensor([0.299, 0.587, 0.114]).reshape(1, 3, 1, 1))
        self.stem = nn.Sequential(nn.Conv2d(1, widths[0], 3, 2, 1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU())
        stages, cin = [], widths[0]
        for i, w in enumerate(widths):
            stages.append(Block(cin, w, 1 if i == 0 else 2))
            cin = w
        self.stages = nn.Sequential(*stages)
        self.head = nn.Linear(cin, 1)

    @staticmethod
    def npr(x):
        """x − up(down(x)), nearest neighbour, factor 2: each pixel minus the top-left one of its 2×2 cell."""
        c, h, w = x.shape[1], x.shape[2], x.shape[3]
        cells = x.reshape(-1, c, h // 2, 2, w // 2, 2)
        return (cells - cells[:, :, :, :1, :, :1]).reshape(-1, c, h, w)

    def forward(self, x):
        y = F.conv2d(x, self.luma)
        # Residuals of 0..1 pixels are small; scale them to a unit-like range.
        y = self.stem(self.npr(y) * 8.0)
        y = self.stages(y)
        y = y.mean(dim=(2, 3))
        return self.head(y).squeeze(1)


class Exported(nn.Module):
    """What the ONNX file contains: probabilities, not logits."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, crops):
        return torch.sigmoid(self.net(crops))


# ---------------------------------------------------------------------------------------
# Crops shared with the TypeScript detector


def crop_grid(width, height, crop=CROP, max_crops=MAX_CROPS):
    """Top-left corners of the crops the detector scores, row-major: (cols, rows, [(x, y)])."""
    max_cols, max_rows = width // crop, height // crop
    if max_cols == 0 or max_rows == 0:
        return 0, 0, []
    cols = min(max_cols, max(1, math.floor(math.sqrt(max_crops * width / height) + 0.5)))
    rows = min(max_rows, max(1, max_crops // cols))
    cols = min(max_cols, max(1, max_crops // rows))

    def positions(n, size):
        if n == 1:
            p = [(size - crop) // 2]
        else:
            p = [(i * (size - crop)) // (n - 1) for i in range(n)]
        return [v - v % GRID_ALIGN for v in p]

    xs, ys = positions(cols, width), positions(rows, height)
    return cols, rows, [(x, y) for y in ys for x in xs]


def crops_tensor(pixels, corners):
    arr = np.stack([pixels[y:y + CROP, x:x + CROP] for x, y in corners]).astype(np.float32) / 255.0
    return torch.from_numpy(arr).permute(0, 3, 1, 2).contiguous()


def score_image(model, pixels):
    h, w = pixels.shape[:2]
    cols, rows, corners = crop_grid(w, h)
    if not corners:
        return None, []
    with torch.no_grad():
        scores = model(crops_tensor(pixels, corners)).numpy().astype(np.float64)
    return float(scores.mean()), scores.tolist()


# ---------------------------------------------------------------------------------------
# Augmentation (identical for both classes)

SUBSAMPLINGS = [0, 1, 2]  # 4:4:4, 4:2:2, 4:2:0
RESAMPLERS = [Image.BILINEAR, Image.BICUBIC, Image.LANCZOS]


def jpeg(im, quality, subsampling=2):
    buf = io.BytesIO()
    im.save(buf, format='JPEG', quality=int(quality), subsampling=subsampling)
    buf.seek(0)
    with Image.open(buf) as out:
        return out.convert('RGB')


def replicated_chroma(rgb, subsampling):
    """
    The same JPEG as a decoder without libjpeg's "fancy" chroma upsampling would give it
    (jpeg-js in the Node host, for one): chroma averaged over each subsampling block and
    repeated, then converted back to 8-bit RGB. The luma the network sees changes only by
    the rounding of the RGB values, which is what differs between decoders.
    """
    bh, bw = {0: (1, 1), 1: (1, 2), 2: (2, 2)}[subsampling]
    if bh == bw == 1:
        return rgb
    f = rgb.astype(np.float32)
    y = f @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    cb = f @ np.array([-0.168736, -0.331264, 0.5], dtype=np.float32)
    cr = f @ np.array([0.5, -0.418688, -0.081312], dtype=np.float32)
    h, w = y.shape
    hh, ww = -(-h // bh) * bh, -(-w // bw) * bw

    def blocky(c):
        c = np.pad(c, ((0, hh - h), (0, ww - w)), mode='edge')
        c = c.reshape(hh // bh, bh, ww // bw, bw).mean(axis=(1, 3))
        return np.repeat(np.repeat(c, bh, axis=0), bw, axis=1)[:h, :w]

    cb, cr = blocky(cb), blocky(cr)
    out = np.stack([y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb], axis=-1)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def training_crop(pixels, rng):
    h, w = pixels.shape[:2]
    rh, rw = min(h, REGION), min(w, REGION)
    y0 = rng.randrange(h - rh + 1)
    x0 = rng.randrange(w - rw + 1)
    im = Image.fromarray(pixels[y0:y0 + rh, x0:x0 + rw])
    if rng.random() < 0.3:
        im = jpeg(im, rng.randint(70, 98), rng.choice(SUBSAMPLINGS))
    if rng.random() < 0.5:
        s = rng.uniform(0.9, 1.1)
        nw, nh = round(rw * s), round(rh * s)
        if min(nw, nh) >= CROP:
            im = im.resize((nw, nh), resample=rng.choice(RESAMPLERS))
    subsampling = rng.choice(SUBSAMPLINGS)
    im = jpeg(im, rng.randint(60, 100), subsampling)
    arr = np.asarray(im, dtype=np.uint8)
    if rng.random() < 0.5:
        arr = replicated_chroma(arr, subsampling)
    ch, cw = arr.shape[:2]
    y = rng.randrange(ch - CROP + 1)
    x = rng.randrange(cw - CROP + 1)
    arr = arr[y:y + CROP, x:x + CROP]
    if rng.random() < 0.5:
        arr = arr[:, ::-1]
    return arr


def sampling_weights(items):
    """
    How often each file is drawn, within its class: each source gets weight √n (n = its
    files), so large sources do not drown small ones, and a file smaller than 512×512 pixels
    is drawn in proportion to √(its pixels / 512²), because a 128-px thumbnail offers far
    fewer distinct crops than a photo (and would otherwise be learnt by heart).
    """
    by_source = {}
    for it in items:
        by_source.setdefault((it['label'], it['source']), []).append(it)
    weights = []
    for it in items:
        n = len(by_source[(it['label'], it['source'])])
        h, w = it['pixels'].shape[:2]
        weights.append(math.sqrt(n) / n * math.sqrt(min(1.0, w * h / 512 ** 2)))
    return weights


# ---------------------------------------------------------------------------------------
# Metrics


def roc_auc(pos, neg):
    if not pos or not neg:
        return None
    wins = 0.0
    for p in pos:
        for n in neg:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(pos) * len(neg))


def tpr_at_fpr(pos, neg, max_fpr):
    """Highest TPR with FPR ≤ max_fpr, flagging scores ≥ a threshold (same rule as cli/metrics.ts)."""
    if not pos or not neg:
        return {'tpr': None, 'fpr': None, 'threshold': None}
    best = {'tpr': 0.0, 'fpr': 0.0, 'threshold': None}
    for t in sorted(set(pos) | set(neg), reverse=True):
        fpr = sum(1 for n in neg if n >= t) / len(neg)
        if fpr > max_fpr:
            break
        tpr = sum(1 for p in pos if p >= t) / len(pos)
        if tpr >= best['tpr']:
            best = {'tpr': tpr, 'fpr': fpr, 'threshold': t}
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in best.items()}


def summarise(scored):
    pos = [s['score'] for s in scored if s['label'] == 1]
    neg = [s['score'] for s in scored if s['label'] == 0]
    auc = roc_auc(pos, neg)
    return {
        'files': len(scored), 'ai': len(pos), 'real': len(neg),
        'rocAuc': None if auc is None else round(auc, 4),
        'tprAt1PctFpr': tpr_at_fpr(pos, neg, 0.01),
        'tprAt5PctFpr': tpr_at_fpr(pos, neg, 0.05),
        'meanScoreAi': round(float(np.mean(pos)), 4) if pos else None,
        'meanScoreReal': round(float(np.mean(neg)), 4) if neg else None,
    }


def per_source(scored):
    out = {}
    for s in scored:
        key = f"{s['source']} ({'ai' if s['label'] else 'real'})"
        out.setdefault(key, []).append(s['score'])
    return {k: {'files': len(v), 'meanScore': round(float(np.mean(v)), 4), 'min': round(min(v), 4), 'max': round(max(v), 4)}
            for k, v in sorted(out.items())}


def variant(pixels, condition):
    if condition == 'plain':
        return pixels
    im = Image.fromarray(pixels)
    if condition == 'jpeg-q75':
        return np.asarray(jpeg(im, 75, 2), dtype=np.uint8)
    if condition == 'downscale-50':
        return np.asarray(im.resize((im.width // 2, im.height // 2), resample=Image.BICUBIC), dtype=np.uint8)
    raise ValueError(condition)


def evaluate(model, items, conditions):
    results = {}
    for condition in conditions:
        scored, skipped = [], []
        for it in items:
            px = variant(it['pixels'], condition)
            score, _ = score_image(model, px)
            if score is None:
                skipped.append(it['file'])
                continue
            scored.append({'file': it['file'], 'label': it['label'], 'source': it['source'], 'score': round(score, 5)})
        results[condition] = {'metrics': summarise(scored), 'perSource': per_source(scored),
                              'skippedSmallerThanCrop': skipped, 'scores': scored}
    return results


# ---------------------------------------------------------------------------------------
# Export and parity references


def synthetic_crops(n=4):
    """Deterministic test input the Node tests rebuild: value = ((n·7919 + c·104729 + y·31 + x·17 + x·y) mod 256) / 255."""
    nn_, cc, yy, xx = np.meshgrid(np.arange(n), np.arange(3), np.arange(CROP), np.arange(CROP), indexing='ij')
    v = (nn_ * 7919 + cc * 104729 + yy * 31 + xx * 17 + xx * yy) % 256
    return torch.from_numpy((v.astype(np.float32) / 255.0))


def export_onnx(model, path):
    wrapped = Exported(model).eval()
    dummy = torch.zeros(2, 3, CROP, CROP)
    torch.onnx.export(wrapped, dummy, path, input_names=['crops'], output_names=['scores'],
                      dynamic_axes={'crops': {0: 'n'}, 'scores': {0: 'n'}}, opset_version=17,
                      do_constant_folding=True)
    import onnx
    m = onnx.load(path)
    onnx.checker.check_model(m)
    m.producer_name = 'claimlens models/train.py'
    m.doc_string = f'ClaimLens NPR detector {MODEL_VERSION}: crops [N,3,{CROP},{CROP}] RGB 0..1 -> P(AI) [N]'
    onnx.save(m, path)
    # The exporter restores the wrapper's previous mode; scoring needs inference mode.
    return wrapped.eval()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', required=True, help='folder with manifest.csv (../shared/corpus)')
    ap.add_argument('--out', default=os.path.dirname(os.path.abspath(__file__)), help='output folder (models/)')
    ap.add_argument('--steps', type=int, default=2400)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--seed', type=int, default=20261125)
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()

    started = time.time()
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    items, excluded = read_corpus(args.corpus)
    train = [it for it in items if it['source'] not in HELD_OUT_SOURCES]
    held = [it for it in items if it['source'] in HELD_OUT_SOURCES]
    for name, part in (('train', train), ('held-out', held)):
        labels = {it['label'] for it in part}
        if labels != {0, 1}:
            sys.exit(f'the {name} split lacks a class: {labels}')
    split = {
        'rule': 'source-disjoint by manifest source_repo; held-out sources = models/held-out-sources.json (shared with cli/eval.ts)',
        'labels': 'ai-generated, ai-edited, c2pa with an AI- claim = 1; real-camera, real-photo-stripped, c2pa camera capture = 0',
        'heldOutSources': HELD_OUT_SOURCES,
        'train': sorted(it['file'] for it in train),
        'validation': sorted(it['file'] for it in held),
        'excluded': sorted(excluded, key=lambda e: e['file']),
    }
    with open(os.path.join(args.out, 'split.json'), 'w') as f:
        json.dump(split, f, indent=1)
        f.write('\n')
    print(f'train {len(train)} files ({sum(it["label"] for it in train)} AI), held-out {len(held)} files '
          f'({sum(it["label"] for it in held)} AI), excluded {len(excluded)}', flush=True)

    model = NprNet()
    params = sum(p.numel() for p in model.parameters())
    print(f'parameters: {params}', flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    warmup = max(1, args.steps // 25)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps))))

    rng = random.Random(args.seed)
    pos = [it for it in train if it['label'] == 1]
    neg = [it for it in train if it['label'] == 0]
    wpos, wneg = sampling_weights(pos), sampling_weights(neg)
    half = args.batch // 2
    model.train()
    train_started = time.time()
    running = None
    for step in range(args.steps):
        chosen = rng.choices(pos, wpos, k=half) + rng.choices(neg, wneg, k=args.batch - half)
        batch = np.stack([training_crop(it['pixels'], rng) for it in chosen]).astype(np.float32) / 255.0
        x = torch.from_numpy(batch).permute(0, 3, 1, 2).contiguous()
        y = torch.tensor([float(it['label']) for it in chosen])
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        loss.backward()
        opt.step()
        sched.step()
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        if step % 100 == 0 or step == args.steps - 1:
            print(f'step {step:5d}  loss {running:.4f}  lr {sched.get_last_lr()[0]:.5f}  {time.time() - train_started:.0f}s', flush=True)
    train_seconds = time.time() - train_started

    model.eval()
    onnx_path = os.path.join(args.out, MODEL_FILE)
    exported = export_onnx(model, onnx_path)
    conditions = ['plain', 'jpeg-q75', 'downscale-50']
    held_results = evaluate(exported, held, conditions)
    train_results = evaluate(exported, train, ['plain'])

    with torch.no_grad():
        synth = exported(synthetic_crops()).numpy().astype(np.float64)
    parity_files = []
    for rel in PARITY_FILES:
        path = os.path.join(repo, rel)
        if not os.path.exists(path):
            continue
        px = load_rgb(path)
        score, crop_scores = score_image(exported, px)
        cols, rows, _ = crop_grid(px.shape[1], px.shape[0])
        parity_files.append({'file': rel, 'width': px.shape[1], 'height': px.shape[0], 'cols': cols, 'rows': rows,
                             'score': round(score, 6), 'cropScores': [round(s, 6) for s in crop_scores]})

    with open(onnx_path, 'rb') as f:
        onnx_bytes = f.read()
    for condition in conditions:
        m = held_results[condition]['metrics']
        print(f'held-out {condition:13s} AUC {m["rocAuc"]}  TPR@1% {m["tprAt1PctFpr"]["tpr"]}  TPR@5% {m["tprAt5PctFpr"]["tpr"]}'
              f'  ({m["ai"]} AI, {m["real"]} real)', flush=True)
    metrics = {
        'model': MODEL_FILE,
        'version': MODEL_VERSION,
        'date': METRICS_DATE,
        'sha256': hashlib.sha256(onnx_bytes).hexdigest(),
        'bytes': len(onnx_bytes),
        'parameters': params,
        'architecture': 'BT.601 luma -> NPR residual (x - up(down(x)), nearest, factor 2) -> 3x3/2 stem 24 -> residual stages 24, 48/2, 96/2, 192/2 -> mean -> linear -> sigmoid',
        'input': {'name': 'crops', 'shape': ['N', 3, CROP, CROP], 'range': 'RGB / 255'},
        'output': {'name': 'scores', 'shape': ['N'], 'meaning': 'probability that the crop is AI-made'},
        'crop': CROP, 'maxCrops': MAX_CROPS, 'gridAlign': GRID_ALIGN,
        'training': {
            'command': '/usr/bin/python3 models/train.py --corpus ../shared/corpus',
            'steps': args.steps, 'batch': args.batch, 'lr': args.lr, 'seed': args.seed, 'threads': args.threads,
            'trainFiles': len(train), 'trainAi': len(pos), 'trainReal': len(neg),
            'trainSeconds': round(train_seconds), 'totalSeconds': None,
            'torch': torch.__version__,
        },
        'heldOut': {c: {'metrics': held_results[c]['metrics'], 'perSource': held_results[c]['perSource'],
                        'skippedSmallerThanCrop': held_results[c]['skippedSmallerThanCrop']} for c in conditions},
        'trainInSample': {'metrics': train_results['plain']['metrics'], 'perSource': train_results['plain']['perSource']},
        'heldOutScores': {c: held_results[c]['scores'] for c in conditions},
        'parity': {'syntheticCrops': [round(float(s), 6) for s in synth], 'files': parity_files},
    }
    metrics['training']['totalSeconds'] = round(time.time() - started)
    with open(os.path.join(args.out, 'metrics.json'), 'w') as f:
        json.dump(metrics, f, indent=1)
        f.write('\n')
    print(f'done in {time.time() - started:.0f}s: {onnx_path} ({len(onnx_bytes)} bytes, {params} parameters)', flush=True)


if __name__ == '__main__':
    main()
