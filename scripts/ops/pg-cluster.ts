import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL server of this test's own (initdb in a temporary folder, its own port), so a fault test
 * can stop and start "the database" without touching the machine's shared server. Needs the server binaries
 * (Debian: /usr/lib/postgresql/<version>/bin); as root, the server runs as the `postgres` user.
 */
export class PgCluster {
  readonly dir: string;
  private constructor(
    private readonly bin: string,
    readonly port: number,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-pg-'));
  }

  static binaries(): string | null {
    const root = '/usr/lib/postgresql';
    if (!fs.existsSync(root)) return null;
    const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    return versions[0] ? path.join(root, versions[0], 'bin') : null;
  }

  static async create(port: number): Promise<PgCluster> {
    const bin = PgCluster.binaries();
    if (!bin) throw new Error('no PostgreSQL server binaries (initdb) found under /usr/lib/postgresql');
    const cluster = new PgCluster(bin, port);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', cluster.dir]);
    cluster.run('initdb', ['-D', path.join(cluster.dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await cluster.start();
    return cluster;
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]): string {
    const command = path.join(this.bin, tool);
    const asPostgres = process.getuid?.() === 0;
    const result = asPostgres ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-l', path.join(this.dir, 'log'), '-w', '-t', '30', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  }

  /** `immediate`: the server stops at once, like a crash; open transactions are lost and recovered from WAL on start. */
  async stop(mode: 'fast' | 'immediate' = 'immediate'): Promise<void> {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
