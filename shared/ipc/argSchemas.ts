import { z } from 'zod';
import type { Unbranded } from '../ids.ts';
import { JOB_KINDS, MAX_FRAME_IMAGE_BYTES, MENU_COMMANDS } from './contract.ts';
import type { MainApiArg, MainApiMethod, MainEventName } from './contract.ts';
import { frameRateSchema } from '../model/frameRate.schema.ts';
import { MAX_RECORDS, documentDataSchema } from '../model/documentData.ts';
import { projectSettingsSchema } from '../model/projectSettings.ts';
import { MEDIA_PATH_PATTERN } from '../model/media.ts';
import { docRecordSchema } from '../model/records.ts';

/**
 * Runtime schemas for every method's argument. Main validates each call with these before any
 * service sees it: the renderer is treated as untrusted input, like a network peer.
 */
const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex -- NUL and control characters are what paths must not hold
  .regex(/^[^\u0000-\u001f]*$/, 'must not contain control characters');
const projectIdSchema = z.uuid();

const noArgument = z.undefined();

const clientIdSchema = z.string().min(8).max(100);
const projectClient = { projectId: projectIdSchema, clientId: clientIdSchema };
const jobIdSchema = z.uuid();

/** Base64 of the largest frame image (4 characters per 3 bytes), rounded up to whole MiB: 90 MiB. */
export const MAX_FRAME_IMAGE_BASE64_CHARS = Math.ceil((Math.ceil(MAX_FRAME_IMAGE_BYTES / 3) * 4) / 1048576) * 1048576;
const base64Schema = z
  .string()
  .max(MAX_FRAME_IMAGE_BASE64_CHARS, 'is larger than the biggest image a frame may be')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (A–Z, a–z, 0–9, +, / and trailing =)');

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest');
const mediaPathSchema = z
  .string()
  .max(300)
  .regex(MEDIA_PATH_PATTERN, 'must be media/<16 hex>/<file name>')
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'must not contain . or .. segments');
/** Stored media are content-addressed: the folder is named by the hash, so a mismatched pair is refused. */
const inHashFolder = (m: { hash: string; path: string }) => m.path.split('/')[1] === m.hash.slice(0, 16);
const IN_HASH_FOLDER = { message: "must lie in the folder named by the hash's first 16 hex digits", path: ['path'] };
const media = { hash: hashSchema, path: mediaPathSchema };
const projectMedia = z.strictObject({ projectId: projectIdSchema, ...media }).refine(inHashFolder, IN_HASH_FOLDER);
/** The largest number of references one checkMedia call takes. */
export const MAX_CHECKED_MEDIA = 10_000;

