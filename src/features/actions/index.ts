export { ActionHostProvider } from './ActionHostProvider';
export { ActionButton } from './ActionButton';
export { ActionMenu } from './ActionMenu';
export { useAction, useProvideRunControls } from './useAction';
export { ACTIONS, getAction } from './registry';
export type { AppAction, ActionContext, RunControls } from './types';
