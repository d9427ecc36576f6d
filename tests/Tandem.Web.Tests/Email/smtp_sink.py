"""A real SMTP server (aiosmtpd) for the tests: prints READY <port>, then for each message
writes it to <folder>/<n>.eml and prints MSG <path>. Stops when stdin closes."""
import os, socket, sys
from aiosmtpd.controller import Controller

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
count = 0

class Sink:
    async def handle_DATA(self, server, session, envelope):
        global count
        count += 1
        path = os.path.join(folder, f"{count}.eml")
        with open(path, "wb") as f:
            f.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content or envelope.content)
        print(f"MSG {path}", flush=True)
        return "250 Message accepted for delivery"

# aiosmtpd's controller must know its port up front: ask the kernel for a free one.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
print(f"READY {port}", flush=True)
sys.stdin.read()
controller.stop()
