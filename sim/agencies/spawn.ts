/**
 * Starts the simulator as a separate process (DESIGN: other agencies' systems are processes of
 * their own, spoken to over plain HTTP) and waits for its address. Used by tests and the demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.ts');

export interface RunningSim {
  url: string;
  process: ChildProcess;
  close(): Promise<void>;
}

export function spawnAgencySim(opts: { port?: number; args?: string[]; timeoutMs?: number } = {}): Promise<RunningSim> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, '--port', String(opts.port ?? 0), ...(opts.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`机构模拟器 ${opts.timeoutMs ?? 20_000} ms 内未启动：${err.slice(0, 500)}`));
    }, opts.timeoutMs ?? 20_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0] ?? '';
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      try {
        resolve({ url: (JSON.parse(line) as { url: string }).url, process: child, close });
      } catch {
        reject(new Error(`机构模拟器输出无法识别：${line.slice(0, 200)}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`机构模拟器已退出（${code}）：${err.slice(0, 500)}`));
    });
  });
}
