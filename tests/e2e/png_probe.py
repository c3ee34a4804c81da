"""What a rendered picture shows, for tests/e2e/plot.sh: reads a PNG with the standard library
alone (zlib; 8-bit greyscale, RGB or RGBA, not interlaced, as rsvg-convert writes) and answers
questions about its pixels.

  png_probe.py size FILE                     -> "WIDTH HEIGHT"
  png_probe.py dark FILE X Y W H             -> how many pixels of the box are dark (text ink)
  png_probe.py colour FILE RRGGBB X Y W H    -> how many pixels of the box are near that colour
  png_probe.py labels SVG PNG CLASS          -> checks the text elements of CLASS in SVG, which
      carry their box (data-box="x y w h"): each box has ink in PNG, no two boxes overlap;
      prints one "word<TAB>dark pixels" line per label
  png_probe.py ink-outside SVG PNG CLASS     -> how many dark pixels of PNG lie outside every
      box of CLASS (PNG: SVG drawn with nothing but those labels, see only-class)
  png_probe.py only-class SVG CLASS OUT      -> writes OUT: SVG with nothing but the background
      and the text elements of CLASS
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        body = data[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {colour})")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + predictor) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def pixels(picture, x, y, w, h):
    """The (r, g, b) of every pixel of the box that lies inside the picture, on white."""
    width, height, channels, rows = picture
    for row in range(max(0, y), min(height, y + h)):
        line = rows[row]
        for column in range(max(0, x), min(width, x + w)):
            values = line[column * channels:(column + 1) * channels]
            if channels == 1:
                values = bytes([values[0]] * 3)
            alpha = values[3] if channels == 4 else 255
            # Composite over white, as a browser shows a transparent picture.
            yield tuple((v * alpha + 255 * (255 - alpha)) // 255 for v in values[:3])


SVG = "{http://www.w3.org/2000/svg}"


def label_boxes(svg_path, class_name):
    import xml.etree.ElementTree as ElementTree  # also proves the document well-formed
    root = ElementTree.parse(svg_path).getroot()
    labels = []
    for text in root.iter(SVG + "text"):
        if text.get("class") == class_name:
            x, y, w, h = (float(v) for v in text.get("data-box").split())
            labels.append((text.text or "", x, y, w, h))
    return labels


def overlaps(a, b):
    return a[1] < b[1] + b[3] and b[1] < a[1] + a[3] and a[2] < b[2] + b[4] and b[2] < a[2] + a[4]


def main():
    command, path = sys.argv[1], sys.argv[2]
    picture = read_png(path) if command in ("size", "dark", "colour") else None
    if command == "size":
        print(picture[0], picture[1])
    elif command == "dark":
        x, y, w, h = (int(float(v)) for v in sys.argv[3:7])
        print(sum(1 for p in pixels(picture, x, y, w, h) if sum(p) < 3 * 110))
    elif command == "colour":
        target = bytes.fromhex(sys.argv[3])
        x, y, w, h = (int(float(v)) for v in sys.argv[4:8])
        print(sum(1 for p in pixels(picture, x, y, w, h)
                  if all(abs(a - b) <= 40 for a, b in zip(p, target))))
    elif command == "labels":
        picture = read_png(sys.argv[3])
        labels = label_boxes(path, sys.argv[4])
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                if overlaps(a, b):
                    raise SystemExit(f"labels {a[0]!r} and {b[0]!r} overlap: {a[1:]} {b[1:]}")
        for word, x, y, w, h in labels:
            dark = sum(1 for p in pixels(picture, int(x), int(y), int(w + 1), int(h + 1))
                       if sum(p) < 3 * 110)
            print(f"{word}\t{dark}")
    elif command == "only-class":
        import xml.etree.ElementTree as ElementTree
        ElementTree.register_namespace("", SVG[1:-1])
        tree = ElementTree.parse(path)
        root = tree.getroot()
        for child in list(root):
            background = child.tag == SVG + "rect" and child.get("fill") == "white"
            if not background and child.get("class") != sys.argv[3]:
                root.remove(child)
        tree.write(sys.argv[4], encoding="UTF-8", xml_declaration=True)
    elif command == "ink-outside":
        picture = read_png(sys.argv[3])
        boxes = label_boxes(path, sys.argv[4])
        width, height = picture[0], picture[1]
        inside = bytearray(width * height)
        for _, bx, by, bw, bh in boxes:
            # One pixel of slack: antialiasing spills ink onto the pixel next to an edge.
            for y in range(max(0, int(by) - 1), min(height, int(by + bh) + 2)):
                for x in range(max(0, int(bx) - 1), min(width, int(bx + bw) + 2)):
                    inside[y * width + x] = 1
        outside = sum(1 for y in range(height) for x, p in enumerate(pixels(picture, 0, y, width, 1))
                      if not inside[y * width + x] and sum(p) < 3 * 200)
        print(outside)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
