// Linted as src/persistence/designs/__breaches__.ts.
import { useAppStore } from '../../state/store'; // breach: no-restricted-imports
import { Toolbar } from '../../features/toolbar/Toolbar'; // breach: no-restricted-imports
import { FlowCanvas } from '../../canvas/FlowCanvas'; // breach: no-restricted-imports
import { createRunSession } from '../../session'; // breach: no-restricted-imports
import { Client as PgClient } from 'pg'; // breach: no-restricted-imports
// Allowed: Dexie and the core.
import Dexie from 'dexie';
import { restoreFlowDocument } from '../../core';

export const used = [createRunSession, PgClient, useAppStore, Toolbar, FlowCanvas, Dexie, restoreFlowDocument];
