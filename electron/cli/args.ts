import { BriefbookError } from '../../shared/errors';
import type { CommandContext } from './command';

export function requirePositional(ctx: CommandContext, index: number, name: string): string {
  const value = ctx.positionals[index];
  if (!value)
    throw new BriefbookError('invalid-input', `Missing <${name}>. Run the command with --help to see its usage.`);
  return value;
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}
