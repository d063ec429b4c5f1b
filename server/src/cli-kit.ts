import type { Command } from 'commander';
import type { Tianping } from './main.ts';

/** What cli.ts lends a module's commands (passed in, so module files do not import cli.ts back). */
export interface CliKit {
  dbOptions(cmd: Command): Command;
  withTianping<T>(flags: object, fn: (tp: Tianping) => Promise<T>): Promise<T>;
  /** Ends the command with this status after its output is printed. */
  exit(code: number): never;
  fail(message: string): never;
}
