import { Component, type ErrorInfo, type ReactNode } from 'react';
import './durability.css';

/** A way out of a broken area, e.g. "Back to design" or "Reset the run". */
export interface RecoveryAction {
  label: string;
  /** What the action does, for its tooltip. */
  title?: string;
  run(): void | Promise<void>;
}

interface Props {
  /** The area in the words of its users, e.g. "The canvas" or "The Trace panel". */
  area: string;
  /** What is still safe, in one sentence (e.g. "Your design is saved in this browser."). */
  reassurance?: string;
  /** Recovery actions besides "Try again". */
  actions?: readonly RecoveryAction[];
  /** When any of these change, a shown error is cleared (e.g. another design was opened). */
  resetKeys?: readonly unknown[];
  children: ReactNode;
  className?: string;
}

interface State {
  error: Error | null;
}

const changed = (a: readonly unknown[] = [], b: readonly unknown[] = []) => a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));

/** The error's own words: its name and message (a thrown non-Error is shown as text). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

/**
 * Contains a render error to one area: the area shows what broke (with the error's text), what is
 * still safe, and ways out; the rest of the app keeps working. Never a blank page.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  componentDidUpdate(previous: Props): void {
    if (this.state.error && changed(previous.resetKeys, this.props.resetKeys)) this.setState({ error: null });
  }

  private readonly retry = () => this.setState({ error: null });

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { area, reassurance, actions = [], className } = this.props;
    return (
      <div className={`error-boundary${className ? ` ${className}` : ''}`} role="alert" aria-label={`${area} stopped working`}>
        <p className="error-boundary__title"><strong>{area} stopped working.</strong> {reassurance}</p>
        <p className="error-boundary__detail">The error was: <code>{errorText(error)}</code></p>
        <div className="error-boundary__actions">
          {actions.map((action) => (
            <button key={action.label} type="button" className="tool-button" title={action.title}
              onClick={() => { void Promise.resolve(action.run()).then(this.retry); }}>{action.label}</button>
          ))}
          <button type="button" className="tool-button tool-button--primary" onClick={this.retry} title="Draw this area again">Try again</button>
        </div>
      </div>
    );
  }
}
