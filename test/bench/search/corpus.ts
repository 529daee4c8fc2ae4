// A deterministic synthetic corpus for the search benchmark: officials with Japanese,
// Korean, Chinese and European names (Latin and native script), meetings with agendas,
// talking points and notes whose bodies draw words from a Zipf-distributed vocabulary
// and mention officials by name. Same seed, same corpus, on every machine.
import { LIMITS, type PackItem } from '../../../shared/model';
import type { LoadedPack } from '../../../electron/packs/types';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Part = [latin: string, native: string];
const JP_FAMILY_A: Part[] = [
  ['Wata', '渡'],
  ['Yama', '山'],
  ['Kawa', '川'],
  ['Naka', '中'],
  ['Matsu', '松'],
  ['Taka', '高'],
  ['Ishi', '石'],
  ['Fuji', '藤'],
  ['Mura', '村'],
  ['Hashi', '橋'],
  ['Kobaya', '小林'],
  ['Oka', '丘'],
  ['Hira', '平'],
  ['Miya', '宮'],
  ['Sugi', '杉'],
  ['Kiku', '菊'],
  ['Tsuchi', '土'],
  ['Shima', '嶋'],
  ['Mori', '森'],
  ['Ara', '荒'],
  ['Ō', '大'],
  ['Uchi', '内'],
  ['Kō', '幸'],
  ['Chika', '近'],
];
const JP_FAMILY_B: Part[] = [
  ['nabe', '辺'],
  ['moto', '本'],
  ['da', '田'],
  ['mura', '村'],
  ['shita', '下'],
  ['guchi', '口'],
  ['saki', '崎'],
  ['no', '野'],
  ['oka', '岡'],
  ['kawa', '川'],
  ['uchi', '内'],
  ['hara', '原'],
  ['zawa', '沢'],
  ['shima', '島'],
  ['ta', '太'],
  ['i', '井'],
  ['ki', '木'],
  ['be', '部'],
  ['tsuka', '塚'],
  ['ike', '池'],
];
const JP_GIVEN_A: Part[] = [
  ['Shige', '重'],
  ['Hiro', '博'],
  ['Kazu', '和'],
  ['Masa', '正'],
  ['Toshi', '俊'],
  ['Yoshi', '義'],
  ['Taka', '隆'],
  ['Nobu', '信'],
  ['Haru', '春'],
  ['Tsuyo', '強'],
  ['Michi', '道'],
  ['Aki', '明'],
  ['Yasu', '康'],
  ['Kei', '恵'],
  ['Shō', '翔'],
  ['Ryū', '竜'],
  ['Jun', '純'],
  ['Chika', '千'],
  ['Fumi', '文'],
  ['Sachi', '幸'],
];
const JP_GIVEN_B: Part[] = [
  ['hiro', '宏'],
  ['ko', '子'],
  ['o', '夫'],
  ['ki', '樹'],
  ['ya', '也'],
  ['ta', '太'],
  ['shi', '志'],
  ['nori', '典'],
  ['yuki', '之'],
  ['mi', '美'],
  ['hito', '仁'],
  ['kazu', '一'],
  ['ji', '二'],
  ['e', '江'],
  ['ka', '香'],
  ['to', '斗'],
];
const KR_FAMILY: Part[] = [
  ['Kim', '김'],
  ['Lee', '이'],
  ['Park', '박'],
  ['Choi', '최'],
  ['Jung', '정'],
  ['Kang', '강'],
  ['Cho', '조'],
  ['Yoon', '윤'],
  ['Jang', '장'],
  ['Lim', '임'],
  ['Han', '한'],
  ['Oh', '오'],
  ['Seo', '서'],
  ['Shin', '신'],
  ['Kwon', '권'],
  ['Hwang', '황'],
  ['Ahn', '안'],
  ['Song', '송'],
  ['Ryu', '류'],
  ['Hong', '홍'],
];
const KR_SYLLABLE: Part[] = [
  ['Min', '민'],
  ['Seo', '서'],
  ['Ji', '지'],
  ['Ha', '하'],
  ['Yeon', '연'],
  ['Hyun', '현'],
  ['Seok', '석'],
  ['Yeol', '열'],
  ['Jun', '준'],
  ['Woo', '우'],
  ['Eun', '은'],
  ['Soo', '수'],
  ['Young', '영'],
  ['Jae', '재'],
  ['Sung', '성'],
  ['Hee', '희'],
  ['Kyung', '경'],
  ['Dong', '동'],
  ['Myung', '명'],
  ['Won', '원'],
];
const CN_FAMILY: Part[] = [
  ['Wang', '王'],
  ['Li', '李'],
  ['Zhang', '张'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Huang', '黄'],
  ['Zhao', '赵'],
  ['Wu', '吴'],
  ['Zhou', '周'],
  ['Xu', '徐'],
  ['Sun', '孙'],
  ['Ma', '马'],
  ['Zhu', '朱'],
  ['Hu', '胡'],
  ['Guo', '郭'],
  ['He', '何'],
  ['Gao', '高'],
  ['Lin', '林'],
  ['Luo', '罗'],
];
const CN_SYLLABLE: Part[] = [
  ['Wei', '伟'],
  ['Fang', '芳'],
  ['Min', '敏'],
  ['Jing', '静'],
  ['Li', '丽'],
  ['Qiang', '强'],
  ['Lei', '磊'],
  ['Jun', '军'],
  ['Yang', '洋'],
  ['Yong', '勇'],
  ['Yan', '艳'],
  ['Jie', '杰'],
  ['Tao', '涛'],
  ['Ming', '明'],
  ['Chao', '超'],
  ['Xiu', '秀'],
  ['Hua', '华'],
  ['Ping', '平'],
  ['Gang', '刚'],
  ['Hui', '慧'],
];
const EU_GIVEN = [
  'Anna',
  'Thomas',
  'Maria',
  'Jürgen',
  'Claire',
  'François',
  'Sophie',
  'Lukas',
  'Elena',
  'Henrik',
  'Søren',
  'José',
  'Ingrid',
  'Marco',
  'Zoë',
  'Björn',
  'Chloé',
  'Mateo',
  'Olivia',
  'Felix',
  'Ana',
  'Pierre',
  'Hélène',
  'Stefan',
  'Katarzyna',
  'Łukasz',
  'Miguel',
  'Astrid',
  'Noah',
  'Emma',
];
const EU_FAMILY = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Dubois',
  'Lefèvre',
  'Moreau',
  'Laurent',
  'García',
  'Martínez',
  'López',
  'González',
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Andersson',
  'Johansson',
  'Nowak',
  'Kowalski',
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  "O'Brien",
  'Murphy',
  'Novák',
  'Dvořák',
  'Horváth',
  'Nagy',
  'Jensen',
  'Nielsen',
];
const COUNTRIES = { jp: 'Japan', kr: 'Republic of Korea', cn: 'China', eu: 'Germany' } as const;

