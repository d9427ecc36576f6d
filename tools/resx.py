#!/usr/bin/env python3
"""Adds or updates zh-Hans translations in a .resx file (English text is the key).

    tools/resx.py src/Tandem.Web/Resources/Features/Cohorts/CohortsText.zh-Hans.resx "Open" "开放" "Close" "关闭" ...

Creates the file when missing; keeps keys sorted so merges stay clean.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = [("resmimetype", "text/microsoft-resx"), ("version", "2.0"),
          ("reader", "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"),
          ("writer", "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")]
XS = "{http://www.w3.org/XML/1998/namespace}space"

def load(path):
    entries = {}
    if os.path.exists(path):
        for d in ET.parse(path).getroot().findall("data"):
            entries[d.get("name")] = d.find("value").text or ""
    return entries

def save(path, entries):
    root = ET.Element("root")
    for name, value in HEADER:
        h = ET.SubElement(root, "resheader", name=name)
        ET.SubElement(h, "value").text = value
    for key in sorted(entries):
        d = ET.SubElement(root, "data", name=key)
        d.set(XS, "preserve")
        ET.SubElement(d, "value").text = entries[key]
    ET.indent(root)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)

if __name__ == "__main__":
    path, pairs = sys.argv[1], sys.argv[2:]
    if len(pairs) % 2:
        sys.exit("usage: resx.py FILE KEY VALUE [KEY VALUE ...]")
    entries = load(path)
    for k, v in zip(pairs[::2], pairs[1::2]):
        entries[k] = v
    save(path, entries)
    print(f"{path}: {len(entries)} entries")
