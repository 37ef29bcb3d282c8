import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite instance to many Postgres-protocol clients on loopback.
 *
 * PGlite is a single session. Each client's messages are run in whole units — everything up to a Sync,
 * a simple Query or a Flush — and a client keeps exclusive use of the database from the first message of
 * an extended-protocol sequence until its Sync, and for as long as it has a transaction open. Otherwise
 * two clients' Parse/Bind/Execute messages interleave and corrupt each other's unnamed statements and
 * portals (what @electric-sql/pglite-socket 0.2.17 does: it queues every message on its own).
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

class Gate {
  private owner: number | null = null;
  private waiters: { id: number; resolve: () => void }[] = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push({ id, resolve }));
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next ? next.id : null;
    next?.resolve();
  }

  holds(id: number): boolean {
    return this.owner === id;
  }
}

export type WireServer = { host: string; port: number; close: () => Promise<void> };

export async function serveOverWire(db: PGlite, options: { host?: string; port?: number } = {}): Promise<WireServer> {
  const host = options.host ?? '127.0.0.1';
  const gate = new Gate();
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const server = net.createServer((socket) => {
    const id = nextId++;
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let chain = Promise.resolve();
    let closed = false;

    const run = async (batch: Buffer, keepAfter: boolean) => {
      await gate.acquire(id);
      try {
        await db.execProtocolRawStream(new Uint8Array(batch), {
          onRawData: (data: Uint8Array) => {
            if (!closed && socket.writable) socket.write(Buffer.from(data));
          },
        });
      } finally {
        if (!keepAfter && !db.isInTransaction()) gate.release(id);
      }
    };

    const onClose = () => {
      if (closed) return;
      closed = true;
      sockets.delete(socket);
      chain = chain.then(async () => {
        if (gate.holds(id)) {
          // A client that vanished mid-transaction must not leave the single session inside it.
          if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
          gate.release(id);
        }
      });
    };

    const take = (): Buffer | null => {
      if (!started) {
        if (buffer.length < 8) return null;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return null;
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        return message;
      }
      if (buffer.length < 5) return null;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return null;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      return message;
    };

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (let message = take(); message; message = take()) {
        if (!started) {
          const code = message.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            continue;
          }
          if (code === PROTOCOL_3) {
            started = true;
            const startup = Buffer.from(message);
            chain = chain.then(() => run(startup, false));
            continue;
          }
          socket.destroy();
          return;
        }
        const type = String.fromCharCode(message[0] ?? 0);
        if (type === 'X') {
          socket.end();
          continue;
        }
        pending.push(Buffer.from(message));
        if (type === 'S' || type === 'Q' || type === 'H') {
          const batch = Buffer.concat(pending);
          pending = [];
          // After a Flush the client waits mid-sequence: keep the session until its Sync.
          chain = chain.then(() => run(batch, type === 'H')).catch(() => {
            socket.destroy();
          });
        }
      }
    });
    socket.on('close', onClose);
    socket.on('error', onClose);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    host,
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
