// Numbered migrations, imported statically, applied in order at open. A released
// migration is never edited: fix forward with a new number.
import { migration001 } from './001-initial';
import { migration002 } from './002-search';
import { migration003 } from './003-publisher-keys';
import { migration004 } from './004-sync';
import { migration005 } from './005-annotation-deletions';
import { migration006 } from './006-item-objects';
import { migration007 } from './007-search-item-rowid';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];
