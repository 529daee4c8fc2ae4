import type { Command } from '../command';
import { add } from './add';
import { packCheck } from './packCheck';
import { packs } from './packs';
import { serve } from './serve';

/** Every CLI command; help lists them in this order. */
export const COMMANDS: readonly Command[] = [packCheck, add, packs, serve];
