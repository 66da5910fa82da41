/** The drag-and-drop data type the palette sets and the canvas accepts (value: a node kind). */
export const PALETTE_DRAG_TYPE = 'application/x-event-flow-node-kind';
