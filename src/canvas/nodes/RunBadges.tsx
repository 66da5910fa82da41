import { memo } from 'react';
import { useNodeRunBadges } from '../RunOverlayContext';

/** A node's live run counters, at the foot of its card; nothing outside a run. */
export const RunBadges = memo(function RunBadges({ nodeId }: { nodeId: string }) {
  const badges = useNodeRunBadges(nodeId);
  if (badges.length === 0) return null;
  return (
    <div className="flow-node__badges">
      <div className="run-badges" data-testid={`run-badges.${nodeId}`}>
        {badges.map((b) => <span key={b.label} className={`run-badge ${b.tone}${b.line ? ' run-badge--line' : ''}`} title={b.title}>{b.label}</span>)}
      </div>
    </div>
  );
});
