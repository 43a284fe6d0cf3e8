// The status bar item: shows whether the language server is starting, running, stopped or failed, and opens the
// output channel when clicked.
import * as vscode from 'vscode';

/** The server's state as the user sees it. */
export type ServerStatus = 'starting' | 'running' | 'stopped' | 'error';

const LOOK: Record<ServerStatus, { icon: string; tooltip: string }> = {
  starting: { icon: '$(sync~spin)', tooltip: 'The valohai-lint server is starting.' },
  running: { icon: '$(check)', tooltip: 'The valohai-lint server is running.' },
  stopped: { icon: '$(circle-slash)', tooltip: 'The valohai-lint server is stopped.' },
  error: { icon: '$(error)', tooltip: 'The valohai-lint server failed. Click to see its output.' },
};

/** A status bar item bound to a command that shows the server's output. */
export class ServerStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private current: ServerStatus = 'stopped';

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('valohaiLint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'valohai-lint';
    this.item.command = showOutputCommand;
    this.set('starting');
    this.item.show();
  }

  /** The state last shown. */
  get status(): ServerStatus {
    return this.current;
  }

  /** Shows `status`, with `detail` (e.g. an error message) in the tooltip. */
  set(status: ServerStatus, detail?: string): void {
    this.current = status;
    const look = LOOK[status];
    this.item.text = `${look.icon} valohai-lint`;
    this.item.tooltip = detail ? `${look.tooltip}\n${detail}` : look.tooltip;
    this.item.accessibilityInformation = { label: `valohai-lint: ${status}`, role: 'button' };
    this.item.backgroundColor =
      status === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
