import path from 'node:path';
import { startBrowserHost } from '../../serve/server';
import type { Command } from '../command';
import { stringOption } from '../args';
import { BriefbookError } from '../../../shared/errors';

export const serve: Command = {
  name: 'serve',
  usage: 'briefbook serve [--port N] [--host 127.0.0.1]',
  summary: 'Open the app in a browser: serves the UI and API on loopback with a per-run token',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(ctx) {
    const portText = stringOption(ctx, 'port') ?? '0';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new BriefbookError('invalid-input', `--port must be a number from 0 to 65535, not "${portText}".`);
    const core = ctx.core({ installSample: true });
    const host = await startBrowserHost({
      core,
      rendererDir: path.join(__dirname, 'renderer'),
      port,
      host: stringOption(ctx, 'host'),
    });
    if (ctx.json) ctx.printJson({ url: host.url, origin: host.origin, dataDir: core.dataDir });
    else {
      ctx.print(`Briefbook is ready at ${host.url}`);
      ctx.print(`Data: ${core.dataDir}. Press Ctrl+C to stop.`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
  },
};
