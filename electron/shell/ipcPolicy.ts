// Who may call the core over IPC. Pure (no `electron` import) so the rule is
// unit-tested with plain inputs; electron/shell/ipc.ts feeds it from the real event.
import { type SerializedError } from '../../shared/errors';
import { isAppUrl } from './urlPolicy';

export interface SenderInfo {
  /** `event.senderFrame.url`; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null | undefined;
  /** Whether the sending frame is its page's main frame (we never embed frames). */
  isMainFrame: boolean;
  /** `event.sender.id`: the webContents that sent the message. */
  webContentsId: number;
}

/**
 * A call is served only when it comes from the main frame of one of our own windows
 * and that frame is showing the app (app://briefbook). A page that somehow navigated
 * elsewhere, a sub-frame, or any other webContents is refused.
 */
export function isTrustedSender(sender: SenderInfo, ourWebContentsIds: ReadonlySet<number>): boolean {
  return (
    ourWebContentsIds.has(sender.webContentsId) &&
    sender.isMainFrame &&
    typeof sender.frameUrl === 'string' &&
    isAppUrl(sender.frameUrl)
  );
}

export const UNTRUSTED_SENDER_ERROR: SerializedError = {
  code: 'unauthorized',
  message: 'This request did not come from a Briefbook window and was refused.',
  problems: [],
};
