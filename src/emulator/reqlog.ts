/** The request log: every API request (not sandbox controls) by method and path. */

export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  accountSid: string | null;
  /** Epoch ms when the request arrived. */
  at: number;
}

export interface LogFilter {
  method?: string | undefined;
  path?: string | undefined;
  pathPrefix?: string | undefined;
}

const MAX_ENTRIES = 100_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(e: LoggedRequest): void {
    this.entries.push(e);
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  query(f: LogFilter): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (f.method === undefined || e.method === f.method.toUpperCase()) &&
        (f.path === undefined || e.path === f.path) &&
        (f.pathPrefix === undefined || e.path.startsWith(f.pathPrefix)),
    );
  }

  reset(): void {
    this.entries = [];
  }
}
