import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

interface Props {
  /** What this boundary protects, for the message ("the canvas", "the inspector"). */
  readonly area: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps a crash in one area from blanking the whole window; the rest keeps working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Shotcanvas: ${this.props.area} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <strong>Something went wrong in {this.props.area}.</strong>
        <span>{this.state.error.message}</span>
        <span className="field-hint">Your work is saved in the project folder. Try again, or reopen the project.</span>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
