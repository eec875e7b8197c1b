import { ipcMain, type WebContents } from 'electron';
import type { App, SessionPort } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { toErrorBody } from '../api/errors.js';

export const INVOKE_CHANNEL = 'sipeka:invoke';

/**
 * The IPC transport: the same dispatcher as HTTP. Each window keeps its own session token in
 * the main process, so the renderer never holds it. Errors travel as data because Electron
 * flattens thrown errors to a message string.
 */
export function registerIpc(app: App): void {
  const tokens = new Map<number, string | null>();
  ipcMain.handle(INVOKE_CHANNEL, async (event, procedure: unknown, input: unknown) => {
    const sender: WebContents = event.sender;
    if (!tokens.has(sender.id)) sender.once('destroyed', () => tokens.delete(sender.id));
    const session: SessionPort = {
      token: tokens.get(sender.id) ?? null,
      set(token) {
        this.token = token;
        tokens.set(sender.id, token);
      },
    };
    try {
      const data = await dispatch(app, { procedure: String(procedure), input, session, origin: 'ipc' });
      return { ok: true, data };
    } catch (err) {
      return { ok: false, error: toErrorBody(app, err, 'id', { procedure }).body.error };
    }
  });
}