const COMMON = (
  'security cooperation trade economic agreement regional minister summit energy climate supply chain ' +
  'investment dialogue maritime defence digital infrastructure technology partnership policy ' +
  'development export control critical minerals semiconductor cyber resilience health finance ' +
  'sanctions alliance framework bilateral multilateral strategy growth stability transition ' +
  'delegation statement negotiation commitment priority proposal review implementation'
).split(' ');
const JP_TEXT = ['安全保障', '経済協力', '外務大臣', '首脳会談', '日本', '中国', '供給網', '半導体', '気候変動'];
const KR_TEXT = ['안보', '경제협력', '외교부', '정상회담', '한국', '반도체', '공급망'];

export interface Official {
  id: string;
  name: string;
  nativeName?: string;
  family: string;
  origin: keyof typeof COUNTRIES;
}

export interface Corpus {
  packs: LoadedPack[];
  officials: Official[];
  /** Every item's searchable text, for ground truth. */
  texts: { packId: string; kind: PackItem['kind']; id: string; text: string; body: string }[];
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function makeName(r: () => number): Omit<Official, 'id'> {
  const roll = r();
  if (roll < 0.5) {
    const fa = pick(r, JP_FAMILY_A);
    const fb = pick(r, JP_FAMILY_B);
    const ga = pick(r, JP_GIVEN_A);
    const gb = pick(r, JP_GIVEN_B);
    const family = fa[0] + fb[0];
    return {
      name: `${family} ${ga[0]}${gb[0]}`,
      nativeName: `${fa[1]}${fb[1]} ${ga[1]}${gb[1]}`,
      family,
      origin: 'jp',
    };
  }
  if (roll < 0.72) {
    const f = pick(r, KR_FAMILY);
    const a = pick(r, KR_SYLLABLE);
    const b = pick(r, KR_SYLLABLE);
    return {
      name: `${f[0]} ${a[0]}-${b[0].toLowerCase()}`,
      nativeName: `${f[1]}${a[1]}${b[1]}`,
      family: f[0],
      origin: 'kr',
    };
  }
  if (roll < 0.87) {
    const f = pick(r, CN_FAMILY);
    const a = pick(r, CN_SYLLABLE);
    const two = r() < 0.6;
    const b = pick(r, CN_SYLLABLE);
    const given = two ? a[0] + b[0].toLowerCase() : a[0];
    return { name: `${f[0]} ${given}`, nativeName: f[1] + a[1] + (two ? b[1] : ''), family: f[0], origin: 'cn' };
  }
  const family = pick(r, EU_FAMILY);
  const given = r() < 0.5 ? `${pick(r, EU_GIVEN)} ${pick(r, EU_GIVEN)}` : pick(r, EU_GIVEN);
  return { name: `${given} ${family}`, family, origin: 'eu' };
}

function vocabulary(r: () => number, size: number): string[] {
  const syl = [
    'ka',
    'ri',
    'to',
    'mel',
    'van',
    'sor',
    'den',
    'qui',
    'lor',
    'bri',
    'tan',
    'ves',
    'pol',
    'nar',
    'zu',
    'fen',
  ];
  const words = new Set<string>(COMMON);
  while (words.size < size) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(r, syl);
    words.add(w);
  }
  return [...words];
}

