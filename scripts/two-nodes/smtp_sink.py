#!/usr/bin/env python3
"""A mail server that accepts every message and keeps it: one line per received message in the log
file ("<epoch seconds> <Message-ID> <recipients>"), appended once the whole message is in, before the
"250" that tells the sender it was accepted. Used by scripts/two-nodes.sh to count what the outbox sent.

    smtp_sink.py PORT LOG_FILE
"""
import socketserver
import sys
import threading
import time

LOCK = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 two-nodes sink")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-two-nodes sink" if verb == "EHLO" else "250 two-nodes sink")
                if verb == "EHLO":
                    self.reply("250-8BITMIME")
                    self.reply("250 SMTPUTF8")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go on")
                message_id = "-"
                in_headers = True
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    if in_headers:
                        if data in (b"\r\n", b"\n"):
                            in_headers = False
                        elif data.lower().startswith(b"message-id:"):
                            message_id = data.split(b":", 1)[1].decode("utf-8", "replace").strip()
                with LOCK:
                    with open(sys.argv[2], "a") as log:
                        log.write("%.3f %s %s\n" % (time.time(), message_id, ",".join(recipients)))
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            else:
                self.reply("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    open(sys.argv[2], "a").close()
    with Server(("127.0.0.1", int(sys.argv[1])), Session) as server:
        server.serve_forever()
