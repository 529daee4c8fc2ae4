// Name keys: one spelling per name however it was romanised. Applied identically to
// indexed names and to queries, so "Sigehiro", "Shigehiro", "Ōno", "Ohno", "Oono",
// "Yoon", "Yun", "Müller" and "Mueller" meet on the same key. The rules may merge a
// few unrelated spellings ("Jim"/"Zim"); that is harmless because ranking still
// prefers the exact spelling, and they only ever widen a name match.

/** Korean surnames whose romanisations differ by more than the general rules undo. */
const KOREAN_SURNAMES: Record<string, string> = {
  lee: 'lee',
  yi: 'lee',
  rhee: 'lee',
  rhie: 'lee',
  ri: 'lee',
  li: 'lee',
  yoon: 'yun',
  yun: 'yun',
  youn: 'yun',
  park: 'park',
  pak: 'park',
  bak: 'park',
  bahk: 'park',
  choi: 'choi',
  choe: 'choi',
  chey: 'choi',
  jung: 'jung',
  chung: 'jung',
  jeong: 'jung',
  cheong: 'jung',
  joung: 'jung',
  gim: 'kim',
  kang: 'kang',
  gang: 'kang',
  cho: 'jo',
  jo: 'jo',
  jang: 'jang',
  chang: 'jang',
  lim: 'lim',
  rim: 'lim',
  im: 'lim',
  ryu: 'yu',
  yoo: 'yu',
  ryoo: 'yu',
  yu: 'yu',
  noh: 'noh',
  roh: 'noh',
  no: 'noh',
  moon: 'mun',
  mun: 'mun',
  kwon: 'kwon',
  gwon: 'kwon',
  koo: 'gu',
  ku: 'gu',
  gu: 'gu',
  shin: 'shin',
  sin: 'shin',
  seo: 'seo',
  suh: 'seo',
  so: 'seo',
};

const RULES: [RegExp, string][] = [
  // German and Nordic transliterations of umlauts: Mueller = Müller (already folded to "muller").
  [/ue/g, 'u'],
  [/oe/g, 'o'],
  [/ae/g, 'a'],
  // Hepburn → Kunrei-shiki.
  [/tsu/g, 'tu'],
  [/shi/g, 'si'],
  [/chi/g, 'ti'],
  [/sh([auo])/g, 'sy$1'],
  [/ch([auo])/g, 'ty$1'],
  [/j([auo])/g, 'zy$1'],
  [/ji/g, 'zi'],
  [/fu/g, 'hu'],
  // Syllabic n before labials: Shimbun = Shinbun, Namba = Nanba.
  [/m([bp])/g, 'n$1'],
  // Long vowels: Ōno (folded to "ono") = Ohno = Oono = Ouno; Satō = Satou = Sato.
  [/oh(?![aeiouy])/g, 'o'],
  [/ou/g, 'o'],
  [/uu/g, 'u'],
  // Doubled letters: Hattori = Hatori, Oono = Ono, Muller = Muler.
  [/([a-z])\1+/g, '$1'],
];

/** Key of one folded Latin word (see `fold` in text.ts). Non-Latin words are returned unchanged. */
export function nameKey(foldedWord: string): string {
  let key = memo.get(foldedWord);
  if (key === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(foldedWord, (key = computeKey(foldedWord)));
  }
  return key;
}

const MEMO_SIZE = 100_000;
const memo = new Map<string, string>();

function computeKey(foldedWord: string): string {
  let w = foldedWord.replace(/['’`-]/g, '');
  if (!/^[a-z0-9]+$/.test(w)) return w;
  w = KOREAN_SURNAMES[w] ?? w;
  for (const [re, to] of RULES) w = w.replace(re, to);
  return w;
}
