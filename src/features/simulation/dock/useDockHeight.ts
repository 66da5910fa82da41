import { useCallback, useEffect, useState } from 'react';
import { clampDockHeight } from './dockHeight';

const STORAGE_KEY = 'efd.simulation.dockHeight';

function remembered(): number {
  const raw = window.localStorage.getItem(STORAGE_KEY);
  return clampDockHeight(raw === null ? Number.NaN : Number(raw), window.innerHeight);
}

/** The dock's height, clamped to the window and remembered across reloads (localStorage). */
export function useDockHeight(): [number, (height: number) => void] {
  const [height, setHeightState] = useState(remembered);
  const setHeight = useCallback((next: number) => {
    const clamped = clampDockHeight(next, window.innerHeight);
    setHeightState(clamped);
    window.localStorage.setItem(STORAGE_KEY, String(clamped));
  }, []);
  useEffect(() => {
    const onResize = () => setHeightState((h) => clampDockHeight(h, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return [height, setHeight];
}
