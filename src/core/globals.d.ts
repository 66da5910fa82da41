/**
 * The only host globals the core uses beyond ES2022. tsconfig.core.json compiles the core
 * without the DOM library, so anything else (window, document, timers, fetch…) is a type error
 * there; both browsers and node (17+) provide these.
 */
declare function structuredClone<T>(value: T): T;
