import { restoreFlowDocument, type FlowDocument } from '../core';

/** Where the built-in example (the content platform) is served from. */
export const EXAMPLE_URL = `${import.meta.env.BASE_URL}examples/content-platform.json`;

/** Fetches and restores the built-in example. Throws with a readable message when it cannot. */
export async function fetchExampleDesign(): Promise<FlowDocument> {
  const response = await fetch(EXAMPLE_URL);
  if (!response.ok) throw new Error(`The example could not be loaded (HTTP ${response.status})`);
  const restored = restoreFlowDocument(await response.json());
  if (!restored.ok) throw new Error(`The example is not a valid design: ${restored.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return restored.doc;
}
