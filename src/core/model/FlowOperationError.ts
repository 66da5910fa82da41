/**
 * Thrown by a document operation that the user asked for but that is not allowed
 * (an illegal connection, an unknown node). `message` is written for the user.
 */
export class FlowOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowOperationError';
  }
}
