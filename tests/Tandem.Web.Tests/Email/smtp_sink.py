"""A real SMTP server (aiosmtpd) for the tests: prints READY <port>, then for each message writes it to
<folder>/<n>.eml and prints MSG <path> tls=<0|1> user=<login or ->. Stops when stdin closes.

Options: --cert/--key offer STARTTLS with that certificate and require it; --user/--password require
AUTH (PLAIN or LOGIN) with those credentials, checked by aiosmtpd's authenticator."""
import argparse, os, socket, ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--user")
parser.add_argument("--password")
args = parser.parse_args()
os.makedirs(args.folder, exist_ok=True)
count = 0


class Sink:
    async def handle_DATA(self, server, session, envelope):
        global count
        count += 1
        path = os.path.join(args.folder, f"{count}.eml")
        with open(path, "wb") as f:
            f.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content or envelope.content)
        tls = 1 if session.ssl is not None else 0
        user = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else "-"
        print(f"MSG {path} tls={tls} user={user}", flush=True)
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
    # handled=False: aiosmtpd answers a refusal with 535 itself.
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


options = {}
if args.cert:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    options.update(tls_context=context, require_starttls=True)
if args.user:
    options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.cert))

# aiosmtpd's controller must know its port up front: ask the kernel for a free one.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
controller = Controller(Sink(), hostname="127.0.0.1", port=port, **options)
controller.start()
print(f"READY {port}", flush=True)
sys.stdin.read()
controller.stop()
