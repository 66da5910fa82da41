import { createDesignsPersistence, type DesignRepository } from '../../src/persistence/designs';

let repository: DesignRepository | undefined;

/** The app's designs repository in this page (same origin, so the same database), made on first use. */
export function designs(): DesignRepository {
  repository ??= createDesignsPersistence().repository;
  return repository;
}
