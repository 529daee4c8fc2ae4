// A small pack built in code, so relevance tests do not depend on the sample pack.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/store/db';
import type { LoadedPack } from '../../../electron/packs/types';
import type { PackItem, PackMeta } from '../../../shared/model';

export function tempDb(): { db: Db; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-search-'));
  const db = openDatabase(path.join(dir, 'test.sqlite3'));
  return {
    db,
    cleanup: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function meta(id: string, title = 'Fixture summit'): PackMeta {
  return {
    id,
    title,
    event: { name: title, location: 'Tokyo', timeZone: 'Asia/Tokyo', start: '2027-03-15', end: '2027-03-17' },
    classification: 'UNCLASSIFIED',
  };
}

type OfficialInput = { id: string; name: string; nativeName?: string; country: string; title?: string; bio?: string };

export function official(o: OfficialInput): PackItem {
  return {
    kind: 'official',
    id: o.id,
    data: {
      name: o.name,
      ...(o.nativeName ? { nativeName: o.nativeName } : {}),
      title: o.title ?? 'Deputy Minister',
      organization: 'Ministry of Foreign Affairs',
      country: o.country,
      languages: [],
      tags: [],
    },
    body: o.bio ?? `${o.name} is a career diplomat.`,
  };
}

export function note(id: string, title: string, body: string): PackItem {
  return { kind: 'note', id, data: { title, tags: [] }, body };
}

export function meeting(id: string, title: string, body: string, agenda: string[] = []): PackItem {
  return {
    kind: 'meeting',
    id,
    data: {
      title,
      start: '2027-03-15T09:00',
      end: '2027-03-15T10:00',
      location: 'Kantei, Tokyo',
      participants: [],
      talkingPoints: [],
      agenda: agenda.map((t, i) => ({ time: `${String(9 + i).padStart(2, '0')}:00`, title: t })),
    },
    body,
  };
}

export function talkingPoint(id: string, title: string, body: string): PackItem {
  return { kind: 'talking-point', id, data: { title, priority: 'high', meetings: [], officials: [] }, body };
}

export function pack(id: string, items: PackItem[]): LoadedPack {
  return { meta: meta(id), items, photos: new Map() };
}

/** The officials every relevance case is about, among decoys one letter or one romanisation away. */
export const OFFICIALS: PackItem[] = [
  official({ id: 'watanabe-shigehiro', name: 'Watanabe Shigehiro', nativeName: '渡辺 重宏', country: 'Japan' }),
  official({ id: 'watanabe-shigeru', name: 'Watanabe Shigeru', nativeName: '渡辺 茂', country: 'Japan' }),
  official({ id: 'watanuki-hiroshi', name: 'Watanuki Hiroshi', nativeName: '綿貫 博', country: 'Japan' }),
  official({ id: 'ono-keiko', name: 'Ōno Keiko', nativeName: '大野 恵子', country: 'Japan' }),
  official({ id: 'ono-kenji', name: 'Onoda Kenji', nativeName: '小野田 健二', country: 'Japan' }),
  official({ id: 'tsuchiya-jun', name: 'Tsuchiya Jun', nativeName: '土屋 純', country: 'Japan' }),
  official({ id: 'murooka-akira', name: 'Murooka Akira', nativeName: '室岡 明', country: 'Japan' }),
  official({ id: 'muraoka-taro', name: 'Muranaka Taro', nativeName: '村中 太郎', country: 'Japan' }),
  official({ id: 'tanaka-hiroshi', name: 'Tanaka Hiroshi', nativeName: '田中 博', country: 'Japan' }),
  official({ id: 'yoon-suk-yeol', name: 'Yoon Suk-yeol', nativeName: '윤석열', country: 'Republic of Korea' }),
  official({ id: 'yang-min-ji', name: 'Yang Min-ji', nativeName: '양민지', country: 'Republic of Korea' }),
  official({ id: 'lee-jae-myung', name: 'Lee Jae-myung', nativeName: '이재명', country: 'Republic of Korea' }),
  official({ id: 'park-ji-won', name: 'Park Ji-won', nativeName: '박지원', country: 'Republic of Korea' }),
  official({ id: 'mueller-anna', name: 'Anna Müller', country: 'Germany', title: 'State Secretary' }),
  official({ id: 'miller-anne', name: 'Anne Miller', country: 'United States', title: 'Under Secretary' }),
  official({ id: 'wang-li', name: 'Wang Li', nativeName: '王力', country: 'China' }),
];
