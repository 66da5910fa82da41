import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../state/store';
import { selectFocusRequest } from '../state/selectors';

/** Centers the canvas on a node when something (the problems list) asks to focus it. */
export function useFocusRequests(): void {
  const request = useAppStore(selectFocusRequest);
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const node = getInternalNode(request.nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 240;
    const height = node.measured.height ?? 120;
    void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }, [request, getInternalNode, setCenter, getZoom]);
}
