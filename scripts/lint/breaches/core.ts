// Linted by scripts/lint/boundaries.test.ts as if it were src/core/engine/__breaches__.ts.
// Every line marked `breach: <rule>` must get exactly one error of that rule; unmarked lines none.
import { useState } from 'react'; // breach: no-restricted-imports
import { ReactFlow } from '@xyflow/react'; // breach: no-restricted-imports
import { create } from 'zustand'; // breach: no-restricted-imports
import Dexie from 'dexie'; // breach: no-restricted-imports
import { useLiveQuery } from 'dexie-react-hooks'; // breach: no-restricted-imports
import { useAppStore } from '../../state/store'; // breach: no-restricted-imports
import { simulationDb } from '../../persistence/simulation'; // breach: no-restricted-imports
import { Toolbar } from '../../features/toolbar/Toolbar'; // breach: no-restricted-imports
import { readFileSync } from 'node:fs'; // breach: no-restricted-imports
import { Client } from 'pg'; // breach: no-restricted-imports
import { runDesign } from '../../../runner/runDesign'; // breach: no-restricted-imports
import { deriveEdges } from '../model/deriveEdges';

export async function breaches(seed: number) {
  const lazyDexie = await import('dexie'); // breach: no-restricted-syntax
  const lazyShell = await import('../../features/toolbar/Toolbar'); // breach: no-restricted-syntax
  const lazyNode = await import('node:fs'); // breach: no-restricted-syntax
  const lazyReact = await import('react-dom/client'); // breach: no-restricted-syntax
  const lazyUnknown = await import(`../${String(seed)}`); // breach: no-restricted-syntax
  const lazyNats = await import('nats'); // breach: no-restricted-syntax
  const now = new Date(); // breach: no-restricted-syntax
  const today = Date(); // breach: no-restricted-syntax
  const millis = Date.now(); // breach: no-restricted-properties
  const dice = Math.random(); // breach: no-restricted-properties
  const id = crypto.randomUUID(); // breach: no-restricted-globals
  const started = performance.now(); // breach: no-restricted-globals
  const win = globalThis.window; // breach: no-restricted-globals
  const doc = window.document; // breach: no-restricted-globals
  const title = document.title; // breach: no-restricted-globals
  const agent = navigator.userAgent; // breach: no-restricted-globals
  const stored = localStorage.getItem('x'); // breach: no-restricted-globals
  const opening = indexedDB.open('x'); // breach: no-restricted-globals
  const range = IDBKeyRange.lowerBound(1); // breach: no-restricted-globals
  const timer = setTimeout(() => undefined, 0); // breach: no-restricted-globals
  const env = process.env.CI; // breach: no-restricted-globals
  const page = await fetch('/x'); // breach: no-restricted-globals

  // Allowed: a lazy chunk of the core, time and randomness passed in, a fixed date, a clone, local names like the globals.
  const lazyOwn = await import('../model/deriveEdges');
  const fixed = new Date(seed).toISOString();
  const copy = structuredClone({ seed });
  const performanceOf = (performance: number) => performance * 2;
  return [useState, ReactFlow, create, Dexie, useLiveQuery, useAppStore, simulationDb, Toolbar, readFileSync, Client, runDesign, deriveEdges,
    lazyDexie, lazyShell, lazyNode, lazyReact, lazyUnknown, lazyNats, lazyOwn, now, today, millis, dice, id, started, win, doc, title, agent, stored, opening, range, timer, env, page,
    fixed, copy, performanceOf];
}
