/**
 * A minimal HTTP/1.1 keep-alive client for the command load (bench/http-load.ts). The load generator runs on the
 * same two cores as the server it measures, so what it spends is taken from the server: node:http's client builds
 * a ClientRequest, an IncomingMessage, header objects and streams per request, a noticeable share of the machine
 * at the benchmark's rates (docs/PERFORMANCE.md). This one writes each request as one buffer and reads only what
 * the benchmark needs (status, body by Content-Length) on a plain TCP socket, one request at a time per
 * connection, as a closed-loop client does. Only for kezen's answers, which always carry a Content-Length; anything
 * else is an error.
 */
import { connect, type Socket } from 'node:net';

export interface RawReply {
  status: number;
  body: unknown;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

class RawConnection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting?: { resolve(r: RawReply): void; reject(e: Error): void; parse: boolean };
  private ready: Promise<void>;
  closed = false;

  constructor(port: number) {
    this.socket = connect({ port, host: '127.0.0.1', noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      this.closed = true;
      const w = this.waiting;
      this.waiting = undefined;
      w?.reject(error);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  async request(head: string, body: Buffer | undefined, parse: boolean): Promise<RawReply> {
    await this.ready;
    if (this.closed) throw new Error('connection closed');
    return new Promise<RawReply>((resolve, reject) => {
      this.waiting = { resolve, reject, parse };
      this.socket.write(body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1'));
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf(CRLFCRLF);
    if (end < 0 || !this.waiting) return;
    const head = this.buffer.toString('latin1', 0, end);
    const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!lengthMatch) {
      const w = this.waiting;
      this.waiting = undefined;
      w.reject(new Error(`answer without Content-Length: ${head.split('\r\n')[0]}`));
      this.socket.destroy();
      return;
    }
    const length = Number(lengthMatch[1]);
    const total = end + 4 + length;
    if (this.buffer.length < total) return;
    const status = Number(head.slice(9, 12));
    const w = this.waiting;
    this.waiting = undefined;
    let parsed: unknown;
    if (w.parse) {
      const text = this.buffer.toString('utf8', end + 4, total);
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    this.buffer = this.buffer.length === total ? Buffer.alloc(0) : this.buffer.subarray(total);
    w.resolve({ status, body: parsed });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

/** Connections to 127.0.0.1:`port`, one per caller in flight (a closed-loop client holds one per virtual user). */
export class RawPool {
  private readonly idle: RawConnection[] = [];
  private readonly all = new Set<RawConnection>();

  constructor(private readonly port: number) {}

  /** `body` is sent as is (a Buffer of JSON); with `parse: false` the answer's body is skipped, not decoded. */
  async request(method: string, path: string, token: string, body?: Buffer, parse = true): Promise<RawReply> {
    let connection = this.idle.pop();
    while (connection?.closed) connection = this.idle.pop();
    if (!connection) {
      connection = new RawConnection(this.port);
      this.all.add(connection);
    }
    const head =
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nAuthorization: Bearer ${token}\r\n` +
      (body ? `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n` : '') +
      '\r\n';
    try {
      return await connection.request(head, body, parse);
    } finally {
      if (!connection.closed) this.idle.push(connection);
      else this.all.delete(connection);
    }
  }

  close(): void {
    for (const c of this.all) c.close();
    this.all.clear();
    this.idle.length = 0;
  }
}
