import type { BackupKind } from '../../../shared/ipc/contract.ts';

export const BACKUP_KIND_LABELS: Readonly<Record<BackupKind, string>> = {
  auto: 'Autosave',
  launch: 'Opened',
  'pre-migration': 'Before format upgrade',
  'pre-import': 'Before import',
  'pre-bulk-delete': 'Before bulk delete',
  'pre-restore': 'Before restore',
  'pre-recovery': 'Before recovery',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
