import type { Graph, GraphNode } from './comfyGraph.ts';

/**
 * ComfyUI's editor "workflow" JSON turned into the API graph shape, for files that carry only the
 * workflow. The editor stores widget values as a positional list per node, so their names come
 * from this table of the core nodes a video or image recipe is read from; other nodes keep only
 * their links (and named widget values, which some custom nodes store as an object).
 */
const WIDGET_NAMES: Readonly<Record<string, readonly string[]>> = {
  KSampler: ['seed', 'control_after_generate', 'steps', 'cfg', 'sampler_name', 'scheduler', 'denoise'],
  KSamplerAdvanced: [
    'add_noise',
    'noise_seed',
    'control_after_generate',
    'steps',
    'cfg',
    'sampler_name',
    'scheduler',
    'start_at_step',
    'end_at_step',
    'return_with_leftover_noise',
  ],
  SamplerCustom: ['add_noise', 'noise_seed', 'control_after_generate', 'cfg'],
  RandomNoise: ['noise_seed', 'control_after_generate'],
  CFGGuider: ['cfg'],
  KSamplerSelect: ['sampler_name'],
  BasicScheduler: ['scheduler', 'steps', 'denoise'],
  CLIPTextEncode: ['text'],
  CheckpointLoaderSimple: ['ckpt_name'],
  UNETLoader: ['unet_name', 'weight_dtype'],
  LoraLoader: ['lora_name', 'strength_model', 'strength_clip'],
  LoraLoaderModelOnly: ['lora_name', 'strength_model'],
  EmptyLatentImage: ['width', 'height', 'batch_size'],
  EmptySD3LatentImage: ['width', 'height', 'batch_size'],
  EmptyHunyuanLatentVideo: ['width', 'height', 'length', 'batch_size'],
  EmptyLTXVLatentVideo: ['width', 'height', 'length', 'batch_size'],
  WanImageToVideo: ['width', 'height', 'length', 'batch_size'],
  CreateVideo: ['fps'],
  SaveAnimatedWEBP: ['filename_prefix', 'fps', 'lossless', 'quality', 'method'],
  PrimitiveNode: ['value', 'control_after_generate'],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The graph of an editor workflow; null when it has no nodes list. */
export function graphFromWorkflow(workflow: unknown): Graph | null {
  if (!isObject(workflow) || !Array.isArray(workflow['nodes'])) return null;
  // links: [id, fromNode, fromSlot, toNode, toSlot, type]
  const linkSource = new Map<number, readonly [string, number]>();
  for (const link of Array.isArray(workflow['links']) ? workflow['links'] : []) {
    if (Array.isArray(link) && typeof link[0] === 'number' && (typeof link[1] === 'number' || typeof link[1] === 'string') && typeof link[2] === 'number') {
      linkSource.set(link[0], [String(link[1]), link[2]]);
    }
  }
  const graph = new Map<string, GraphNode>();
  for (const node of workflow['nodes'] as unknown[]) {
    if (!isObject(node) || (typeof node['id'] !== 'number' && typeof node['id'] !== 'string') || typeof node['type'] !== 'string') continue;
    const inputs: Record<string, unknown> = {};
    const values = node['widgets_values'];
    if (Array.isArray(values)) {
      const names = WIDGET_NAMES[node['type']] ?? [];
      names.forEach((name, i) => {
        if (i < values.length) inputs[name] = values[i];
      });
    } else if (isObject(values)) {
      Object.assign(inputs, values);
    }
    for (const input of Array.isArray(node['inputs']) ? node['inputs'] : []) {
      if (!isObject(input) || typeof input['name'] !== 'string' || typeof input['link'] !== 'number') continue;
      const source = linkSource.get(input['link']);
      if (source) inputs[input['name']] = source;
    }
    const id = String(node['id']);
    graph.set(id, { id, classType: node['type'], inputs });
  }
  return graph.size > 0 ? graph : null;
}
