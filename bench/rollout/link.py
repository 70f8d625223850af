#!/usr/bin/env python3
"""The mountain link between a county node and the centre, on one machine: a TCP relay.

Listens on 127.0.0.1:LISTEN and relays every connection to 127.0.0.1:TARGET, both ways. The harness points a
county's agent at its relay; killing the relay cuts the county off the centre (connections refused, open ones
broken mid-transfer), starting it again on the same port brings the link back. The county itself keeps running.

Usage: link.py LISTEN TARGET
"""
import socket
import sys
import threading


def pump(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(client, target):
    try:
        upstream = socket.create_connection(('127.0.0.1', target), timeout=10)
        upstream.settimeout(None)
    except OSError:
        client.close()
        return
    threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
    pump(upstream, client)
    client.close()
    upstream.close()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    listen, target = int(sys.argv[1]), int(sys.argv[2])
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', listen))
    server.listen(64)
    while True:
        client, _ = server.accept()
        threading.Thread(target=serve, args=(client, target), daemon=True).start()


if __name__ == '__main__':
    main()
