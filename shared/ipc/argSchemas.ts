import { z } from 'zod';
import type { Unbranded } from '../ids.ts';
import { MENU_COMMANDS } from './contract.ts';
import type { MainApiArg, MainApiMethod, MainEventName, MainEvents } from './contract.ts';
import { frameRateSchema } from '../model/frameRate.schema.ts';
import { projectDataSchema } from '../model/projectFile.ts';

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
  openProject: z.strictObject({ path: pathSchema }),
  closeProject: z.strictObject({ projectId: projectIdSchema }),
  renameProject: z.strictObject({ path: pathSchema, name: z.string().max(500) }),
  duplicateProject: z.strictObject({ path: pathSchema, name: z.string().max(500) }),
  trashProject: z.strictObject({ path: pathSchema }),
  forgetRecentProject: z.strictObject({ path: pathSchema }),
  saveSnapshot: z.strictObject({
    projectId: projectIdSchema,
    revision: z.number().int().min(0),
    data: projectDataSchema,
  }),
  getSettings: noArgument,
  updateSettings: z.strictObject({
    workspaceDir: pathSchema.optional(),
    inspectorWidth: z.number().int().min(240).max(800).optional(),
    showInspector: z.boolean().optional(),
  }),
  browseFolder: z.strictObject({ path: pathSchema.optional() }),
  showOpenDialog: z.strictObject({ purpose: z.enum(['open-project', 'choose-folder']) }),
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

export const MAIN_EVENT_SCHEMAS = {
  menuCommand: z.strictObject({ command: z.enum(MENU_COMMANDS) }),
  flushRequest: z.strictObject({ requestId: z.string().min(1).max(100), reason: z.enum(['blur', 'close', 'quit']) }),
} satisfies { [E in MainEventName]: z.ZodType<MainEvents[E]> };
