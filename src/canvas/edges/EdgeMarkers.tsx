/** Arrowheads per edge kind, defined once for the whole canvas. */
export function EdgeMarkers() {
  const kinds = ['emits', 'subscribes', 'updates', 'extends', 'active'];
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {kinds.map((kind) => (
          <marker key={kind} id={`arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
            orient="auto-start-reverse" className={`edge-marker edge-marker--${kind}`}>
            <path d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
