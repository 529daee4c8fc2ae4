// Pair kerning read from a font's GPOS table: the `kern` feature's pair-adjustment
// lookups (type 2, directly or through an extension, type 9), as fontkit's own GPOS
// processor applies them, but as a lookup per glyph pair instead of a full shaping
// pass per word. Contextual kerning (type 8) is not applied.

/** The parts of fontkit's decoded GPOS table this reads. */
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface LazyArray<T> {
  get(i: number): T;
}
interface Value {
  xAdvance?: number;
}
interface PairPos {
  version: number;
  coverage: Coverage;
  pairSets?: LazyArray<{ secondGlyph: number; value1: Value }[]>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: LazyArray<LazyArray<{ value1: Value }>>;
}
interface Subtable extends PairPos {
  lookupType?: number;
  extension?: PairPos;
}
export interface Gpos {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: LazyArray<{ lookupType: number; subTables: Subtable[] }>;
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs?.indexOf(glyph) ?? -1;
  for (const r of coverage.rangeRecords ?? [])
    if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

function classOf(def: ClassDef | undefined, glyph: number): number {
  if (!def) return 0;
  if (def.version === 1) {
    const i = glyph - (def.startGlyph ?? 0);
    return i >= 0 && i < (def.classValueArray?.length ?? 0) ? def.classValueArray![i]! : 0;
  }
  for (const r of def.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/** The adjustment (font units) a pair subtable gives `first` before `second`, or null if it does not cover `first`. */
function pairValue(table: PairPos, first: number, second: number): number | null {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return null;
  if (table.version === 1) {
    for (const pair of table.pairSets?.get(index) ?? [])
      if (pair.secondGlyph === second) return pair.value1.xAdvance ?? 0;
    return null;
  }
  const record = table.classRecords?.get(classOf(table.classDef1, first))?.get(classOf(table.classDef2, second));
  return record?.value1.xAdvance ?? 0;
}

/** Kerning between two glyph ids, in font units; 0 when the font has none for them. */
export function pairKerning(gpos: Gpos | undefined): (first: number, second: number) => number {
  if (!gpos) return () => 0;
  const indexes = [
    ...new Set(gpos.featureList.filter((f) => f.tag === 'kern').flatMap((f) => f.feature.lookupListIndexes)),
  ].sort((a, b) => a - b);
  const lookups = indexes.map((i) => gpos.lookupList.get(i)).filter((l) => l.lookupType === 2 || l.lookupType === 9);
  return (first, second) => {
    let total = 0;
    for (const lookup of lookups) {
      for (const sub of lookup.subTables) {
        const table = lookup.lookupType === 9 ? sub.extension : sub;
        if (!table || (lookup.lookupType === 9 && sub.lookupType !== 2)) continue;
        const v = pairValue(table, first, second);
        if (v !== null) {
          total += v;
          break;
        }
      }
    }
    return total;
  };
}
