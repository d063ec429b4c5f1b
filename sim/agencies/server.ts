/**
 * The agency simulator as a process of its own, as other agencies' systems are:
 *
 *   node --import tsx sim/agencies/server.ts --port 3900 [--host 127.0.0.1] [--seed 0] [--scale 1] [--no-faults] [--slow-ms 1200]
 *
 * `--port 0` takes a free port. The first line on stdout is JSON with the address, for whoever
 * started it (tests, `tianping serve` in demo mode) to read.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createAgencySim } from './app.ts';

export async function startAgencySim(opts: { port: number; host: string; seed: number; scale: number; faults: boolean; slowMs: number }): Promise<{ url: string; close(): Promise<void> }> {
  const sim = createAgencySim(opts);
  const server = http.createServer((req, res) => {
    sim.handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ message: `模拟器内部错误：${(err as Error).message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function numberOf(raw: string, name: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} 须为不小于 ${min} 的整数，收到 ${raw}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3900' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '0' },
      scale: { type: 'string', default: '1' },
      'slow-ms': { type: 'string', default: '1200' },
      'no-faults': { type: 'boolean', default: false },
    },
  });
  const sim = await startAgencySim({
    port: numberOf(values.port, 'port', 0), host: values.host, seed: numberOf(values.seed, 'seed', 0), scale: numberOf(values.scale, 'scale', 1),
    faults: !values['no-faults'], slowMs: numberOf(values['slow-ms'], 'slow-ms', 0),
  });
  console.log(JSON.stringify({ url: sim.url }));
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
