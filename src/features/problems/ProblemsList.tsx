import { useAppStore } from '../../state/store';
import { selectProblems } from '../../state/selectors';

/** The validator's findings; clicking one selects its node and centers the canvas on it. */
export function ProblemsList() {
  const problems = useAppStore(selectProblems);
  const focusNode = useAppStore((s) => s.focusNode);
  const setSidePanel = useAppStore((s) => s.setSidePanel);
  if (problems.length === 0) {
    return <div className="problems problems--none" role="status">No problems found: the design is consistent.</div>;
  }
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((problem, index) => {
        const nodeId = problem.nodeId;
        return (
          <li key={`${problem.code}-${problem.path}-${index}`}>
            <button type="button" className={`problem problem--${problem.severity}`} disabled={!nodeId}
              title={nodeId ? 'Select the node this problem is about' : problem.path}
              onClick={() => { if (nodeId) { focusNode(nodeId); setSidePanel('inspector'); } }}>
              <span className="problem__icon" aria-label={problem.severity}>{problem.severity === 'error' ? '✖' : '⚠'}</span>
              <span className="problem__text">
                <span className="problem__message">{problem.message}</span>
                <span className="problem__path">{problem.path}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
