import type { ESLint, Linter } from 'eslint';

/** The plugin that holds the rule `no-user-keyed-record` (see userKeyedRecords.mjs). */
export declare const userKeyedRecordsPlugin: ESLint.Plugin;
/** The flat-config block that turns the rule on for app, core and CLI. */
export declare const userKeyedRecords: Linter.Config;
