import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The sample law texts (../shared/data/laws-sample beside the project; not copied into it). A
 * fresh clone elsewhere on this machine finds them at /work/shared. Undefined when absent: tests
 * that need them say so and skip.
 */
export const SAMPLE_LAWS_DIR: string | undefined = [path.resolve(repoRoot, '../shared/data/laws-sample'), '/work/shared/data/laws-sample'].find((d) => existsSync(d));
