// The lifecycle the LSP specification requires of a server: before `initialize`, requests fail with
// ServerNotInitialized (-32002) and notifications are dropped (`exit` aside, which the connection handles); after
// `shutdown`, requests fail with InvalidRequest (-32600) and notifications are dropped too.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export class Lifecycle {
  private phase: 'starting' | 'running' | 'shutDown' = 'starting';

  /** `initialize` arrived; a second one is refused, as the specification allows it only once. */
  initialize(): void {
    if (this.phase !== 'starting') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized: "initialize" may be sent only once.');
    this.phase = 'running';
  }

  /** `shutdown` arrived (itself a request, so it is checked like one first). */
  shutDown(): void {
    this.checkRequest();
    this.phase = 'shutDown';
  }

  /** Throws the error the specification requires when a request may not be served now. Call it synchronously. */
  checkRequest(): void {
    if (this.phase === 'starting') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send "initialize" first.');
    if (this.phase === 'shutDown') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down: only "exit" is accepted now.');
  }

  /** True while notifications are to be handled. */
  get running(): boolean {
    return this.phase === 'running';
  }
}
