import { integerDigits } from './exactJson.ts';

/**
 * Reading a ComfyUI graph: the API-format "prompt" ComfyUI embeds in its outputs
 * (`{"3": {"class_type": "KSampler", "inputs": {"seed": 5, "positive": ["6", 0], …}}}`), or the
 * editor "workflow" turned into the same shape. Values are found by following links from the
 * sampler: prompts through the conditioning chain, the model through LoRA loaders, the size
 * through the latent. Everything here tolerates any JSON: a field that is not where or what we
 * expect is simply not read.
 */
export type Link = readonly [string, number];

export interface GraphNode {
  readonly id: string;
  readonly classType: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

export type Graph = ReadonlyMap<string, GraphNode>;

/** Deep enough for real chains (LoRA stacks, conditioning combines), small enough to stop any loop. */
const MAX_DEPTH = 32;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function asLink(value: unknown): Link | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, slot] = value as [unknown, unknown];
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof slot !== 'number' || !Number.isInteger(slot)) return null;
  return [String(id), slot];
}

/** An API-format prompt as a graph; null when it has no node of that shape at all. */
export function graphFromApiPrompt(prompt: unknown): Graph | null {
  if (!isObject(prompt)) return null;
  const graph = new Map<string, GraphNode>();
  for (const [id, node] of Object.entries(prompt)) {
    if (!isObject(node) || typeof node['class_type'] !== 'string') continue;
    graph.set(id, { id, classType: node['class_type'], inputs: isObject(node['inputs']) ? node['inputs'] : {} });
  }
  return graph.size > 0 ? graph : null;
}

export function follow(graph: Graph, value: unknown): GraphNode | null {
  const link = asLink(value);
  return link ? (graph.get(link[0]) ?? null) : null;
}

/** Inputs that hold a value fed by a small node (a "Primitive", "Int", "Seed" or "String" node). */
const VALUE_INPUTS = ['value', 'seed', 'noise_seed', 'int', 'float', 'number', 'string', 'text'];

/** A literal input value, following links into value nodes. Large integers arrive as bigint. */
export function scalar(graph: Graph, value: unknown, depth = 0): string | number | boolean | bigint | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  const node = depth < MAX_DEPTH ? follow(graph, value) : null;
  if (!node) return null;
  for (const key of VALUE_INPUTS) if (key in node.inputs) return scalar(graph, node.inputs[key], depth + 1);
  return null;
}

export function numberInput(graph: Graph, node: GraphNode, key: string): number | null {
  const v = scalar(graph, node.inputs[key]);
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null;
}

export function textInput(graph: Graph, node: GraphNode, key: string): string | null {
  const v = scalar(graph, node.inputs[key]);
  return typeof v === 'string' ? v : null;
}

/** What a sampler says about the generation, whichever sampler node family produced it. */
export interface SamplerView {
  readonly node: GraphNode;
  readonly seed: string | null;
  readonly steps: number | null;
  readonly cfg: number | null;
  readonly samplerName: string | null;
  readonly scheduler: string | null;
  readonly denoise: number | null;
  readonly model: unknown;
  readonly positive: unknown;
  readonly negative: unknown;
  readonly latent: unknown;
}

function seedOf(graph: Graph, node: GraphNode | null): string | null {
  if (!node) return null;
  for (const key of ['seed', 'noise_seed']) {
    const digits = integerDigits(scalar(graph, node.inputs[key]));
    if (digits !== null) return digits;
  }
  return null;
}

/**
 * KSampler, KSamplerAdvanced and custom samplers that look like them read their own inputs;
 * SamplerCustom(Advanced) spreads the same facts over RandomNoise, a guider, KSamplerSelect and
 * BasicScheduler nodes.
 */
export function samplerView(graph: Graph, node: GraphNode): SamplerView | null {
  const i = node.inputs;
  if (node.classType === 'SamplerCustomAdvanced' || node.classType === 'SamplerCustom') {
    const guider = node.classType === 'SamplerCustomAdvanced' ? follow(graph, i['guider']) : node;
    const sigmas = follow(graph, i['sigmas']);
    const picker = follow(graph, i['sampler']);
    const noise = node.classType === 'SamplerCustomAdvanced' ? follow(graph, i['noise']) : node;
    return {
      node,
      seed: seedOf(graph, noise),
      steps: sigmas ? numberInput(graph, sigmas, 'steps') : null,
      cfg: guider ? numberInput(graph, guider, 'cfg') : null,
      samplerName: picker ? textInput(graph, picker, 'sampler_name') : null,
      scheduler: sigmas ? textInput(graph, sigmas, 'scheduler') : null,
      denoise: sigmas ? numberInput(graph, sigmas, 'denoise') : null,
      model: guider?.inputs['model'] ?? sigmas?.inputs['model'],
      positive: guider?.inputs['positive'] ?? guider?.inputs['conditioning'],
      negative: guider?.inputs['negative'],
      latent: i['latent_image'],
    };
  }
  const isSampler = /sampler/i.test(node.classType) && ('seed' in i || 'noise_seed' in i) && ('positive' in i || 'steps' in i);
  if (!isSampler) return null;
  return {
    node,
    seed: seedOf(graph, node),
    steps: numberInput(graph, node, 'steps'),
    cfg: numberInput(graph, node, 'cfg'),
    samplerName: textInput(graph, node, 'sampler_name'),
    scheduler: textInput(graph, node, 'scheduler'),
    denoise: numberInput(graph, node, 'denoise'),
    model: i['model'],
    positive: i['positive'],
    negative: i['negative'],
    latent: i['latent_image'] ?? i['samples'],
  };
}

