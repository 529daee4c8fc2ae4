import type { ParseArgsConfig } from 'node:util';
import type { Core } from '../api/core';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  json: boolean;
  dataDir: string;
  /** Opens the profile's core; closed by the runner when the command returns. */
  core(options?: { installSample?: boolean }): Core;
  print(text: string): void;
  printJson(value: unknown): void;
}

export interface Command {
  /** e.g. "pack check" */
  name: string;
  usage: string;
  summary: string;
  options?: OptionSpec;
  run(ctx: CommandContext): Promise<number | void>;
}
