// Facts about the bundled sample pack, read from its source so the journeys follow it
// when its authors change names or times.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const packDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/sample-pack');

function frontMatter(file: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(packDir, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return (match ? YAML.parse(match[1]!) : {}) as Record<string, unknown>;
}

export const samplePack = {
  title: (YAML.parse(fs.readFileSync(path.join(packDir, 'pack.yaml'), 'utf8')) as { title: string }).title,
  official: (id: string) =>
    frontMatter(`officials/${id}.md`) as { name: string; country: string; organization: string },
  officialCount: fs.readdirSync(path.join(packDir, 'officials')).filter((f) => f.endsWith('.md')).length,
  officialsIn: (country: string) =>
    fs
      .readdirSync(path.join(packDir, 'officials'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => frontMatter(`officials/${f}`) as { name: string; country: string })
      .filter((o) => o.country === country)
      .map((o) => o.name)
      .sort((a, b) => a.localeCompare(b)),
};
