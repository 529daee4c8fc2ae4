// Where an export goes and what it is called. Pure, so unit-tested.
import { EXPORTS_FOLDER, type ExportScope } from '../../../shared/api';

/** Where the app writes exports: the data folder's exports/ (same separator as the data folder). */
export function exportsFolder(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}${separator(dataDir)}${EXPORTS_FOLDER}`;
}

export const separator = (dataDir: string) => (dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/');

/** A safe file name: letters, digits, dots, dashes; always ending in .pdf. */
export function cleanFileName(name: string): string {
  const base = name
    .trim()
    .replace(/\.pdf$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120);
  return `${base || 'brief'}.pdf`;
}

export function defaultFileName(packId: string, scope: ExportScope, today: string): string {
  const what =
    scope.kind === 'all'
      ? 'brief'
      : scope.kind === 'day'
        ? `day-${scope.date}`
        : scope.kind === 'meeting'
          ? `meeting-${scope.id}`
          : scope.ids.length === 1
            ? `profile-${scope.ids[0]}`
            : `profiles-${scope.ids.length}`;
  return `${packId}-${what}-${today}.pdf`;
}
