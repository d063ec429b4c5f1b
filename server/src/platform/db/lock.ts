import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a single-process database: two processes opening the same data directory corrupt it.
 * A lock file holding the owner's pid turns that into a clear error. A lock left by a process
 * that no longer runs (a crash, kill -9) is taken over.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`数据目录 ${dataDir} 正被进程 ${pid} 使用（可能是正在运行的 tianping serve）。请先停止该进程，或改用 --database-url 连接 PostgreSQL。`);
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tianping.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return {
        release() {
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      fs.unlinkSync(file); // stale lock from a process that is gone
    }
  }
  throw new Error(`无法获取数据目录锁 ${file}`);
}
