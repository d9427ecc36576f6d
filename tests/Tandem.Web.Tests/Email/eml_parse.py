"""Reads an .eml file with Python's standard email parser (independent of the MimeKit that wrote it) and prints JSON."""
import json, sys
from email import policy
from email.parser import BytesParser

with open(sys.argv[1], "rb") as f:
    msg = BytesParser(policy=policy.default).parse(f)

def text(part):
    return part.get_content() if part is not None else None

attachments = []
for part in msg.iter_attachments():
    content = part.get_content()
    attachments.append({
        "filename": part.get_filename(),
        "content_type": part.get_content_type(),
        "method": part.get_param("method"),
        "content": content.decode("utf-8") if isinstance(content, bytes) else content,
    })
print(json.dumps({
    "from": str(msg["From"]),
    "to": str(msg["To"]),
    "subject": str(msg["Subject"]),
    "defects": [type(d).__name__ for d in msg.defects],
    "text": text(msg.get_body(preferencelist=("plain",))),
    "html": text(msg.get_body(preferencelist=("html",))),
    "attachments": attachments,
}, ensure_ascii=False))
