import { MAX_PROMPT_CHARS, MAX_RAW_METADATA_CHARS, emptyRecipe, recipeSchema } from '../model/take.ts';
import { findForbiddenKey } from '../validation.ts';
import { recipeFromA1111Parameters } from './a1111Parameters.ts';
import type { Graph, SamplerView } from './comfyGraph.ts';
import { frameRate, graphFromApiPrompt, latentInfo, modelInfo, promptText, samplerView } from './comfyGraph.ts';
import { graphFromWorkflow } from './comfyWorkflow.ts';
import { parseJsonExact } from './exactJson.ts';
import type { RecipePatch } from './recipePatch.ts';
import { applyRecipePatch } from './recipePatch.ts';

/**
 * A recipe from the metadata a generator embedded in its output: ComfyUI's `prompt` (API graph)
 * and `workflow` (editor graph) text chunks, a VideoHelperSuite `comment` tag holding both, or
 * Stable Diffusion WebUI's `parameters` text. The texts are always kept, as is, in rawMetadata
 * (a JSON object of chunk name → text), so nothing is lost when a field cannot be read; problems
 * become warnings. Never throws.
 */
export interface EmbeddedRecipe {
  readonly patch: RecipePatch;
  readonly warnings: readonly string[];
}

export type MetadataChunks = Readonly<Record<string, string>>;

const KNOWN_CHUNKS = ['prompt', 'workflow', 'parameters', 'comment'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function parseChunk(name: string, text: string, warnings: string[]): unknown {
  try {
    const { value, exact } = parseJsonExact(text);
    if (!exact) warnings.push(`The ${name} metadata has seeds too large to read exactly in this runtime; check the seed.`);
    const forbidden = findForbiddenKey(value, name);
    if (forbidden) {
      warnings.push(`The ${name} metadata uses the reserved key ${forbidden}; it was kept but not read.`);
      return null;
    }
    return value;
  } catch (error) {
    warnings.push(`The ${name} metadata is not valid JSON (${error instanceof Error ? error.message : String(error)}); it was kept as text but not read.`);
    return null;
  }
}

/** The sampler the recipe comes from: one that starts from an empty latent (not a refiner or second pass), then the lowest id. */
function primarySampler(graph: Graph): SamplerView | null {
  const views = [...graph.values()].map((node) => samplerView(graph, node)).filter((v): v is SamplerView => v !== null);
  const rank = (v: SamplerView) => (latentInfo(graph, v.latent).fresh ? 0 : 1) + (v.seed === null ? 2 : 0);
  const byId = (a: SamplerView, b: SamplerView) => Number(a.node.id) - Number(b.node.id) || (a.node.id < b.node.id ? -1 : 1);
  return views.sort((a, b) => rank(a) - rank(b) || byId(a, b))[0] ?? null;
}

const wholeIn = (v: number | null, min: number, max: number) => (v !== null && Number.isInteger(v) && v >= min && v <= max ? v : null);
const finiteIn = (v: number | null, min: number, max: number) => (v !== null && Number.isFinite(v) && v >= min && v <= max ? v : null);
const clip = (text: string | null, max: number) => (text === null ? null : text.slice(0, max));

function recipeFromGraph(graph: Graph, source: string, warnings: string[]): RecipePatch | null {
  const sampler = primarySampler(graph);
  if (!sampler) {
    warnings.push(`No sampler was found in the ${source}; only the raw metadata was kept.`);
    return null;
  }
  const samplers = [...graph.values()].filter((n) => samplerView(graph, n)).length;
  if (samplers > 1) warnings.push(`The ${source} has ${samplers} samplers; the recipe was read from node ${sampler.node.id} (${sampler.node.classType}).`);
  const model = modelInfo(graph, sampler.model);
  const latent = latentInfo(graph, sampler.latent);
  const fps = finiteIn(frameRate(graph), 0.001, 1000);
  const frames = wholeIn(latent.length, 1, 100_000_000);
  const extra: Record<string, string | number | boolean> = {};
  if (sampler.samplerName) extra['sampler'] = sampler.samplerName.slice(0, 10_000);
  if (sampler.scheduler) extra['scheduler'] = sampler.scheduler.slice(0, 10_000);
  if (sampler.denoise !== null && Number.isFinite(sampler.denoise)) extra['denoise'] = sampler.denoise;
  if (frames !== null) extra['frames'] = frames;
  if (model.loras.length > 0) extra['loras'] = model.loras.join(', ').slice(0, 10_000);
  const prompt = promptText(graph, sampler.positive, 'positive');
  const negative = promptText(graph, sampler.negative, 'negative');
  if (prompt === null) warnings.push(`The prompt text could not be traced from the sampler in the ${source}.`);
  const durationSeconds = frames !== null && fps !== null ? Math.min(frames / fps, 86_400) : null;
  const patch: Mutable<RecipePatch> = {
    provider: 'comfyui',
    nonDeterministic: false,
    seed: sampler.seed !== null && sampler.seed.length <= 20 && BigInt(sampler.seed) <= 2n ** 64n - 1n ? sampler.seed : null,
    params: {
      steps: wholeIn(sampler.steps, 0, 100_000),
      guidance: finiteIn(sampler.cfg, 0, 1000),
      width: wholeIn(latent.width, 1, 65_535),
      height: wholeIn(latent.height, 1, 65_535),
      fps,
      durationSeconds,
      extra,
    },
  };
  if (sampler.seed !== null && patch.seed === null) warnings.push(`The seed ${sampler.seed} is not a 64-bit seed; it was not read.`);
  if (model.name !== null) patch.model = model.name.slice(0, 200);
  if (prompt !== null) patch.prompt = clip(prompt, MAX_PROMPT_CHARS)!;
  if (negative !== null) patch.negativePrompt = clip(negative, MAX_PROMPT_CHARS)!;
  return patch;
}

/** ComfyUI chunk values may be JSON text or, inside a VideoHelperSuite comment, already parsed. */
function chunkValue(name: string, value: unknown, warnings: string[]): unknown {
  return typeof value === 'string' ? parseChunk(name, value, warnings) : value;
}

/** The raw texts to keep, largest (the editor workflow) dropped first if they do not fit. */
function rawMetadataOf(chunks: MetadataChunks, warnings: string[]): string | null {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(chunks).sort()) if (typeof chunks[name] === 'string') kept[name] = chunks[name];
  if (Object.keys(kept).length === 0) return null;
  let text = JSON.stringify(kept);
  for (const drop of ['workflow', 'comment', 'prompt', 'parameters']) {
    if (text.length <= MAX_RAW_METADATA_CHARS) break;
    if (!(drop in kept)) continue;
    delete kept[drop];
    warnings.push(`The ${drop} metadata is too large to keep with the take; it was left out.`);
    text = JSON.stringify(kept);
  }
  return text.length <= MAX_RAW_METADATA_CHARS ? text : null;
}

