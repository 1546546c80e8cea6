"""The fortunes corpus (Debian package `fortunes`), read the same way by every script of tools/train.

Byte-level: token id = byte value (vocabulary 256), so no tokenizer is needed and any text maps to ids.
Every fortune file that has its `.dat` index is read in name order and cut at the `%` lines; fortune number i
(counting over all files in that order) is held out for evaluation when i % 20 == 0, the rest is training text.
"""
import os

CORPUS = "/usr/share/games/fortunes"
HOLDOUT_EVERY = 20


def fortunes():
    if not os.path.isdir(CORPUS):
        raise SystemExit(f"{CORPUS} is missing: apt-get install fortunes")
    names = sorted(n for n in os.listdir(CORPUS) if os.path.exists(os.path.join(CORPUS, n + ".dat")))
    for name in names:
        with open(os.path.join(CORPUS, name), "rb") as f:
            text = f.read()
        for piece in text.split(b"\n%\n"):
            piece = piece.strip(b"\n%")
            if piece:
                yield piece


def split():
    """(training bytes, held-out bytes): fortunes joined by a blank line."""
    train, held = [], []
    for i, piece in enumerate(fortunes()):
        (held if i % HOLDOUT_EVERY == 0 else train).append(piece)
    return b"\n\n".join(train) + b"\n\n", b"\n\n".join(held) + b"\n\n"
