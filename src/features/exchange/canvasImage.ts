import { getNodesBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { withInlinedSvgStyles } from './inlineSvgStyles';

const PADDING = 40;
const MAX_SIDE = 4096;

/**
 * Renders the whole design (every node, not just what is on screen) from the React Flow
 * viewport element to a PNG or SVG data URL, fitted with a margin.
 */
export async function renderCanvas(format: 'png' | 'svg', nodes: Node[], root: ParentNode = document): Promise<string> {
  const viewportElement = root.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportElement) throw new Error('The canvas is not on screen');
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(1, MAX_SIDE / Math.max(bounds.width + 2 * PADDING, bounds.height + 2 * PADDING, 1));
  const width = Math.max(200, Math.round((bounds.width + 2 * PADDING) * scale));
  const height = Math.max(150, Math.round((bounds.height + 2 * PADDING) * scale));
  // Places the bounds' top-left corner at the margin, at the chosen scale (no fitting heuristics).
  const viewport = { x: (PADDING - bounds.x) * scale, y: (PADDING - bounds.y) * scale, zoom: scale };
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    // Fonts are the page's own; skipping their embedding avoids fetching stylesheets (CSP connect-src).
    skipFonts: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
  };
  return withInlinedSvgStyles(viewportElement, () => (format === 'png' ? toPng(viewportElement, options) : toSvg(viewportElement, options)));
}

/** A data URL's bytes as a Blob (so the download has a real file, not a link to a data URL). */
export async function dataUrlToBlob(dataUrl: string): Promise<Blob> {
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(5, comma);
  const mime = header.split(';')[0] ?? 'application/octet-stream';
  const data = dataUrl.slice(comma + 1);
  if (header.endsWith(';base64')) {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: mime });
  }
  return new Blob([decodeURIComponent(data)], { type: mime });
}
