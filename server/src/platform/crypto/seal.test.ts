import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealer } from './seal.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tianping-seal-'));

describe('sealing secrets with the installation key', () => {
  it('round-trips, and the key file is created once with mode 0600', () => {
    const dir = tmp();
    const a = createSealer(dir);
    const box = a.seal(Buffer.from('秘密 secret'));
    expect(box.includes(Buffer.from('secret'))).toBe(false);
    expect(createSealer(dir).unseal(box).toString()).toBe('秘密 secret');
    expect(fs.statSync(path.join(dir, 'installation.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a box altered in any byte, or sealed with another installation key', () => {
    const s = createSealer(tmp());
    const box = s.seal(Buffer.from('secret'));
    for (const i of [0, 5, 20, box.length - 1]) {
      const bad = Buffer.from(box);
      bad[i] = (bad[i] ?? 0) ^ 1;
      expect(() => s.unseal(bad)).toThrow();
    }
    expect(() => createSealer(tmp()).unseal(box)).toThrow(/校验失败/);
  });

  it('fingerprints are stable per key and purpose, and differ across them', () => {
    const dir = tmp();
    const f = createSealer(dir).fingerprint('subject', '330106199001011234');
    expect(createSealer(dir).fingerprint('subject', '330106199001011234').equals(f)).toBe(true);
    expect(createSealer(dir).fingerprint('other', '330106199001011234').equals(f)).toBe(false);
    expect(createSealer(tmp()).fingerprint('subject', '330106199001011234').equals(f)).toBe(false);
  });
});