export const MAIN_API_ARG_SCHEMAS = {
  getHostInfo: noArgument,
  listProjects: noArgument,
  createProject: z.strictObject({
    name: z.string().max(500),
    frameRate: frameRateSchema,
    dropFrame: z.boolean(),
    width: z.number().int().min(16).max(16384),
    height: z.number().int().min(16).max(16384),
    parentDir: pathSchema.optional(),
  }),
  openProject: z.strictObject({ path: pathSchema, clientId: clientIdSchema }),
  closeProject: z.strictObject(projectClient),
  renameProject: z.strictObject({ path: pathSchema, name: z.string().max(500) }),
  duplicateProject: z.strictObject({ path: pathSchema, name: z.string().max(500) }),
  trashProject: z.strictObject({ path: pathSchema }),
  forgetRecentProject: z.strictObject({ path: pathSchema }),
  saveSnapshot: z.strictObject({ ...projectClient, revision: z.number().int().min(0), data: documentDataSchema }),
  saveChanges: z
    .strictObject({
      ...projectClient,
      baseRevision: z.number().int().min(0),
      revision: z.number().int().min(1),
      puts: z.array(docRecordSchema).max(MAX_RECORDS),
      deletes: z.array(z.uuid()).max(MAX_RECORDS),
      settings: projectSettingsSchema.nullable(),
    })
    .refine((c) => c.revision > c.baseRevision, { message: 'revision must be greater than baseRevision', path: ['revision'] }),
  answerOwnerPing: z.strictObject({ projectId: projectIdSchema, nonce: z.uuid(), clientId: clientIdSchema }),
  listBackups: z.strictObject({ path: pathSchema }),
  createBackup: z.strictObject({ ...projectClient, kind: z.enum(['pre-bulk-delete', 'pre-import']), note: z.string().max(500).nullable() }),
  restoreBackup: z.strictObject({ ...projectClient, backupId: z.string().min(1).max(200) }),
  recoverProject: z.strictObject({ path: pathSchema, backupId: z.string().min(1).max(200) }),
  exportBundle: z.strictObject({ path: pathSchema, targetPath: pathSchema.optional() }),
  importBundle: z.strictObject({ bundlePath: pathSchema, name: z.string().max(500).optional() }),
  cancelJob: z.strictObject({ jobId: jobIdSchema }),
  getDiskStatus: z.strictObject({ path: pathSchema }),
  importFrameImage: z.strictObject({ ...projectClient, fileName: z.string().min(1).max(255), dataBase64: base64Schema }),
  importMedia: z.strictObject({ ...projectClient, sourcePath: pathSchema, fileName: z.string().min(1).max(255).optional() }),
  probeMedia: projectMedia,
  getMediaPoster: projectMedia,
  getScrubStrip: projectMedia,
  checkMedia: z.strictObject({
    projectId: projectIdSchema,
    refs: z.array(z.strictObject(media).refine(inHashFolder, IN_HASH_FOLDER)).max(MAX_CHECKED_MEDIA),
  }),
  relinkMedia: z.strictObject({ ...projectClient, ...media, newSourcePath: pathSchema }).refine(inHashFolder, IN_HASH_FOLDER),
  getSettings: noArgument,
  updateSettings: z.strictObject({
    workspaceDir: pathSchema.optional(),
    inspectorWidth: z.number().int().min(240).max(800).optional(),
    showInspector: z.boolean().optional(),
  }),
  browseFolder: z.strictObject({
    path: pathSchema.optional(),
    fileExtensions: z
      .array(z.string().regex(/^[a-z0-9]{1,10}$/))
      .max(10)
      .optional(),
  }),
  showOpenDialog: z.strictObject({ purpose: z.enum(['open-project', 'choose-folder', 'import-bundle']) }),
  showSaveDialog: z.strictObject({ purpose: z.literal('export-bundle'), defaultName: z.string().min(1).max(255) }),
  openExternal: z.strictObject({ url: z.string().max(2048) }),
  acknowledgeFlush: z.strictObject({ requestId: z.string().min(1).max(100), saved: z.boolean() }),
} satisfies { [M in MainApiMethod]: z.ZodType<unknown> };

/**
 * Compile-time check that each schema's output matches the method's declared argument type, so
 * the contract and its validation cannot drift apart.
 */
type SchemaOutputs = { [M in MainApiMethod]: z.output<(typeof MAIN_API_ARG_SCHEMAS)[M]> };
/** Brands and readonly are compile-time only; compare the runtime shapes. */
type Loosen<T> = T extends string
  ? Unbranded<T>
  : T extends readonly (infer I)[]
    ? Loosen<I>[]
    : T extends object
      ? { -readonly [K in keyof T]: Loosen<T[K]> }
      : T;
type ArgsMatch = {
  [M in MainApiMethod]: SchemaOutputs[M] extends Loosen<MainApiArg<M>> ? (Loosen<MainApiArg<M>> extends SchemaOutputs[M] ? true : M) : M;
};
type Mismatched = ArgsMatch[MainApiMethod] extends true ? never : Exclude<ArgsMatch[MainApiMethod], true>;
const schemasMatchContract: [Mismatched] extends [never] ? true : Mismatched = true;
export const ARG_SCHEMAS_MATCH = schemasMatchContract;

const diskStatusSchema = z.strictObject({ path: z.string(), freeBytes: z.number(), low: z.boolean(), message: z.string().nullable() });
const jobKindSchema = z.enum(JOB_KINDS);

export const MAIN_EVENT_SCHEMAS = {
  menuCommand: z.strictObject({ command: z.enum(MENU_COMMANDS) }),
  flushRequest: z.strictObject({ requestId: z.string().min(1).max(100), reason: z.enum(['blur', 'close', 'quit']) }),
  jobProgress: z.strictObject({ jobId: z.string(), kind: jobKindSchema, label: z.string(), done: z.number(), total: z.number(), phase: z.string().nullable() }),
  jobFinished: z.strictObject({
    jobId: z.string(),
    kind: jobKindSchema,
    label: z.string(),
    ok: z.boolean(),
    error: z.strictObject({ code: z.string(), message: z.string(), where: z.string().optional() }).nullable(),
    value: z.unknown(),
  }),
  ownerPing: z.strictObject({ projectId: z.string(), nonce: z.string() }),
  projectTakenOver: z.strictObject({ projectId: z.string(), clientId: z.string() }),
  storageWarning: diskStatusSchema,
  openBundle: z.strictObject({ path: z.string() }),
} satisfies { [E in MainEventName]: z.ZodType<unknown> };
