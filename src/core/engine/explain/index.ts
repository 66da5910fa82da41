export { explainStep, STEP_PHASES, type StepExplanation, type StepPhase } from './explainStep';
export { PATTERNS, patternOf, type Pattern, type PatternId } from './patterns';