const TEXT_KEYS = ['text', 'prompt', 't5xxl', 'text_g', 'clip_l', 'text_l'];

/**
 * The prompt text feeding a conditioning input. Text encoders answer directly; nodes that carry
 * a positive/negative pair through (WanImageToVideo, ControlNetApplyAdvanced…) are crossed on the
 * same side; combines join the texts of every branch.
 */
export function promptText(graph: Graph, value: unknown, side: 'positive' | 'negative', depth = 0, seen = new Set<string>()): string | null {
  const node = depth < MAX_DEPTH ? follow(graph, value) : null;
  if (!node || seen.has(node.id)) return null;
  seen.add(node.id);
  const sideKey = `${side}_prompt`;
  if (typeof scalar(graph, node.inputs[sideKey]) === 'string') return textInput(graph, node, sideKey);
  if (/encode|text/i.test(node.classType)) {
    for (const key of TEXT_KEYS) {
      const text = textInput(graph, node, key);
      if (text !== null) return text;
    }
  }
  if ('positive' in node.inputs || 'negative' in node.inputs) return promptText(graph, node.inputs[side], side, depth + 1, seen);
  const branches = Object.keys(node.inputs)
    .filter((k) => k.startsWith('conditioning'))
    .sort();
  const texts = branches.map((k) => promptText(graph, node.inputs[k], side, depth + 1, seen)).filter((t): t is string => t !== null && t !== '');
  return texts.length > 0 ? texts.join('\n') : null;
}

export interface ModelInfo {
  readonly name: string | null;
  /** LoRAs between the loader and the sampler, as "name:strength". */
  readonly loras: readonly string[];
}

const MODEL_KEYS = ['ckpt_name', 'unet_name', 'model_name', 'model_path', 'model'];

/** The checkpoint or diffusion model behind a model input, crossing LoRA loaders and patches. */
export function modelInfo(graph: Graph, value: unknown): ModelInfo {
  const loras: string[] = [];
  let node = follow(graph, value);
  for (let depth = 0; node && depth < MAX_DEPTH; depth += 1) {
    const lora = textInput(graph, node, 'lora_name');
    if (lora !== null) loras.push(`${lora}:${numberInput(graph, node, 'strength_model') ?? 1}`);
    for (const key of MODEL_KEYS) {
      const name = textInput(graph, node, key);
      if (name !== null) return { name, loras };
    }
    node = follow(graph, node.inputs['model']);
  }
  return { name: null, loras };
}

export interface LatentInfo {
  readonly width: number | null;
  readonly height: number | null;
  /** Frames of a video latent (EmptyHunyuanLatentVideo, WanImageToVideo…). */
  readonly length: number | null;
  /** The latent starts empty (text-to-…) rather than from an encoded image or an earlier sampler. */
  readonly fresh: boolean;
}

/** The size of the latent a sampler starts from, crossing batch and repeat nodes. */
export function latentInfo(graph: Graph, value: unknown): LatentInfo {
  let node = follow(graph, value);
  for (let depth = 0; node && depth < MAX_DEPTH; depth += 1) {
    const width = numberInput(graph, node, 'width');
    const height = numberInput(graph, node, 'height');
    if (width !== null && height !== null) return { width, height, length: numberInput(graph, node, 'length'), fresh: true };
    if (samplerView(graph, node)) return { width: null, height: null, length: null, fresh: false };
    node = follow(graph, node.inputs['samples'] ?? node.inputs['latent_image'] ?? node.inputs['latent']);
  }
  return { width: null, height: null, length: null, fresh: false };
}

/** The frame rate of the output: a video-writing node's frame_rate/fps, else any node's. */
export function frameRate(graph: Graph): number | null {
  let fallback: number | null = null;
  for (const node of graph.values()) {
    const fps = numberInput(graph, node, 'frame_rate') ?? numberInput(graph, node, 'fps');
    if (fps === null || fps <= 0) continue;
    if (/combine|save|createvideo|video/i.test(node.classType)) return fps;
    fallback ??= fps;
  }
  return fallback;
}
