// Where the bundled assets (sample pack, fonts) are: beside dist/ in a checkout, in
// the resources folder of a packaged app, or wherever BRIEFBOOK_ASSETS points.
import fs from 'node:fs';
import path from 'node:path';

function candidates(): string[] {
  const out: string[] = [];
  if (process.env.BRIEFBOOK_ASSETS) out.push(process.env.BRIEFBOOK_ASSETS);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) out.push(resources, path.join(resources, 'assets'));
  if (typeof __dirname === 'string')
    out.push(path.resolve(__dirname, '../assets'), path.resolve(__dirname, '../../assets'));
  out.push(path.resolve(process.cwd(), 'assets'));
  return out;
}

export function assetsDir(): string {
  for (const dir of candidates()) if (fs.existsSync(path.join(dir, 'sample-pack', 'pack.yaml'))) return dir;
  return path.resolve(process.cwd(), 'assets');
}

export function samplePackDir(): string {
  return path.join(assetsDir(), 'sample-pack');
}
