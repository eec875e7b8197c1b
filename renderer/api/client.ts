import type { In, Out, ProcedureName } from '../../shared/api/index';
import { ERRORS, type ErrorBody, type ErrorCode, type ErrorParams, type Language } from '../../shared/errors';
import { currentLanguage, DICTIONARIES } from '../i18n';

type ErrorShape = ErrorBody['error'];
type InvokeResult = { ok: true; data: unknown } | { ok: false; error: ErrorShape };

declare global {
  interface Window {
    /** Present only inside the desktop app: the Electron preload's one function. */
    sipeka?: { invoke(procedure: string, input: unknown): Promise<InvokeResult> };
  }
}

/** A refusal from the backend, or `NETWORK` when no answer came back at all. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly message_id: string;
  readonly message_en: string;
  readonly params: ErrorParams;

  constructor(error: Omit<ErrorShape, 'code' | 'message'> & { code: ErrorCode | 'NETWORK' }, status: number) {
    super(error.message_en);
    this.name = 'ApiError';
    this.code = error.code;
    this.status = status;
    this.message_id = error.message_id;
    this.message_en = error.message_en;
    this.params = error.params;
  }

  /** The message in the UI's language now, which may differ from when the error arrived. */
  messageIn(lang: Language): string {
    return lang === 'en' ? this.message_en : this.message_id;
  }
}

const SESSION_LOST: ReadonlySet<string> = new Set<ErrorCode>(['UNAUTHENTICATED', 'SESSION_EXPIRED']);
let onSessionLost: (error: ApiError) => void = () => {};

/** The app registers here to return to the login page whenever the backend no longer knows us. */
export function whenSessionLost(handler: (error: ApiError) => void): void {
  onSessionLost = handler;
}

/** The one way the renderer talks to the backend, typed by the contract in shared/api. */
export const api = {
  async call<N extends ProcedureName>(name: N, input: In<N>): Promise<Out<N>> {
    const bridge = window.sipeka;
    const result = bridge ? await invokeIpc(bridge, name, input) : await invokeHttp(name, input);
    if ('error' in result) {
      if (SESSION_LOST.has(result.error.code)) onSessionLost(result.error);
      throw result.error;
    }
    return result.data as Out<N>;
  },
};

type Outcome = { data: unknown } | { error: ApiError };

async function invokeIpc(bridge: NonNullable<Window['sipeka']>, name: string, input: unknown): Promise<Outcome> {
  const answer = await bridge.invoke(name, input);
  if (answer.ok) return { data: answer.data };
  return { error: new ApiError(answer.error, ERRORS[answer.error.code]?.status ?? 500) };
}

async function invokeHttp(name: string, input: unknown): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sipeka-lang': currentLanguage() },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    return { error: networkError(0) };
  }
  // A proxy or a half-started server may answer with something that is not our JSON.
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  if (response.ok && body) return { data: body };
  if (body?.error?.code) return { error: new ApiError(body.error, response.status) };
  return { error: networkError(response.status) };
}

function networkError(status: number): ApiError {
  return new ApiError({ code: 'NETWORK', message_id: DICTIONARIES.id.errors.network, message_en: DICTIONARIES.en.errors.network, params: {} }, status);
}
