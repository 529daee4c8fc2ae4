// `briefbook`: the command line on the same core as the app. Human text by default,
// --json for scripts; errors go to stderr with what to fix, and a non-zero exit code.
import { parseArgs } from 'node:util';
import { BriefbookError, formatProblem } from '../../shared/errors';
import { openCore, VERSION, type Core } from '../api/core';
import { resolveDataDir } from '../platform/dataDir';
import type { Command, CommandContext, OptionSpec } from './command';
import { COMMANDS } from './commands/index';

const GLOBAL_OPTIONS: OptionSpec = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

function helpText(): string {
  return [
    `Briefbook ${VERSION}: offline briefing books for summits.`,
    '',
    'Commands:',
    // Usages are long; a summary on its own line keeps both readable in 80 columns.
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Options for every command:',
    "  --data DIR   the profile folder (default: $BRIEFBOOK_DATA, else the app's user-data folder)",
    '  --json       machine-readable output',
    '  --help, -h   help;  --version, -v  version',
  ].join('\n');
}

function findCommand(positionals: string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = positionals.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: positionals.slice(words) };
  }
  return null;
}

export async function runCli(argv: string[]): Promise<number> {
  const firstPass = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: false });
  if (firstPass.values.version) return (console.log(VERSION), 0);
  const found = findCommand(firstPass.positionals);
  if (!found) {
    if (firstPass.positionals.length === 0 || firstPass.values.help) return (console.log(helpText()), 0);
    console.error(`briefbook: unknown command "${firstPass.positionals.join(' ')}".\n\n${helpText()}`);
    return 2;
  }
  const { command } = found;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`briefbook ${command.name}: ${(err as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) return (console.log(`Usage: ${command.usage}\n\n${command.summary}`), 0);

  const json = parsed.values.json === true;
  let core: Core | null = null;
  const dataDir = resolveDataDir(typeof parsed.values.data === 'string' ? parsed.values.data : null);
  const ctx: CommandContext = {
    positionals: findCommand(parsed.positionals)!.rest,
    values: parsed.values,
    json,
    dataDir,
    core: (o) => (core ??= openCore({ dataDir, transport: 'direct', installSample: o?.installSample ?? false })),
    print: (t) => console.log(t),
    printJson: (v) => console.log(JSON.stringify(v, null, 2)),
  };
  try {
    return (await command.run(ctx)) ?? 0;
  } catch (err) {
    reportError(command, err, json);
    return 1;
  } finally {
    (core as Core | null)?.close();
  }
}

function reportError(command: Command, err: unknown, json: boolean): void {
  if (!(err instanceof BriefbookError)) {
    console.error(
      `briefbook ${command.name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    return;
  }
  if (json)
    console.error(
      JSON.stringify({ ok: false, error: { code: err.code, message: err.message, problems: err.problems } }, null, 2),
    );
  else {
    console.error(`briefbook ${command.name}: ${err.message}`);
    for (const p of err.problems) console.error(`  ${formatProblem(p)}`);
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
