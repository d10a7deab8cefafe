#!/usr/bin/env python3
"""loaders.py: writes the seeds of fuzz_loaders (tests/fuzz/seeds/loaders/):
small sentence models and n-gram tables made from the headers of the
shipped ones (rules/data), valid and broken in the ways a file breaks.

usage: tests/fuzz/seeds/loaders.py      (run from anywhere)
"""
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "rules", "data")
OUT = os.path.join(HERE, "loaders")


def model(bits=8, version=2, ngram=None, strict=None, size=None):
    with open(os.path.join(DATA, "sentence.model"), "rb") as f:
        real = f.read()
    head = bytearray(real[:48])
    head[8:16] = struct.pack("<II", version, bits)
    if strict is not None:
        head[28:32] = struct.pack("<f", strict)
    if ngram is not None:
        head[44:48] = struct.pack("<I", ngram)
    if version == 1:
        head = head[:44]
    body = bytes(head) + real[48:48 + (1 << min(bits, 8))]
    return body[:size] if size is not None else body


def ngram(bits=4, size=None):
    with open(os.path.join(DATA, "english.ngram"), "rb") as f:
        real = f.read(32 + (2 << bits))
    head = bytearray(real[:32])
    head[12:16] = struct.pack("<I", bits)
    body = bytes(head) + real[32:32 + (2 << bits)]
    return body[:size] if size is not None else body


SEEDS = {
    "model-small": model(ngram=0),
    "model-with-table": model(),
    "model-v1": model(version=1),
    "model-truncated": model(size=200),
    "model-header-only": model(size=48),
    "model-nan-threshold": model(ngram=0, strict=math.nan),
    "model-bits-too-many": model(bits=40, ngram=0),
    "ngram-small": ngram(),
    "ngram-truncated": ngram(size=40),
    "ngram-header-only": ngram(size=32),
    "ngram-bits-too-many": ngram(bits=4)[:12] + struct.pack("<I", 60) +
    ngram(bits=4)[16:],
}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(OUT, name + ".bin"), "wb") as f:
            f.write(data)
