import crypto from 'node:crypto';

/** An opaque 256-bit bearer token; only its SHA-256 is stored (see sessions.token_hash). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
