/** Talks to the kezen API with the signed-in token; problem+json errors become readable messages. */
const TOKEN_KEY = 'kezen.token';

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function setToken(value: string | null): void {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export interface Claims {
  sub?: string;
  name?: string;
  roles?: string[];
  providerId?: string;
  exp?: number;
}
/** Reads the token's claims for display only; the server verifies the signature. */
export function claims(): Claims | null {
  const raw = token();
  if (!raw) return null;
  try {
    const payload = raw.split('.')[1] ?? '';
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Claims;
  } catch {
    return null;
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; code?: string; rule?: string },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', ...extra };
  const tk = token();
  if (tk) h.Authorization = `Bearer ${tk}`;
  return h;
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) {
    let problem = {};
    try {
      problem = await res.json();
    } catch {
      /* not json */
    }
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  return json as T;
}

/** Opens a PDF (or any authenticated file) in a new tab through a blob URL: the token never goes into a URL. */
export async function openAuthenticated(path: string, accept: string): Promise<void> {
  const res = await fetch(path, { headers: headers({ Accept: accept }) });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Server-sent events over fetch (EventSource cannot send an Authorization header).
 * Reconnects with back-off and resumes after the last event id it saw.
 */
export function liveStream(
  path: string,
  onEvent: (data: unknown, id: string | undefined) => void,
  onStatus: (live: boolean) => void,
  /** Resume after this cursor (e.g. the log position the numbers on screen were computed at). */
  startAfter?: string,
): () => void {
  let stopped = false;
  let lastId: string | undefined = startAfter;
  let controller: AbortController | undefined;
  let delay = 1000;
  const run = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const url = lastId ? `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(lastId)}` : path;
        const res = await fetch(url, {
          headers: headers({ Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}) }),
          signal: controller.signal,
        });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        onStatus(true);
        delay = 1000;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let sep: number;
          while ((sep = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, sep);
            buffer = buffer.slice(sep + 2);
            let data = '';
            let id: string | undefined;
            for (const line of block.split('\n')) {
              if (line.startsWith('data:')) data += line.slice(5).trimStart();
              else if (line.startsWith('id:')) id = line.slice(3).trim();
            }
            if (id) lastId = id;
            if (data) {
              try {
                onEvent(JSON.parse(data), id);
              } catch {
                onEvent(data, id);
              }
            }
          }
        }
      } catch {
        /* reconnect below */
      }
      onStatus(false);
      if (stopped) break;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
