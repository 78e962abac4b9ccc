import { Component, type ReactNode } from 'react';

interface Props {
  /** The localized message shown instead of the contribution once it has thrown. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Catches what a plugin's panel or card throws while rendering, so one broken plugin shows a
 * message in its own box and the rest of the page keeps working. (React offers this only as a
 * class component.)
 */
export class PluginErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.error('plugin UI failed:', error);
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
