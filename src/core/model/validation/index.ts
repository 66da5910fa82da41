export { validateFlow } from './validateFlow';
export { PROBLEM_CODES, pointer, pointerSegment, type Problem, type ProblemCode, type ProblemSeverity } from './problems';
