import type { Command } from '../command';
import { add } from './add';
import { exportCommand } from './export';
import { identity } from './identity';
import { keygen } from './keygen';
import { notesExport } from './notesExport';
import { notesImport } from './notesImport';
import { notesList } from './notesList';
import { packBuild } from './packBuild';
import { packCheck } from './packCheck';
import { packVerify } from './packVerify';
import { packs } from './packs';
import { search } from './search';
import { serve } from './serve';
import { sync } from './sync';

/** Every CLI command; help lists them in this order. */
export const COMMANDS: readonly Command[] = [
  packCheck,
  keygen,
  identity,
  packBuild,
  packVerify,
  add,
  sync,
  packs,
  exportCommand,
  search,
  notesList,
  notesExport,
  notesImport,
  serve,
];
