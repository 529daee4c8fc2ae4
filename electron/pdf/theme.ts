// Typography and page geometry of a brief: one place for sizes, colours and margins.

export type Paper = 'a4' | 'letter';

export interface PageGeometry {
  size: 'A4' | 'LETTER';
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function geometry(paper: Paper): PageGeometry {
  const [width, height] = paper === 'a4' ? [595.28, 841.89] : [612, 792];
  return {
    size: paper === 'a4' ? 'A4' : 'LETTER',
    width,
    height,
    left: 62,
    right: width - 62,
    top: 84,
    bottom: height - 66,
  };
}

export const COLORS = {
  ink: '#1b2230',
  muted: '#5c6575',
  faint: '#8a93a3',
  accent: '#1f3a5f',
  accentSoft: '#e8eef6',
  rule: '#c8ced8',
  zebra: '#f4f6f9',
  marking: '#a3161b',
  link: '#1f4f8f',
  high: '#a3161b',
  medium: '#b26a00',
  low: '#4a6b3a',
  watermark: '#7a8699',
} as const;

export const HIGHLIGHTS: Record<string, string> = {
  yellow: '#fbeea0',
  green: '#cfeec8',
  blue: '#cfe2f8',
  pink: '#f8d3e1',
};

export const TYPE = {
  body: { size: 9.5, leading: 1.42 },
  small: { size: 8, leading: 1.35 },
  h1: { size: 22, leading: 1.2 },
  h2: { size: 15, leading: 1.25 },
  h3: { size: 11, leading: 1.3 },
  h4: { size: 9.5, leading: 1.35 },
  kicker: { size: 7.5, leading: 1.3 },
  /** Space kept with a heading: it never sits alone at the bottom of a page. */
  keepWithHeading: 3,
} as const;