export function recipeFromEmbeddedMetadata(chunks: MetadataChunks): EmbeddedRecipe {
  const warnings: string[] = [];
  let patch: RecipePatch | null = null;
  try {
    let prompt: unknown = chunks['prompt'] !== undefined ? chunkValue('prompt', chunks['prompt'], warnings) : null;
    let workflow: unknown = chunks['workflow'] !== undefined ? chunkValue('workflow', chunks['workflow'], warnings) : null;
    if (chunks['comment'] !== undefined && prompt === null && workflow === null) {
      const comment = parseChunk('comment', chunks['comment'], warnings);
      if (typeof comment === 'object' && comment !== null && !Array.isArray(comment)) {
        const c = comment as Record<string, unknown>;
        prompt = c['prompt'] !== undefined ? chunkValue('prompt', c['prompt'], warnings) : null;
        workflow = c['workflow'] !== undefined ? chunkValue('workflow', c['workflow'], warnings) : null;
      }
    }
    const apiGraph = graphFromApiPrompt(prompt);
    if (apiGraph) patch = recipeFromGraph(apiGraph, 'ComfyUI prompt', warnings);
    if (!patch) {
      const editorGraph = graphFromWorkflow(workflow);
      if (editorGraph) {
        patch = recipeFromGraph(editorGraph, 'ComfyUI workflow', warnings);
        if (patch)
          warnings.push('Read from the editor workflow (the file has no API prompt): check the seed, which the editor may have changed after queueing.');
      }
    }
    if (!patch && typeof chunks['parameters'] === 'string') {
      const parsed = recipeFromA1111Parameters(chunks['parameters']);
      warnings.push(...parsed.warnings);
      patch = parsed.patch;
    }
    if (!patch && Object.keys(chunks).some((k) => (KNOWN_CHUNKS as readonly string[]).includes(k)) && warnings.length === 0) {
      warnings.push('The embedded metadata holds no recipe this version can read; it was kept as is.');
    }
  } catch (error) {
    // A graph shape nobody foresaw must not lose the import: keep the raw text.
    warnings.push(`The embedded metadata could not be read (${error instanceof Error ? error.message : String(error)}); it was kept as is.`);
    patch = null;
  }
  const rawMetadata = rawMetadataOf(chunks, warnings);
  if (patch && !recipeSchema.safeParse(applyRecipePatch(emptyRecipe(), { ...patch, rawMetadata })).success) {
    warnings.push('Some values read from the metadata are out of range; only the raw metadata was kept.');
    patch = null;
  }
  return { patch: { ...(patch ?? {}), rawMetadata }, warnings };
}
