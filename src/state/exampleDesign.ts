import { restoreFlowDocument, type FlowDocument } from '../core';

/** The built-in examples (files in `public/examples/`), offered by ☰ Designs → New from example. */
export const BUILT_IN_EXAMPLES = [
  { file: 'content-platform.json', name: 'Content platform', what: 'Outbox, inbox and a projection: the source article’s content platform (opened on a first visit).' },
  { file: 'order-fulfilment.json', name: 'Order fulfilment at scale', what: 'Three consumer instances on partitions, a row written by two consumers, a cached read model: lost updates until a concurrency control is on.' },
] as const;

export type BuiltInExample = (typeof BUILT_IN_EXAMPLES)[number]['file'];

/** Where the built-in example opened on a first visit (the content platform) is served from. */
export const EXAMPLE_URL = `${import.meta.env.BASE_URL}examples/content-platform.json`;

/** Fetches and restores a built-in example (the content platform by default). Throws with a readable message when it cannot. */
export async function fetchExampleDesign(file: BuiltInExample = 'content-platform.json'): Promise<FlowDocument> {
  const response = await fetch(`${import.meta.env.BASE_URL}examples/${file}`);
  if (!response.ok) throw new Error(`The example could not be loaded (HTTP ${response.status})`);
  const restored = restoreFlowDocument(await response.json());
  if (!restored.ok) throw new Error(`The example is not a valid design: ${restored.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return restored.doc;
}
