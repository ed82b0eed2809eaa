/**
 * The few GitHub REST calls the action makes (global fetch; no dependency):
 * list, create and update issue comments; list, add and remove an issue's
 * labels. Pull requests are issues for both. Errors carry the HTTP status so
 * the caller can tell a read-only token (403, fork pull requests) apart.
 */

export const MARKER_PREFIX = "<!-- trusthub-plan";

export const LABELS = {
  changes: "trusthub:changes",
  blocked: "trusthub:blocked",
  deletes: "trusthub:deletes",
  noChanges: "trusthub:no-changes",
} as const;

export class GitHubError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "GitHubError";
    this.status = status;
  }
}

export interface Comment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string; type?: string } | null;
}

export interface GitHub {
  comments(issue: number): Promise<Comment[]>;
  createComment(issue: number, body: string): Promise<Comment>;
  updateComment(id: number, body: string): Promise<Comment>;
  labels(issue: number): Promise<string[]>;
  addLabels(issue: number, names: string[]): Promise<void>;
  removeLabel(issue: number, name: string): Promise<void>;
}

/** A client for `owner/repo` at `apiUrl` (GITHUB_API_URL: github.com or a GHES host). */
export function github(apiUrl: string, repository: string, token: string): GitHub {
  const base = `${apiUrl.replace(/\/+$/, "")}/repos/${repository}`;
  async function call(method: string, url: string, body?: unknown): Promise<Response> {
    const res = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "trusthub-reconciler-action",
        ...(body !== undefined && { "Content-Type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      const text = (await res.text()).slice(0, 300);
      const path = url.slice(apiUrl.length);
      throw new GitHubError(res.status, `GitHub ${method} ${path}: ${res.status} ${text}`);
    }
    return res;
  }
  async function all<T>(url: string): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = url;
    for (let page = 0; next !== undefined && page < 100; page++) {
      const res = await call("GET", next);
      out.push(...((await res.json()) as T[]));
      next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
    }
    return out;
  }
  const json = async <T>(res: Promise<Response>): Promise<T> => (await (await res).json()) as T;
  return {
    comments: (issue) => all<Comment>(`${base}/issues/${issue}/comments?per_page=100`),
    createComment: (issue, body) =>
      json(call("POST", `${base}/issues/${issue}/comments`, { body })),
    updateComment: (id, body) => json(call("PATCH", `${base}/issues/comments/${id}`, { body })),
    labels: async (issue) =>
      (await all<{ name: string }>(`${base}/issues/${issue}/labels?per_page=100`)).map(
        (l) => l.name,
      ),
    addLabels: async (issue, labels) => {
      await call("POST", `${base}/issues/${issue}/labels`, { labels });
    },
    removeLabel: async (issue, name) => {
      await call("DELETE", `${base}/issues/${issue}/labels/${encodeURIComponent(name)}`);
    },
  };
}

/**
 * One comment per pull request: the first earlier comment whose body starts
 * with the marker prefix (a bot's first, as GITHUB_TOKEN posts as a bot) is
 * updated; otherwise a new one is created.
 */
export async function upsertComment(gh: GitHub, issue: number, body: string): Promise<Comment> {
  const ours = (await gh.comments(issue)).filter((c) => (c.body ?? "").startsWith(MARKER_PREFIX));
  const previous = ours.find((c) => c.user?.type === "Bot") ?? ours[0];
  return previous ? gh.updateComment(previous.id, body) : gh.createComment(issue, body);
}

/** Adds the wanted trusthub:* labels and removes the other trusthub:* ones present. */
export async function syncLabels(
  gh: GitHub,
  issue: number,
  wanted: string[],
): Promise<{ added: string[]; removed: string[] }> {
  const ours = new Set<string>(Object.values(LABELS));
  const present = new Set(await gh.labels(issue));
  const added = wanted.filter((l) => !present.has(l));
  const removed = [...present].filter((l) => ours.has(l) && !wanted.includes(l));
  if (added.length > 0) await gh.addLabels(issue, added);
  for (const l of removed) await gh.removeLabel(issue, l);
  return { added, removed };
}