/** Zipf-ish draw: low indexes (the common words) much more often. */
function zipf(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(r() * Math.log(n + 1)) - 1));
}

export function generateCorpus(total: number, seed = 20270315): Corpus {
  const r = rng(seed);
  const vocab = vocabulary(r, Math.max(2_000, Math.round(total / 4)));
  const nOfficials = Math.round(total * 0.2);
  const nMeetings = Math.round(total * 0.1);
  const nPoints = Math.round(total * 0.25);
  const nNotes = total - nOfficials - nMeetings - nPoints;
  const officials: Official[] = [];
  const seen = new Set<string>();
  while (officials.length < nOfficials) {
    const n = makeName(r);
    if (seen.has(n.name)) continue;
    seen.add(n.name);
    officials.push({ ...n, id: `o${officials.length}` });
  }
  const sentence = (len: number): string => {
    const out: string[] = [];
    for (let i = 0; i < len; i++) out.push(vocab[zipf(r, vocab.length)]!);
    return out.join(' ');
  };
  const body = (): string => {
    const parts = [sentence(15 + Math.floor(r() * 25)) + '.'];
    if (r() < 0.3) parts.push(`Minister ${pick(r, officials).name} raised ${sentence(6)}.`);
    parts.push(sentence(15 + Math.floor(r() * 40)) + '.');
    if (r() < 0.05) parts.push(Array.from({ length: 6 }, () => pick(r, r() < 0.5 ? JP_TEXT : KR_TEXT)).join('の'));
    return parts.join(' ');
  };
  const title = (n: number): string => {
    const w = Array.from({ length: n }, () => vocab[zipf(r, 200)]!);
    return w.join(' ').replace(/^./, (c) => c.toUpperCase());
  };

  const items: PackItem[] = [];
  for (const o of officials) {
    items.push({
      kind: 'official',
      id: o.id,
      data: {
        name: o.name,
        ...(o.nativeName ? { nativeName: o.nativeName } : {}),
        title: pick(r, ['Minister', 'Deputy Minister', 'Ambassador', 'Director-General', 'Senior Adviser']),
        organization: `Ministry of ${pick(r, ['Foreign Affairs', 'Trade', 'Defence', 'Finance', 'Economy'])}`,
        country: COUNTRIES[o.origin],
        languages: [],
        tags: [],
      },
      body: `${o.name} ${sentence(30)}.`,
    });
  }
  for (let i = 0; i < nMeetings; i++) {
    items.push({
      kind: 'meeting',
      id: `m${i}`,
      data: {
        title: `Bilateral meeting: ${title(3)}`,
        start: '2027-03-15T09:00',
        end: '2027-03-15T10:00',
        location: pick(r, ['Kantei', 'Iikura House', 'Hotel Okura', 'Akasaka Palace']),
        participants: [],
        talkingPoints: [],
        agenda: Array.from({ length: 2 + Math.floor(r() * 3) }, (_, k) => ({
          time: `${String(9 + k).padStart(2, '0')}:00`,
          title: title(4),
        })),
      },
      body: body(),
    });
  }
  for (let i = 0; i < nPoints; i++)
    items.push({
      kind: 'talking-point',
      id: `t${i}`,
      data: { title: title(4), priority: pick(r, ['high', 'medium', 'low'] as const), meetings: [], officials: [] },
      body: body(),
    });
  for (let i = 0; i < nNotes; i++)
    items.push({ kind: 'note', id: `n${i}`, data: { title: title(5), tags: [] }, body: body() });

  // Shuffle so every pack holds every kind, then split into packs the size the format allows.
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  const packs: LoadedPack[] = [];
  const texts: Corpus['texts'] = [];
  for (let p = 0; p * LIMITS.maxItems < items.length; p++) {
    const id = `bench-${p + 1}`;
    const slice = items.slice(p * LIMITS.maxItems, (p + 1) * LIMITS.maxItems);
    packs.push({
      meta: {
        id,
        title: `Benchmark pack ${p + 1}`,
        event: { name: 'Bench', location: 'Tokyo', timeZone: 'Asia/Tokyo', start: '2027-03-15', end: '2027-03-17' },
        classification: 'UNCLASSIFIED',
      },
      items: slice,
      photos: new Map(),
    });
    for (const it of slice) texts.push({ packId: id, kind: it.kind, id: it.id, text: itemText(it), body: it.body });
  }
  return { packs, officials, texts };
}

/** Everything a text query could match in an item (what both engines index). */
export function itemText(it: PackItem): string {
  switch (it.kind) {
    case 'official':
      return [
        it.data.name,
        it.data.nativeName ?? '',
        it.data.title,
        it.data.organization,
        it.data.country,
        it.body,
      ].join(' ');
    case 'meeting':
      return [it.data.title, it.data.location, ...it.data.agenda.map((a) => a.title), it.body].join(' ');
    default:
      return [it.data.title, it.body].join(' ');
  }
}
