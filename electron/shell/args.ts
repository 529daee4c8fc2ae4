// Command-line flags the desktop app understands. Pure, for unit tests.

/** The value of `--data DIR` or `--data=DIR`, the last one winning; null when absent. */
export function dataFlagFromArgv(argv: readonly string[]): string | null {
  let value: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    } else if (arg?.startsWith('--data=')) {
      value = arg.slice('--data='.length) || null;
    }
  }
  return value;
}
