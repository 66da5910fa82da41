const SVG_PROPERTIES = [
  'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'fill', 'fill-opacity', 'opacity', 'paint-order', 'font-size', 'font-family', 'font-weight', 'font-style',
  'text-anchor', 'dominant-baseline', 'letter-spacing',
] as const;

/**
 * Runs `render` while the SVG inside `root` (the edges) carries its computed styles inline and
 * the arrow markers it refers to sit inside `root`: html-to-image copies the SVG subtree as is,
 * so without this the edges lose their stroke (React Flow styles them by CSS class) and their
 * arrowheads (defined outside the viewport). Everything is put back afterwards.
 */
export async function withInlinedSvgStyles<T>(root: HTMLElement, render: () => Promise<T>): Promise<T> {
  const restores: (() => void)[] = [];
  for (const element of root.querySelectorAll<SVGElement>('svg *')) {
    const before = element.getAttribute('style');
    const computed = getComputedStyle(element);
    for (const name of SVG_PROPERTIES) element.style.setProperty(name, computed.getPropertyValue(name));
    restores.push(() => (before === null ? element.removeAttribute('style') : element.setAttribute('style', before)));
  }
  const markers = [...document.querySelectorAll<SVGMarkerElement>('marker')].filter((m) => !root.contains(m));
  if (markers.length > 0) {
    const holder = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    holder.setAttribute('width', '0');
    holder.setAttribute('height', '0');
    holder.style.position = 'absolute';
    const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
    for (const marker of markers) {
      const copy = marker.cloneNode(true) as SVGMarkerElement;
      const sources = [marker, ...marker.querySelectorAll<SVGElement>('*')];
      [copy, ...copy.querySelectorAll<SVGElement>('*')].forEach((element, i) => {
        const computed = getComputedStyle(sources[i]!);
        for (const name of SVG_PROPERTIES) element.style.setProperty(name, computed.getPropertyValue(name));
      });
      defs.append(copy);
    }
    holder.append(defs);
    root.prepend(holder);
    restores.push(() => holder.remove());
  }
  try {
    return await render();
  } finally {
    for (const restore of restores.reverse()) restore();
  }
}
