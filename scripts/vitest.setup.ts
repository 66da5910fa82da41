// Property tests: CI runs them on a fixed seed so a submission's result is reproducible; FC_SEED
// overrides it anywhere (to replay a failure fast-check reported); local runs explore new seeds.
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261129' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
