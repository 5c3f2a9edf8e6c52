import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';
import { newId } from '../../shared/ids.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { docRecordSchema } from '../../shared/model/records.ts';
import { findForbiddenKey } from '../../shared/validation.ts';
import type { Point } from './camera.ts';
import { unionRects } from './camera.ts';
import type { DocumentStore } from './documentStore.ts';
import { recordBounds } from './geometry.ts';
import { withSceneMembers } from './recordCommands.ts';

/** What copy puts on the clipboard: plain JSON text, so it also pastes into another project. */
export const CLIPBOARD_FORMAT = 'shotcanvas/clipboard';
export const MAX_CLIPBOARD_RECORDS = 5000;

const payloadSchema = z.strictObject({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(1),
  records: z.array(docRecordSchema).max(MAX_CLIPBOARD_RECORDS),
});

export interface ClipboardPayload {
  readonly format: typeof CLIPBOARD_FORMAT;
  readonly version: 1;
  readonly records: readonly DocRecord[];
}

/**
 * The selection as a payload: selected scenes bring their shots, arrows come when both ends do.
 * Takes never travel with a copied shot: a pasted or duplicated shot is a new setup to be shot
 * again, and copying takes would duplicate their judgement and make two shots claim the same
 * generated media. (A take's recipe is copied on its own, as JSON.)
 */
export function copyRecords(store: DocumentStore, ids: Iterable<string>): ClipboardPayload | null {
  const picked = withSceneMembers(store, ids);
  for (const arrow of store.ofKind('arrow')) if (picked.has(arrow.fromId) && picked.has(arrow.toId)) picked.add(arrow.id);
  const records = [...picked].map((id) => store.get(id)).filter((r): r is DocRecord => r !== undefined && r.kind !== 'take');
  if (records.length === 0) return null;
  return { format: CLIPBOARD_FORMAT, version: 1, records };
}

/** Parses clipboard text; anything that is not our payload (or is malformed) gives null. */
export function parseClipboard(text: string): ClipboardPayload | null {
  if (text.length > 50 * 1024 * 1024 || !text.includes(CLIPBOARD_FORMAT)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (findForbiddenKey(raw)) return null;
  const parsed = payloadSchema.safeParse(raw);
  return parsed.success ? (parsed.data as unknown as ClipboardPayload) : null;
}

/**
 * Pastes records as new ones (fresh ids; scene membership and arrow ends remapped; shots appended
 * to the end of the cut in their copied order), placed at `at` (their bounds' top-left) or offset
 * from the originals. One transaction. Returns the new ids.
 */
export function pasteRecords(store: DocumentStore, payload: ClipboardPayload, placement: { at?: Point; offset?: number } = {}): string[] {
  const idMap = new Map<string, string>();
  for (const record of payload.records) idMap.set(record.id, newId<DocRecord['id']>());
  const bounds = unionRects(payload.records.map((r) => recordBounds(r)).filter((b) => b !== null));
  const offset =
    placement.at && bounds ? { x: placement.at.x - bounds.x, y: placement.at.y - bounds.y } : { x: placement.offset ?? 32, y: placement.offset ?? 32 };
  const shots = payload.records.filter((r) => r.kind === 'shot').sort((a, b) => (a.order < b.order ? -1 : 1));
  let lastOrder = store.shots().at(-1)?.order ?? null;
  const orderFor = new Map<string, string>();
  for (const shot of shots) {
    lastOrder = generateKeyBetween(lastOrder, null);
    orderFor.set(shot.id, lastOrder);
  }
  const now = Date.now();
  const created: string[] = [];
  store.transact((tx) => {
    for (const record of payload.records) {
      const id = idMap.get(record.id)!;
      const base = { ...record, id, createdAt: now, updatedAt: now, rev: 0 } as DocRecord;
      let next: DocRecord;
      // Takes are not pasted (see copyRecords), even from a clipboard another build wrote.
      if (base.kind === 'take') continue;
      if (base.kind === 'arrow') {
        const fromId = idMap.get(base.fromId);
        const toId = idMap.get(base.toId);
        if (!fromId || !toId) continue;
        next = { ...base, fromId, toId };
      } else if (base.kind === 'shot') {
        const sceneId = base.sceneId ? (idMap.get(base.sceneId) ?? null) : null;
        // A pasted shot is a new shot: no takes yet, and its number derives again.
        next = {
          ...base,
          x: base.x + offset.x,
          y: base.y + offset.y,
          order: orderFor.get(record.id)!,
          sceneId: sceneId as typeof base.sceneId,
          selectedTakeId: null,
          numberOverride: null,
        };
      } else {
        next = { ...base, x: base.x + offset.x, y: base.y + offset.y };
      }
      tx.put(next);
      created.push(id);
    }
  });
  return created;
}
