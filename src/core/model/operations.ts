/** The pure operations on a flow document, gathered for the editor. Each lives in its own file. */
export { FlowOperationError } from './FlowOperationError';
export {
  createEmptyDocument, allNodes, findNode, newNodeId, newCommandId, uniqueName, addNode, replaceNode, moveNodes,
} from './nodes';
export { deleteNodes } from './deleteNodes';
export { describeDeletion } from './deletionImpact';
export { canConnect, type ConnectionCheck } from './canConnect';
export { connect, disconnect } from './connect';
export { replaceNodeCarryingRenames } from './carryRenames';
export { withCommandEmission, withHandlerEmission, upsertEffectFor, unmappedPaths, inPathOrder } from './autoMap';
export { copyNodes, pasteNodes, type ClipboardPayload } from './clipboard';
export {
  withEnvelope, addLibrarySchema, renameLibrarySchema, replaceLibrarySchema, removeLibrarySchema, freshLibraryName,
} from './designSettings';
