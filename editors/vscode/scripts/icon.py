# Draws images/icon.png (128x128): a navy shield with a white tick, the extension's own icon. Run with python3; it
# needs nothing outside the standard library. Edges are anti-aliased by sampling each pixel 4x4 times.
import struct
import zlib
from pathlib import Path

SIZE, SUB = 128, 4
NAVY, WHITE = (31, 58, 104), (255, 255, 255)


def in_shield(x, y):
    if y < 0.10 or y > 0.92:
        return False
    if y < 0.55:
        # A flat top whose corners are rounded off.
        return abs(x - 0.5) <= 0.36 - max(0.0, 0.06 - (y - 0.10)) * 0.9
    return abs(x - 0.5) <= 0.36 * (1 - ((y - 0.55) / 0.37) ** 1.6)


def near_segment(x, y, a, b, width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


def in_tick(x, y):
    return near_segment(x, y, (0.31, 0.50), (0.45, 0.64), 0.085) or near_segment(x, y, (0.45, 0.64), (0.70, 0.34), 0.085)


rows = []
for j in range(SIZE):
    row = bytearray([0])
    for i in range(SIZE):
        shield = tick = 0
        for sj in range(SUB):
            for si in range(SUB):
                x, y = (i + (si + 0.5) / SUB) / SIZE, (j + (sj + 0.5) / SUB) / SIZE
                if in_shield(x, y):
                    shield += 1
                    tick += in_tick(x, y)
        n = SUB * SUB
        if shield == 0:
            row += bytes(4)
            continue
        w = tick / shield
        rgb = [round(NAVY[k] * (1 - w) + WHITE[k] * w) for k in range(3)]
        row += bytes(rgb + [round(255 * shield / n)])
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
Path(__file__).resolve().parent.parent.joinpath('images', 'icon.png').write_bytes(png)
